import Foundation

/// The `datapackage.json` of a dataset folder: which file holds which table.
public struct DataPackage: Sendable {
    public struct Resource: Sendable {
        public let table: TableDefinition
        /// Path relative to the dataset folder.
        public let path: String
        public let format: Format
    }

    public enum Format: String, Sendable { case csv, jsonl }

    public let directory: URL
    public let name: String?
    /// The tables present, in load order. Optional tables that are absent have no resource.
    public let resources: [Resource]

    public static let fileName = "datapackage.json"

    /// Reads the descriptor. Throws `DatasetMissing` when the folder, the descriptor or a
    /// file it names is missing, and `DatasetInvalid` when the descriptor is wrong.
    public static func read(directory: URL) throws -> DataPackage {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DatasetMissing(path: directory.path, reason: "no such dataset folder")
        }
        let descriptorURL = directory.appendingPathComponent(fileName)
        if let problem = DatasetFileCheck.problem(fileName, in: directory) {
            throw DatasetInvalid(problems: [problem], unlisted: 0)
        }
        guard let data = FileManager.default.contents(atPath: descriptorURL.path) else {
            throw DatasetMissing(path: descriptorURL.path, reason: "missing: a dataset folder needs a datapackage.json (scorecard init writes one; see docs/data-format.md)")
        }
        func problem(_ field: String, _ reason: String) -> DatasetInvalid {
            DatasetInvalid(problems: [DatasetProblem(file: fileName, line: nil, field: field, reason: reason)], unlisted: 0)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw problem("(file)", "is not a JSON object")
        }
        guard let list = object["resources"] as? [[String: Any]] else {
            throw problem("resources", "is missing or not an array of objects")
        }
        var problems: [DatasetProblem] = []
        var byName: [String: Resource] = [:]
        for (index, entry) in list.enumerated() {
            let label = "resources[\(index)]"
            guard let name = entry["name"] as? String else {
                problems.append(DatasetProblem(file: fileName, line: nil, field: label, reason: "has no name"))
                continue
            }
            guard let table = DatasetSchema.table(name) else {
                problems.append(DatasetProblem(file: fileName, line: nil, field: label, reason: "unknown resource '\(name)' (known: \(DatasetSchema.tables.map(\.name).joined(separator: ", ")))"))
                continue
            }
            guard byName[name] == nil else {
                problems.append(DatasetProblem(file: fileName, line: nil, field: label, reason: "resource '\(name)' is listed twice"))
                continue
            }
            guard let path = entry["path"] as? String, !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                problems.append(DatasetProblem(file: fileName, line: nil, field: label, reason: "resource '\(name)' needs a relative \"path\" inside the dataset folder"))
                continue
            }
            let formatName = (entry["format"] as? String) ?? (path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") ? "jsonl" : "csv")
            guard let format = Format(rawValue: formatName), format == .csv || name == "evidence" else {
                problems.append(DatasetProblem(file: fileName, line: nil, field: label, reason: "format '\(formatName)' is not supported for '\(name)' (csv; jsonl for evidence only)"))
                continue
            }
            byName[name] = Resource(table: table, path: path, format: format)
        }
        for table in DatasetSchema.tables where table.required && byName[table.name] == nil {
            problems.append(DatasetProblem(file: fileName, line: nil, field: "resources", reason: "the required resource '\(table.name)' is not listed"))
        }
        if !problems.isEmpty { throw DatasetInvalid(problems: problems.sorted(), unlisted: 0) }
        let resources = DatasetSchema.tables.compactMap { byName[$0.name] }
        for resource in resources where !FileManager.default.fileExists(atPath: directory.appendingPathComponent(resource.path).path) {
            throw DatasetMissing(path: directory.appendingPathComponent(resource.path).path, reason: "missing: datapackage.json names it as resource '\(resource.table.name)'")
        }
        let unreadable = resources.compactMap { DatasetFileCheck.problem($0.path, in: directory) }
        if !unreadable.isEmpty { throw DatasetInvalid(problems: unreadable.sorted(), unlisted: 0) }
        return DataPackage(directory: directory, name: object["name"] as? String, resources: resources)
    }

    public func url(of resource: Resource) -> URL { directory.appendingPathComponent(resource.path) }
}
