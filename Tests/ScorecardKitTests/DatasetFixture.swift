import Foundation
import Logging
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// A copy of an example dataset in a temporary folder, for a test to edit.
struct DatasetFixture {
    let directory: URL

    init(copying example: String = "Examples/minimal") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-dataset-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ProjectFiles.url(example), to: directory)
    }

    func url(_ file: String) -> URL { directory.appendingPathComponent(file) }

    func read(_ file: String) throws -> String { try String(contentsOf: url(file), encoding: .utf8) }

    func write(_ file: String, _ contents: String) throws { try Data(contents.utf8).write(to: url(file)) }

    func writeBytes(_ file: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: url(file)) }

    /// Appends a record (a line of CSV, without its newline).
    func append(_ file: String, _ record: String) throws {
        try write(file, try read(file) + record + "\n")
    }

    /// Replaces text in a file; the text must occur.
    func replace(_ file: String, _ old: String, with new: String) throws {
        let text = try read(file)
        precondition(text.contains(old), "\(file) does not contain \(old)")
        try write(file, text.replacingOccurrences(of: old, with: new))
    }

    func remove(_ file: String) throws { try FileManager.default.removeItem(at: url(file)) }

    /// Changes the entry of resource `name` in datapackage.json (the rest is left as it is).
    func updateResource(_ name: String, _ change: (inout [String: Any]) -> Void) throws {
        var package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url("datapackage.json"))) as? [String: Any])
        var resources = package["resources"] as? [[String: Any]] ?? []
        let index = try #require(resources.firstIndex { $0["name"] as? String == name }, "no resource \(name)")
        change(&resources[index])
        package["resources"] = resources
        try write("datapackage.json", try FrictionlessDescriptor.json(package))
    }

    /// The records of a CSV file (header first), as text.
    func records(_ file: String) throws -> [[String]] {
        let reader = try CSVReader(url: url(file))
        var rows: [[String]] = []
        while let record = try reader.next() { rows.append(record.fields.map { String(decoding: $0, as: UTF8.self) }) }
        return rows
    }

    /// Writes records as CSV in a dialect, quoting every field that needs it, as UTF-8 or (for a
    /// single-byte encoding) through `encode`.
    func writeRecords(_ file: String, _ rows: [[String]], delimiter: Character = ",", quote: Character = "\"",
                      encode: ((String) -> [UInt8])? = nil) throws {
        func quoted(_ field: String) -> String {
            guard field.contains(where: { $0 == delimiter || $0 == quote || $0 == "\n" || $0 == "\r" }) else { return field }
            return String(quote) + field.replacingOccurrences(of: String(quote), with: String([quote, quote])) + String(quote)
        }
        let text = rows.map { $0.map(quoted).joined(separator: String(delimiter)) + "\n" }.joined()
        try writeBytes(file, encode?(text) ?? Array(text.utf8))
    }

    /// Puts a CSV file's columns in reverse order, header included (the format allows any order).
    func reverseColumns(_ file: String) throws {
        try writeRecords(file, try records(file).map { $0.reversed() })
    }

    /// Replaces evidence.csv with evidence.jsonl holding the same records (`source_ids` an array,
    /// `severity` a number, empty fields left out), and the descriptor with one that says so.
    func convertEvidenceToJSONLines() throws {
        let rows = try records("evidence.csv")
        let header = rows[0]
        var lines = ""
        for row in rows.dropFirst() {
            var object: [String: Any] = [:]
            for (name, value) in zip(header, row) where !value.isEmpty {
                switch name {
                case "severity": object[name] = Int(value)!
                case "source_ids": object[name] = value.split(separator: ";").map(String.init)
                default: object[name] = value
                }
            }
            lines += String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
        }
        try write("evidence.jsonl", lines)
        try remove("evidence.csv")
        try write("datapackage.json", try FrictionlessDescriptor.json(
            FrictionlessDescriptor.dataPackage(name: "jsonl", title: "JSON Lines", evidenceFormat: .jsonl)))
    }

    func loader(today: CalendarDate = .fixtureAsOf) -> DatasetLoader {
        DatasetLoader(directory: directory, today: today, logger: Logger.quiet)
    }
}

extension CalendarDate {
    /// The date the tests take for today (as `make demo` does), so that no test depends on the day
    /// it runs: the Pall Mall example's latest complete quarter is then 2025-Q4.
    static let fixtureAsOf = CalendarDate(year: 2026, month: 1, day: 1)!
}

/// A database with the schema migrated, for one test.
func migratedDatabase(_ prefix: String) throws -> Connection {
    let connection = try Connection(conninfo: try TestCluster.makeDatabase(prefix: prefix), logger: Logger.quiet)
    try Migrator(logger: Logger.quiet).migrate(connection)
    return connection
}

/// A digest of everything a load writes, to show that a failed load wrote nothing.
func databaseFingerprint(_ connection: Connection) throws -> [String: String] {
    try DatabaseContent.exact(connection, only: DatasetSchema.tables.map(\.name) + ["load_batches", "record_history"])
}

/// The problems a failing validation reports, as the CLI prints them.
func problems(of body: () throws -> Void) -> [String] {
    do {
        try body()
        return []
    } catch let invalid as DatasetInvalid {
        return invalid.problems.map(\.description)
    } catch {
        return ["unexpected error: \(error)"]
    }
}

extension MethodologyFile {
    /// The methodology of the scoring fixture (Tests/Fixtures/scoring/), whose figures the tests compute by hand.
    static func scoringFixture() throws -> MethodologyFile {
        try MethodologyFile.load(path: ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml").path)
    }
}
