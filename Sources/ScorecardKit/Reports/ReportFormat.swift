import Foundation

/// The formats a report renders to, and the file extension of each.
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

/// Renders a report model in one format.
public enum ReportRenderer {
    /// - Parameter color: ANSI colour, for the text format written to a terminal only; files never are.
    public static func render(_ model: ReportModel, as format: ReportFormat, color: Bool = false) -> String {
        switch format {
        case .text: return TextReport.render(model, color: color)
        case .json: return JSONReport.render(model)
        case .markdown: return MarkdownReport.render(model)
        case .html: return HTMLReport.render(model)
        case .csv: return CSVReport.render(model)
        }
    }

    /// Renders several formats at once, one per core: each is a pure function of the model.
    /// The result is in the order of `formats`, whatever order they finish in.
    public static func renderConcurrently(_ model: ReportModel, formats: [ReportFormat]) -> [(format: ReportFormat, text: String)] {
        let results = RenderedTexts(count: formats.count)
        DispatchQueue.concurrentPerform(iterations: formats.count) { index in
            results.set(index, render(model, as: formats[index]))
        }
        return zip(formats, results.texts).map { ($0, $1) }
    }
}

/// Slots for concurrently rendered texts, each written once under a lock.
private final class RenderedTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]

    init(count: Int) { storage = Array(repeating: "", count: count) }

    func set(_ index: Int, _ text: String) { lock.withLock { storage[index] = text } }

    var texts: [String] { lock.withLock { storage } }
}
