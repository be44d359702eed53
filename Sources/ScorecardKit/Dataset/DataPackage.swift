import Foundation

/// The `datapackage.json` of a dataset folder: which file holds which table, and how it is written.
/// Reads the v1 and the v2 form of the Frictionless standard alike; an option Scorecard cannot honour
/// is one problem naming it, and nothing is read.
public struct DataPackage: Sendable {
    public struct Resource: Sendable {
        public let table: TableDefinition
        /// Path relative to the dataset folder.
        public let path: String
        public let format: Format
        public let dialect: CSVDialect
        public let encoding: TextEncoding
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
        if let version = object["$schema"], let reason = unreadableVersion(version) {
            problems.append(DatasetProblem(file: fileName, line: nil, field: "$schema", reason: reason))
        }
        var byName: [String: Resource] = [:]
        /// Resources listed, read or not: one that cannot be read is not also "not listed".
        var listed: Set<String> = []
        for (index, entry) in list.enumerated() {
            let label = "resources[\(index)]"
            guard let name = entry["name"] as? String else {
                problems.append(DatasetProblem(file: fileName, line: nil, field: label, reason: "has no name", position: index))
                continue
            }
            guard let table = DatasetSchema.table(name) else {
                problems.append(DatasetProblem(file: fileName, line: nil, field: label, reason: "unknown resource '\(name)' (known: \(DatasetSchema.tables.map(\.name).joined(separator: ", ")))", position: index))
                continue
            }
            guard listed.insert(name).inserted else {
                problems.append(DatasetProblem(file: fileName, line: nil, field: label, reason: "resource '\(name)' is listed twice", position: index))
                continue
            }
            switch resource(entry, table: table, index: index) {
            case let .success(resource): byName[name] = resource
            case let .failure(found): problems += found.problems
            }
        }
        for table in DatasetSchema.tables where table.required && !listed.contains(table.name) {
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

    /// Why a `$schema` names a version Scorecard does not read, or nil: absent or any 1.x (v1), 2.x
    /// (v2), or a profile of the publisher's own (which extends one of them).
    static func unreadableVersion(_ value: Any) -> String? {
        guard let profile = value as? String else { return "must be a string (the profile's URL)" }
        let standard = "https://datapackage.org/profiles/"
        guard profile.hasPrefix(standard) else { return nil }
        let version = profile.dropFirst(standard.count).prefix { $0 != "/" }
        if version.hasPrefix("1.") || version.hasPrefix("2.") { return nil }
        return "Data Package \(version) is not a version Scorecard reads (1.x and 2.x: \(FrictionlessDescriptor.dataPackageProfile))"
    }

    /// One resource entry: where its file is and how it is written, or every problem with it.
    /// `index`: its place in `resources`, which problems name and are sorted by.
    static func resource(_ entry: [String: Any], table: TableDefinition, index: Int) -> Result<Resource, ProblemsFound> {
        let label = "resources[\(index)]"
        func refuse(_ field: String, _ reason: String) -> Result<Resource, ProblemsFound> {
            .failure(ProblemsFound(problems: [DatasetProblem(file: fileName, line: nil, field: "\(label)\(field)", reason: reason, position: index)]))
        }
        let path: String
        switch entry["path"] {
        case let single as String:
            path = single
        case let parts as [Any] where parts.count == 1:
            guard let single = parts[0] as? String else { return refuse(".path", "must be a relative path inside the dataset folder") }
            path = single
        case let parts as [Any] where parts.count > 1:
            return refuse(".path", "lists \(parts.count) files; Scorecard reads one file per resource: join them into one (\(table.fileName))")
        default:
            return refuse("", "resource '\(table.name)' needs a relative \"path\" inside the dataset folder")
        }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            return refuse("", "resource '\(table.name)' needs a relative \"path\" inside the dataset folder")
        }
        let jsonlMediaTypes = ["application/jsonl", "application/x-ndjson", "application/x-jsonlines"]
        let formatName = (entry["format"] as? String)?.lowercased()
            ?? (jsonlMediaTypes.contains(entry["mediatype"] as? String ?? "") ? "jsonl" : nil)
            ?? (path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") ? "jsonl" : "csv")
        guard let format = Format(rawValue: formatName == "ndjson" ? "jsonl" : formatName), format == .csv || table.name == "evidence" else {
            return refuse("", "format '\(formatName)' is not supported for '\(table.name)' (csv; jsonl for evidence only)")
        }
        // The encoding and the dialect are reported together: every option to change at once.
        var problems: [DatasetProblem] = []
        var encoding = TextEncoding.utf8
        if let declared = entry["encoding"] {
            if let name = declared as? String, let known = TextEncoding(label: name) {
                if known == .utf8 || format == .csv {
                    encoding = known
                } else {
                    problems.append(DatasetProblem(file: fileName, line: nil, field: "\(label).encoding",
                                                   reason: "\(name): JSON Lines are UTF-8 (RFC 8259); save \(path) as UTF-8", position: index))
                }
            } else {
                problems.append(DatasetProblem(file: fileName, line: nil, field: "\(label).encoding", reason: "\(CSVDialect.shown(declared)) is not an "
                    + "encoding Scorecard reads (\(TextEncoding.supportedLabels)); save \(path) as UTF-8", position: index))
            }
        }
        switch CSVDialect.read(entry, table: table, format: format, index: index) {
        case let .success(dialect) where problems.isEmpty:
            return .success(Resource(table: table, path: path, format: format, dialect: dialect, encoding: encoding))
        case .success:
            return .failure(ProblemsFound(problems: problems))
        case let .failure(found):
            return .failure(ProblemsFound(problems: problems + found.problems))
        }
    }
}
