import Foundation

/// The formats of an edition (`EditionLayout`): text, Markdown, HTML and JSON pages, and `csv`, the
/// data folder (CSV, NDJSON and its `datapackage.json`).
public enum ReportFormat: String, Sendable, CaseIterable, Hashable {
    case text, json, markdown, html, csv

    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .json: return "json"
        case .markdown: return "md"
        case .html: return "html"
        case .csv: return "csv"
        }
    }

    /// Parses a comma-separated list (`text,json`), keeping the order given and dropping repeats.
    public static func parseList(_ list: String) throws -> [ReportFormat] {
        var formats: [ReportFormat] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            let format: ReportFormat?
            switch name {
            case "md": format = .markdown
            case "txt": format = .text
            case "htm": format = .html
            default: format = ReportFormat(rawValue: name)
            }
            guard let format else { throw ReportError.unknownFormat(String(part)) }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }
}
