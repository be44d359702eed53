import Foundation

/// The Frictionless Data validator from PyPI (`frictionless`), which `make test-tools` installs into
/// `.venv-test/`: the ecosystem's own reading of a descriptor and its data. A missing validator is a
/// failure that says how to install it, never a skip.
public enum Frictionless {
    public static let executable = ProjectFiles.url(".venv-test/bin/frictionless")

    public struct Report: Sendable {
        public let valid: Bool
        /// Every error, as `resource: type: note` (the package's own errors under `package`).
        public let errors: [String]
        /// The validator's output when it was not a report (it could not run, or crashed).
        public let output: String
    }

    /// `frictionless validate` in strict mode: the v2 standard (`--standards v2`, which also applies
    /// its version gates), every row checked, the JSON report read back.
    public static func validate(_ path: String) throws -> Report {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            return Report(valid: false, errors: ["\(executable.path) is missing: run `make test-tools` (make test does)"], output: "")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["validate", "--standards", "v2", "--json", "--limit-errors", "100", path]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("frictionless-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = try String(contentsOf: output, encoding: .utf8)
        guard let report = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return Report(valid: false, errors: ["frictionless gave no JSON report (exit \(process.terminationStatus))"], output: text)
        }
        var errors = (report["errors"] as? [[String: Any]] ?? []).map { describe($0, in: "package") }
        for task in report["tasks"] as? [[String: Any]] ?? [] {
            let name = task["name"] as? String ?? "?"
            errors += (task["errors"] as? [[String: Any]] ?? []).map { describe($0, in: name) }
        }
        return Report(valid: report["valid"] as? Bool == true && process.terminationStatus == 0, errors: errors, output: text)
    }

    private static func describe(_ error: [String: Any], in resource: String) -> String {
        var place = resource
        if let row = error["rowNumber"] as? Int { place += ":\(row)" }
        if let field = error["fieldName"] as? String { place += ": \(field)" }
        return "\(place): \(error["type"] as? String ?? "error"): \(error["note"] as? String ?? error["message"] as? String ?? "")"
    }

    /// What a strict v2 reader would take for the v1 form in a Data Package or Table Schema descriptor:
    /// no v2 `$schema` at the root, a legacy `profile`, a `primaryKey` or foreign key `fields` given as
    /// a string (v2: an array; strings are read only for backward compatibility).
    public static func v1Leftovers(_ descriptor: [String: Any], root profile: String) -> [String] {
        var found: [String] = []
        if descriptor["$schema"] as? String != profile { found.append("$schema is not \(profile)") }
        func walk(_ node: Any, _ path: String) {
            if let list = node as? [Any] {
                for (index, item) in list.enumerated() { walk(item, "\(path)[\(index)]") }
                return
            }
            guard let object = node as? [String: Any] else { return }
            if object["profile"] != nil { found.append("\(path).profile: a v1 property (v2 has $schema at the root, type: table)") }
            if object["primaryKey"] is String { found.append("\(path).primaryKey: a string, not an array") }
            for (index, key) in (object["foreignKeys"] as? [[String: Any]] ?? []).enumerated() {
                if key["fields"] is String { found.append("\(path).foreignKeys[\(index)].fields: a string, not an array") }
                if (key["reference"] as? [String: Any])?["fields"] is String {
                    found.append("\(path).foreignKeys[\(index)].reference.fields: a string, not an array")
                }
            }
            for (key, value) in object { walk(value, "\(path).\(key)") }
        }
        walk(descriptor, "")
        return found.sorted()
    }
}
