import Foundation

/// What a dataset records that a methodology leaves unscored: evidence types that no indicator
/// counts, instruments that no indicator lists. Not problems (a dataset may record more than one
/// methodology scores), but a monitor who adds "sanction lifted" and sees nothing change should be
/// told why (`scorecard methodology check --dataset`).
public enum MethodologyCoverage {
    /// One warning per kind of thing left unscored, naming them in the dataset's order; none when
    /// every evidence type and instrument is used. Reads only the ids of the dataset's
    /// `evidence_types` and `instruments` files (a dataset that does not validate still has them).
    public static func warnings(_ methodology: Methodology, dataset directory: URL) throws -> [String] {
        let package = try DataPackage.read(directory: directory)
        let counted = Set(methodology.indicators.flatMap(\.evidenceTypes))
        let listed = Set(methodology.indicators.flatMap(\.instruments.keys))
        var warnings: [String] = []
        for (table, used, noun, verb) in [("evidence_types", counted, "evidence type", "counts"), ("instruments", listed, "instrument", "lists")] {
            guard let resource = package.resources.first(where: { $0.table.name == table }) else { continue }
            let unused = try ids(of: resource, in: package).filter { !used.contains($0) }
            guard !unused.isEmpty else { continue }
            let names = unused.map { "'\($0)'" }.joined(separator: ", ")
            let counted = unused.count == 1 ? "1 \(noun)" : "\(unused.count) \(noun)s"
            warnings.append("\(resource.path): \(counted) that no indicator of methodology \(methodology.id) \(verb): \(names)")
        }
        return warnings
    }

    /// The distinct valid ids of a table's file, in the order of the file.
    static func ids(of resource: DataPackage.Resource, in package: DataPackage) throws -> [String] {
        let url = package.url(of: resource)
        let source: RecordSource = resource.format == .jsonl
            ? try JSONLinesRecordSource(url: url, file: resource.path, table: resource.table)
            : try CSVRecordSource(url: url, file: resource.path, table: resource.table, dialect: resource.dialect, encoding: resource.encoding)
        let idField = resource.table.fields.firstIndex { $0.name == "id" }!
        var seen: Set<String> = []
        var ids: [String] = []
        while let record = try source.next() {
            let raw = record.field(idField)
            guard !record.unreadable.contains(idField), FieldConverter.isValidID(raw) else { continue }
            let id = String(decoding: raw, as: UTF8.self)
            if seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }
}
