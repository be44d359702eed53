import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `ExitCode` is the one definition of the exit codes; the docs and the database must say the same.
@Suite("Exit codes")
struct ExitCodeTests {
    @Test func theCodesAreSysexitsAndTheShellsForTimeoutsAndSignals() {
        #expect(ExitCode.allCases.map(\.rawValue) == [0, 64, 65, 66, 69, 70, 73, 74, 75, 78, 124, 130, 143])
        #expect(ExitCode.stopped(by: SIGINT) == .interrupted && ExitCode.stopped(by: SIGTERM) == .terminated)
        #expect(Set(ExitCode.allCases.map(\.meaning)).count == ExitCode.allCases.count)
    }

    @Test func theReadmeTableIsTheSwiftTable() throws {
        let rows = try Self.exitCodeTable(in: "README.md")
        try #require(rows.count == ExitCode.allCases.count, "README.md's exit-code table has \(rows.count) rows")
        for (row, code) in zip(rows, ExitCode.allCases) {
            #expect(row["code"] == "\(code.rawValue)", "README.md: \(row)")
            #expect(row["meaning"] == code.meaning, "README.md, exit \(code.rawValue)")
            #expect(row["explanation"] == code.explanation, "README.md, exit \(code.rawValue)")
        }
    }

    @Test func theOperationsTableIsTheSwiftTable() throws {
        let rows = try Self.exitCodeTable(in: "docs/operations.md")
        try #require(rows.count == ExitCode.allCases.count, "docs/operations.md's exit-code table has \(rows.count) rows")
        for (row, code) in zip(rows, ExitCode.allCases) {
            #expect(row["code"] == "\(code.rawValue)", "docs/operations.md: \(row)")
            #expect(row["name"] == code.sysexitsName, "docs/operations.md, exit \(code.rawValue)")
            #expect(row["meaning"] == code.meaning, "docs/operations.md, exit \(code.rawValue)")
            #expect(row["explanation"] == code.explanation, "docs/operations.md, exit \(code.rawValue)")
        }
    }

    @Test func theHelpListsEveryCode() {
        for code in ExitCode.allCases {
            #expect(ExitCode.helpText.contains("\n  \(code.rawValue) \(code.meaning)"))
        }
    }

    /// The `exit_meaning` column of `scorecard.scheduled_runs`, as the migrated database defines
    /// it (whichever file that is), against `ExitCode.meaning`.
    @Test func theScheduledRunsViewMeansTheSame() throws {
        let connection = try Connection(conninfo: try TestCluster.makeDatabase(prefix: "exitcodes"), logger: .quiet)
        try Migrator(logger: .quiet).migrate(connection)
        let definition = try connection.query("SELECT pg_get_viewdef('scorecard.scheduled_runs'::regclass) AS sql")
            .first!.decode("sql", as: String.self)
        let inView = try Self.exitMeanings(inViewDefinition: definition)
        #expect(inView.map(\.code) == ExitCode.allCases.map(\.rawValue))
        for (code, meaning) in inView {
            #expect(meaning == ExitCode(rawValue: code)?.meaning, "scheduled_runs.exit_meaning for \(code)")
        }
    }

    /// The `WHEN n THEN 'text'` pairs of the CASE that yields `exit_meaning`, in order.
    static func exitMeanings(inViewDefinition sql: String) throws -> [(code: Int32, meaning: String)] {
        guard let end = sql.range(of: "AS exit_meaning"),
              let start = sql[..<end.lowerBound].range(of: "CASE", options: .backwards) else {
            throw Problem("no CASE … AS exit_meaning in the view:\n\(sql)")
        }
        let caseText = String(sql[start.lowerBound..<end.lowerBound])
        let pattern = try NSRegularExpression(pattern: #"WHEN\s+(\d+)\s+THEN\s+'((?:[^']|'')*)'"#)
        return pattern.matches(in: caseText, range: NSRange(caseText.startIndex..., in: caseText)).map { match in
            let code = Int32(caseText[Range(match.range(at: 1), in: caseText)!])!
            let meaning = caseText[Range(match.range(at: 2), in: caseText)!].replacingOccurrences(of: "''", with: "'")
            return (code, meaning)
        }
    }

    @Test func theViewParserReadsACase() throws {
        let sql = "SELECT l.id, CASE l.exit_code WHEN 0 THEN 'done'::text WHEN 75 THEN 'it''s locked'::text ELSE NULL::text END AS exit_meaning, l.status"
        let parsed = try Self.exitMeanings(inViewDefinition: sql)
        #expect(parsed.map(\.code) == [0, 75])
        #expect(parsed.map(\.meaning) == ["done", "it's locked"])
    }

    /// The rows of the first Markdown table whose first column is `code`, as header → cell, with
    /// the backticks of inline code taken out of the cells.
    static func exitCodeTable(in relativePath: String) throws -> [[String: String]] {
        let lines = try String(contentsOf: ProjectFiles.url(relativePath), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        func cells(_ line: Substring) -> [String] {
            line.trimmingCharacters(in: .whitespaces).dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "") }
        }
        guard let headerIndex = lines.firstIndex(where: { $0.hasPrefix("|") && cells($0).first == "code" }) else {
            throw Problem("\(relativePath) has no table whose first column is 'code'")
        }
        let header = cells(lines[headerIndex])
        return lines[(headerIndex + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            Dictionary(zip(header, cells(line)), uniquingKeysWith: { first, _ in first })
        }
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
