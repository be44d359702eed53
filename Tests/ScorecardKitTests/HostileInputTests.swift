import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The hostile input corpus (Tests/Fixtures/hostile/, described in docs/hardening.md): malformed
/// files of every kind get a clear error naming file, line, field and reason, and leave a database
/// that already holds a dataset exactly as it was; text full of SQL, shell and HTML metacharacters is
/// stored verbatim and escaped in reports; big files are refused quickly in bounded memory.
@Suite("Hostile input")
struct HostileInputTests {
    static func fixture(_ path: String) -> URL { ProjectFiles.url("Tests/Fixtures/hostile/\(path)") }

    static let evidenceFields = "id, actor_id, evidence_type, occurred_on, published_on, counterpart_id, provision_id, severity, certainty, sensitivity, summary, source_ids, event_id, ends, ends_on"
    /// What a broken evidence file also causes: the response to an evidence record no longer has it.
    static let orphanResponse = "responses.csv:2: evidence_id: unknown evidence 'ev-ruritania-journalists' (not in evidence.csv)"

    /// Loads the minimal example, applies `edit`, and checks that validate (with no database and in
    /// one) and load all report exactly `expected` (exit 65), the checks across records agreeing in
    /// Swift and in SQL, and that no table of the schema changed.
    func expectRejected(_ expected: [String], sourceLocation: SourceLocation = #_sourceLocation,
                        edit: (DatasetFixture) throws -> Void) throws {
        let connection = try migratedDatabase("hostile")
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        _ = try fixture.loader().load(connection: connection)
        let before = try schemaDigest(connection)
        try edit(fixture)
        #expect(problemsFoundEverywhere(fixture, connection, sourceLocation: sourceLocation) == expected, sourceLocation: sourceLocation)
        do {
            _ = try fixture.loader().load(connection: connection)
            Issue.record("the load succeeded", sourceLocation: sourceLocation)
        } catch let invalid as DatasetInvalid {
            #expect(invalid.problems.map(\.description) == expected, sourceLocation: sourceLocation)
            #expect(invalid.exitCode == .dataError, sourceLocation: sourceLocation)
        }
        #expect(try schemaDigest(connection) == before, "the failed load changed the database", sourceLocation: sourceLocation)
    }

    // MARK: Malformed CSV

    struct Case: Sendable, CustomTestStringConvertible {
        let fixture: String
        let expected: [String]
        var testDescription: String { fixture }
    }

    static let malformedCSV: [Case] = [
        Case(fixture: "unterminated-quote.csv", expected: [#"evidence.csv:5: unterminated quoted field (a " opened on this record is never closed)"#]),
        Case(fixture: "stray-quote.csv", expected: ["evidence.csv:5: a quote inside an unquoted field 11 (quote the whole field and double the quote)"]),
        Case(fixture: "too-few-fields.csv", expected: ["evidence.csv:5: has 4 fields, the header has 12"]),
        Case(fixture: "too-many-fields.csv", expected: ["evidence.csv:5: has 13 fields, the header has 12"]),
        Case(fixture: "ragged-and-malformed.csv", expected: [
            "evidence.csv:5: has 2 fields, the header has 12",
            "evidence.csv:6: a quote inside an unquoted field 11 (quote the whole field and double the quote)",
            "evidence.csv:7: has 3 fields, the header has 12",
        ]),
        Case(fixture: "empty.csv", expected: [
            "evidence.csv:1: header: the file is empty; it needs at least the header row: id,actor_id,evidence_type,occurred_on,published_on,counterpart_id,provision_id,severity,certainty,sensitivity,summary,source_ids,event_id,ends,ends_on",
            orphanResponse,
        ]),
        Case(fixture: "header-only.csv", expected: [orphanResponse]),
        Case(fixture: "missing-column.csv", expected: ["evidence.csv:1: header: missing field 'severity'", orphanResponse]),
        Case(fixture: "duplicated-column.csv", expected: ["evidence.csv:1: header: field 'summary' appears twice", orphanResponse]),
        Case(fixture: "unknown-column.csv", expected: ["evidence.csv:1: header: unknown field 'notes' (evidence.csv has: \(evidenceFields))", orphanResponse]),
        Case(fixture: "header-wrong-case.csv", expected: [
            "evidence.csv:1: header: missing fields 'id', 'actor_id'",
            "evidence.csv:1: header: unknown field 'Actor_ID' (did you mean 'actor_id'? field names are lower case) (evidence.csv has: \(evidenceFields))",
            "evidence.csv:1: header: unknown field 'ID' (did you mean 'id'? field names are lower case) (evidence.csv has: \(evidenceFields))",
            orphanResponse,
        ]),
        Case(fixture: "trailing-delimiter.csv", expected: [
            "evidence.csv:1: header: column 13 has no name (a comma at the end of the line?) (evidence.csv has: \(evidenceFields))", orphanResponse,
        ]),
        Case(fixture: "cr-line-ends.csv", expected: [
            "evidence.csv:1: the lines end in a carriage return (CR) alone, as classic Mac OS wrote them: save the file with LF or CRLF line ends",
            orphanResponse,
        ]),
        Case(fixture: "nul-byte.csv", expected: ["evidence.csv:5: summary: contains a NUL character"]),
        Case(fixture: "invalid-utf8.csv", expected: ["evidence.csv:5: summary: is not valid UTF-8 (byte 0xFF at byte 5 of the field; save the file as UTF-8)"]),
        Case(fixture: "latin1.csv", expected: ["evidence.csv:5: summary: is not valid UTF-8 (byte 0xE9 at byte 4 of the field; save the file as UTF-8)"]),
        Case(fixture: "utf16le-bom.csv", expected: [
            "evidence.csv:1: the file is UTF-16 (little-endian, with a byte-order mark), not UTF-8: save it as UTF-8", orphanResponse,
        ]),
        Case(fixture: "utf16be.csv", expected: [
            "evidence.csv:1: the file is UTF-16 (big-endian, without a byte-order mark), not UTF-8: save it as UTF-8", orphanResponse,
        ]),
    ]

    @Test(arguments: malformedCSV)
    func malformedCSVIsRejected(_ testCase: Case) throws {
        try expectRejected(testCase.expected) { fixture in
            try FileManager.default.removeItem(at: fixture.url("evidence.csv"))
            try FileManager.default.copyItem(at: Self.fixture("csv/\(testCase.fixture)"), to: fixture.url("evidence.csv"))
        }
    }

    /// Blank lines, mixed LF and CRLF, and a UTF-8 byte-order mark are all fine: the same records.
    @Test(arguments: ["blank-lines.csv", "mixed-line-ends.csv", "utf8-bom.csv"])
    func harmlessVariantsLoadTheSameRecords(_ name: String) throws {
        let connection = try migratedDatabase("variant")
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        _ = try fixture.loader().load(connection: connection)
        let before = try schemaDigest(connection)
        try FileManager.default.removeItem(at: fixture.url("evidence.csv"))
        try FileManager.default.copyItem(at: Self.fixture("csv/\(name)"), to: fixture.url("evidence.csv"))
        #expect(problemsFoundEverywhere(fixture, connection).isEmpty)
        let summary = try fixture.loader().load(connection: connection)
        #expect(!summary.changed && summary.counts["evidence"]?.unchanged == 3)
        #expect(try schemaDigest(connection) == before)
    }

    // MARK: Malformed JSON Lines

    static let malformedJSONLines: [Case] = [
        Case(fixture: "truncated-object.jsonl", expected: [
            "evidence.jsonl:5: is not valid JSON: Unexpected end of file during JSON parse. (each line must hold one complete JSON object)",
        ]),
        Case(fixture: "not-an-object.jsonl", expected: [
            "evidence.jsonl:5: is an array, not a JSON object",
            "evidence.jsonl:6: is a string, not a JSON object",
            "evidence.jsonl:7: is a number, not a JSON object",
        ]),
        Case(fixture: "wrong-types.jsonl", expected: [
            "evidence.jsonl:5: severity: is a boolean; it must be a string or a number",
            "evidence.jsonl:6: summary: is an object; it must be a string or a number",
            "evidence.jsonl:7: source_ids: is an array; it must be a string or an array of strings",
        ]),
        Case(fixture: "duplicate-keys.jsonl", expected: ["evidence.jsonl:5: id: appears twice in the object"]),
    ]

    /// Points the minimal example's evidence resource at `evidence.jsonl`, written with `contents`.
    static func useJSONLines(_ fixture: DatasetFixture, _ contents: Data) throws {
        let descriptor = fixture.url("datapackage.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: descriptor)) as? [String: Any])
        object["resources"] = (object["resources"] as! [[String: Any]]).map { resource in
            guard resource["name"] as? String == "evidence" else { return resource }
            var changed = resource
            changed["path"] = "evidence.jsonl"
            changed["format"] = "jsonl"
            return changed
        }
        try JSONSerialization.data(withJSONObject: object).write(to: descriptor)
        try contents.write(to: fixture.url("evidence.jsonl"))
    }

    @Test(arguments: malformedJSONLines)
    func malformedJSONLinesAreRejected(_ testCase: Case) throws {
        try expectRejected(testCase.expected) { fixture in
            try Self.useJSONLines(fixture, try Data(contentsOf: Self.fixture("jsonl/\(testCase.fixture)")))
        }
    }

    @Test func theValidJSONLinesFixtureLoads() throws {
        let connection = try migratedDatabase("jsonl")
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try Self.useJSONLines(fixture, try Data(contentsOf: Self.fixture("jsonl/valid.jsonl")))
        #expect(problemsFoundEverywhere(fixture, connection).isEmpty)
        #expect(try fixture.loader().load(connection: connection).counts["evidence"]?.inserted == 3)
    }

    @Test func hugeNestingInJSONLinesIsOneProblem() throws {
        let valid = try Data(contentsOf: Self.fixture("jsonl/valid.jsonl"))
        let deep = "{\"id\": \"ev-n\", \"summary\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}\n"
        try expectRejected([
            "evidence.jsonl:4: is not valid JSON: Too many nested arrays or dictionaries around character 538. (each line must hold one complete JSON object)",
        ]) { fixture in try Self.useJSONLines(fixture, valid + Data(deep.utf8)) }
    }

    @Test func aJSONLineLongerThanTheLimitStopsTheFile() throws {
        let valid = try Data(contentsOf: Self.fixture("jsonl/valid.jsonl"))
        let long = "{\"id\": \"ev-long\", \"summary\": \"" + String(repeating: "x", count: CSVReader.maximumRecordBytes) + "\"}\n"
        try expectRejected(["evidence.jsonl:4: the line is longer than 1 MiB, the most one record may hold"]) { fixture in
            try Self.useJSONLines(fixture, valid + Data(long.utf8) + valid)
        }
    }

    @Test func aUTF16JSONLinesFileIsOneProblem() throws {
        let valid = try String(contentsOf: Self.fixture("jsonl/valid.jsonl"), encoding: .utf8)
        try expectRejected(["evidence.jsonl:1: the file is UTF-16 (little-endian, with a byte-order mark), not UTF-8: save it as UTF-8", Self.orphanResponse.replacingOccurrences(of: "evidence.csv", with: "evidence.jsonl")]) { fixture in
            try Self.useJSONLines(fixture, Data([0xFF, 0xFE]) + valid.data(using: .utf16LittleEndian)!)
        }
    }

    // MARK: A malformed datapackage.json

    static let malformedDescriptors: [Case] = [
        Case(fixture: "truncated.json", expected: ["datapackage.json: (file): is not a JSON object"]),
        Case(fixture: "not-an-object.json", expected: ["datapackage.json: (file): is not a JSON object"]),
        // A resource listed with a bad path or format is that one problem, not also "not listed".
        Case(fixture: "path-escapes.json", expected: [
            "datapackage.json: resources: the required resource 'commitments' is not listed",
            "datapackage.json: resources: the required resource 'evidence_types' is not listed",
            "datapackage.json: resources: the required resource 'instruments' is not listed",
            "datapackage.json: resources: the required resource 'provisions' is not listed",
            "datapackage.json: resources: the required resource 'sources' is not listed",
            "datapackage.json: resources[0]: resource 'principles' needs a relative \"path\" inside the dataset folder",
            "datapackage.json: resources[1]: resource 'actors' needs a relative \"path\" inside the dataset folder",
            "datapackage.json: resources[2]: unknown resource 'surprise' (known: principles, actors, sources, actor_aliases, actor_relations, instruments, provisions, commitments, evidence_types, evidence, responses)",
            "datapackage.json: resources[3]: format 'xlsx' is not supported for 'evidence' (csv; jsonl for evidence only)",
        ]),
    ]

    @Test(arguments: malformedDescriptors)
    func malformedDescriptorsAreRejected(_ testCase: Case) throws {
        try expectRejected(testCase.expected) { fixture in
            try FileManager.default.removeItem(at: fixture.url("datapackage.json"))
            try FileManager.default.copyItem(at: Self.fixture("datapackage/\(testCase.fixture)"), to: fixture.url("datapackage.json"))
        }
    }

    /// The digest the tests above compare does change when a row changes (so "unchanged" means something).
    @Test func theSchemaDigestSeesAnyChange() throws {
        let connection = try migratedDatabase("digest")
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        _ = try fixture.loader().load(connection: connection)
        let before = try schemaDigest(connection)
        _ = try connection.execute("UPDATE scorecard.sources SET quote = quote || ' ' WHERE id = 'src-lab'")
        let after = try schemaDigest(connection)
        #expect(after != before && after["sources"] != before["sources"] && after["actors"] == before["actors"])
    }

    // MARK: Metacharacters: stored verbatim, escaped in reports

    static let sql = "'; DROP TABLE scorecard.actors; --"
    static let shell = "$(rm -rf /) `reboot` && echo pwned"
    static let script = "<script>alert(1)</script>"
    static let attribute = "\"><img src=x onerror=alert(1)>"
    static let markdown = "| cell | [link](javascript:alert(1)) **bold** # heading"
    static let multiline = "line one\nline two, \"quoted\"\r\nline three"
    static let invisible = "RTL \u{202E}gnp.exe zero\u{200B}width\u{FEFF}joiner\u{200D}"
    static let formulas = ["=HYPERLINK(\"http://evil.example.org\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tTabbed", "\rReturned"]

    static func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The scoring fixture with hostile text in actor names and descriptions, an evidence summary,
    /// a source's publisher, title and quote, and a response.
    func hostileDataset() throws -> DatasetFixture {
        let fixture = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        let q = Self.csvField
        try fixture.append("actors.csv", "hostile-sql,state,\(q(Self.sql)),XH,,\(q(Self.shell)),")
        try fixture.append("actors.csv", "hostile-html,vendor,\(q(Self.attribute)),,,\(q(Self.script)),")
        try fixture.append("actors.csv", "hostile-md,vendor,\(q(Self.markdown)),,,\(q(Self.invisible)),")
        for (index, formula) in Self.formulas.enumerated() {
            try fixture.append("actors.csv", "formula-\(index),vendor,\(q(formula)),,,,")
        }
        try fixture.append("sources.csv", "src-hostile,https://lab.example.org/h?q='--,\(q(Self.script)),\(q(Self.markdown)),,B,,\(q(Self.multiline))")
        let summary = [Self.sql, Self.shell, Self.script, Self.attribute, Self.markdown, Self.multiline, Self.invisible].joined(separator: " ")
        try fixture.append("evidence.csv", "hostile-ev,hostile-sql,sanction_imposed,2024-03-01,2024-03-02,vend2,,2,confirmed,public,\(q(summary)),src-hostile")
        try fixture.append("evidence.csv", "hostile-ev2,alpha,sanction_imposed,2024-03-01,2024-03-02,hostile-html,,2,confirmed,public,\(q(summary)),src-hostile")
        try fixture.append("responses.csv", "hostile-reply,hostile-ev,hostile-sql,2024-04-01,\(q(Self.attribute + " " + Self.markdown)),src-hostile")
        return fixture
    }

    @Test func metacharactersAreStoredVerbatim() throws {
        let connection = try migratedDatabase("verbatim")
        let fixture = try hostileDataset()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        _ = try fixture.loader().load(connection: connection)
        func value(_ sql: SQL) throws -> String { try connection.query(sql).first!.decode("v", as: String.self) }
        #expect(try value("SELECT name AS v FROM scorecard.actors WHERE id = 'hostile-sql'") == Self.sql)
        #expect(try value("SELECT description AS v FROM scorecard.actors WHERE id = 'hostile-sql'") == Self.shell)
        #expect(try value("SELECT name AS v FROM scorecard.actors WHERE id = 'hostile-html'") == Self.attribute)
        #expect(try value("SELECT description AS v FROM scorecard.actors WHERE id = 'hostile-html'") == Self.script)
        #expect(try value("SELECT name AS v FROM scorecard.actors WHERE id = 'hostile-md'") == Self.markdown)
        #expect(try value("SELECT description AS v FROM scorecard.actors WHERE id = 'hostile-md'") == Self.invisible)
        for (index, formula) in Self.formulas.enumerated() {
            #expect(try value("SELECT name AS v FROM scorecard.actors WHERE id = \("formula-\(index)")") == formula)
        }
        #expect(try value("SELECT publisher || '|' || title AS v FROM scorecard.sources WHERE id = 'src-hostile'") == Self.script + "|" + Self.markdown)
        #expect(try value("SELECT quote AS v FROM scorecard.sources WHERE id = 'src-hostile'") == Self.multiline)
        let summary = [Self.sql, Self.shell, Self.script, Self.attribute, Self.markdown, Self.multiline, Self.invisible].joined(separator: " ")
        #expect(try value("SELECT summary AS v FROM scorecard.evidence WHERE id = 'hostile-ev'") == summary)
        #expect(try value("SELECT summary AS v FROM scorecard.responses WHERE id = 'hostile-reply'") == Self.attribute + " " + Self.markdown)
        // And nothing ran: the table the SQL text names is still there, with its rows.
        #expect(try connection.query("SELECT count(*)::int AS n FROM scorecard.actors").first!.decode("n", as: Int.self) == 7 + 3 + Self.formulas.count)
    }

    /// Loads, scores and renders the hostile dataset.
    func hostileReports() throws -> [ReportFormat: String] {
        let connection = try migratedDatabase("hostilereport")
        let fixture = try hostileDataset()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        _ = try fixture.loader().load(connection: connection)
        let methodology = try MethodologyFile.scoringFixture()
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        _ = try engine.score(methodology, periods: .period("2023"), asOf: .fixtureAsOf)
        _ = try engine.score(methodology, periods: .period("2024"), asOf: .fixtureAsOf)
        let run = try #require(try ScoreRuns.published(connection, methodology: methodology, period: "2024"))
        // Every page of the edition in each format, one after another (the summary, the method, every
        // card); for csv, the data folder's actors.csv.
        let files = try EditionRenderer.render(connection, run: run).files
        return Dictionary(uniqueKeysWithValues: ReportFormat.allCases.map { format in
            if format == .csv { return (format, String(decoding: files.first { $0.path == "data/actors.csv" }!.contents, as: UTF8.self)) }
            return (format, files.filter { $0.path.hasSuffix("." + format.fileExtension) && !$0.path.hasPrefix("data/") }
                .map { String(decoding: $0.contents, as: UTF8.self) }.joined(separator: "\n"))
        })
    }

    @Test func metacharactersAreEscapedInHTMLAndMarkdown() throws {
        let reports = try hostileReports()
        let html = try #require(reports[.html])
        #expect(!html.contains("<script"), "a script element")
        #expect(!html.contains("<img"), "an img element")
        #expect(!html.lowercased().contains("href=\"javascript"), "a javascript: link")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&#39;; DROP TABLE scorecard.actors; --"))
        #expect(html.contains(Self.shell.replacingOccurrences(of: "&", with: "&amp;")))

        let markdown = try #require(reports[.markdown])
        #expect(!markdown.contains("<script") && !markdown.contains("<img"), "raw HTML in the Markdown")
        #expect(markdown.range(of: #"(?<!\\)\]\(javascript:"#, options: .regularExpression) == nil, "a javascript: link in the Markdown")
        #expect(markdown.contains(##"\| cell \| \[link\](javascript:alert(1)) \*\*bold\*\* \# heading"##))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("line one line two, \"quoted\"  line three"), "a line break in the data ends a Markdown line")
        // No table row gains or loses a column from a | or a line break in the data.
        for table in markdown.components(separatedBy: "\n\n") where table.hasPrefix("| ") {
            let widths = table.split(separator: "\n").map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
            #expect(Set(widths).count == 1, "a Markdown table has rows of different widths:\n\(table)")
        }
        // A right-to-left override in the data is shown, not obeyed, in every human-readable format.
        for format in [ReportFormat.html, .markdown, .text] {
            let report = try #require(reports[format])
            #expect(!report.unicodeScalars.contains("\u{202E}"), "\(format): a bidirectional override reorders the text")
            #expect(report.contains(format == .markdown ? "\\[U+202E\\]gnp.exe" : "[U+202E]gnp.exe"), "\(format)")
        }
        // The hostile names are in both (escaped), so the checks above looked at them.
        #expect(html.contains("hostile-sql") && markdown.contains("hostile") && markdown.contains("DROP TABLE"))
    }

    @Test func theCSVReportNeutralisesFormulasButNotNumbers() throws {
        let csv = try #require(try hostileReports()[.csv])
        let rows = try Self.parseCSV(csv)
        let header = try #require(rows.first)
        let name = try #require(header.firstIndex(of: "actor_name"))
        let change = try #require(header.firstIndex(of: "change"))
        let id = try #require(header.firstIndex(of: "actor_id"))
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[id], $0) })
        for (index, formula) in Self.formulas.enumerated() {
            #expect(byID["formula-\(index)"]?[name] == "'" + formula, "formula-\(index)")
        }
        #expect(byID["hostile-sql"]?[name] == Self.sql, "text that does not start a formula is left alone")
        // A negative number stays a number: the numeric columns are written as they are. (The fixture
        // has no negative figure since methodology v2: 2023 has no combined score, so 2024 no change.)
        #expect(byID["alpha"]?[change] == "", "no change without a previous combined score")
        for column in ["change", "change_time", "change_conduct", "change_restated", "positive", "negative", "combined"] {
            #expect(header.contains(column) && EditionDataTables.actorFields.first { $0.name == column }?.type == .number,
                    "\(column) is written as a number")
        }
        #expect(Escaping.spreadsheetText("-3.500") == "'-3.500", "so a text column would have escaped it")
        #expect(Escaping.spreadsheetText("=1+1") == "'=1+1" && Escaping.spreadsheetText("1-1") == "1-1" && Escaping.spreadsheetText("") == "")
    }

    /// Parses an RFC 4180 text with the project's own reader.
    static func parseCSV(_ text: String) throws -> [[String]] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try CSVReader(url: url)
        var rows: [[String]] = []
        while let record = try reader.next() { rows.append(record.fields.map { String(decoding: $0, as: UTF8.self) }) }
        #expect(!reader.hasMalformations)
        return rows
    }

    // MARK: Big files, through the binary: a clear error, quickly, in bounded memory

    static let memoryLimitKB = 200 * 1024

    /// A database holding the minimal example, and the dataset folder to break.
    func loadedDatabase() throws -> (url: String, connection: Connection, fixture: DatasetFixture) {
        let url = try TestCluster.makeDatabase(prefix: "hostilebig")
        let connection = try Connection(conninfo: url, logger: .quiet)
        try Migrator(logger: .quiet).migrate(connection)
        let fixture = try DatasetFixture()
        _ = try fixture.loader().load(connection: connection)
        return (url, connection, fixture)
    }

    /// Runs `scorecard load`, and `scorecard validate` with no database, on the broken folder: exit
    /// 65, exactly `expected` on stdout, the database unchanged, peak memory under the limit, each
    /// done within `seconds`.
    func expectRefusedByTheBinary(_ expected: [String], within seconds: Double = 60, sourceLocation: SourceLocation = #_sourceLocation,
                                  edit: (DatasetFixture) throws -> Void) throws {
        let (url, connection, fixture) = try loadedDatabase()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let before = try schemaDigest(connection)
        try edit(fixture)
        for arguments in [["load", fixture.directory.path, "--database-url", url], ["validate", fixture.directory.path]] {
            let run = try PeakMemory.measure(arguments, environment: ValidateWithoutDatabaseTests.noServer)
            #expect(run.status == 65, "\(arguments[0]): exit \(run.status): \(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.stdout.split(separator: "\n").map(String.init) == expected, "\(arguments[0])", sourceLocation: sourceLocation)
            #expect(run.peakKB < Self.memoryLimitKB, "\(arguments[0]): peak memory \(run.peakKB) KB", sourceLocation: sourceLocation)
            #expect(run.seconds < seconds, "\(arguments[0]): took \(run.seconds) s", sourceLocation: sourceLocation)
        }
        #expect(try schemaDigest(connection) == before, "the failed load changed the database", sourceLocation: sourceLocation)
    }

    /// Appends `count` records made by `line(i)` to `file` (evidence.csv unless given).
    static func appendRecords(_ fixture: DatasetFixture, to file: String = "evidence.csv", count: Int, _ line: (Int) -> String) throws {
        let handle = try FileHandle(forWritingTo: fixture.url(file))
        defer { try? handle.close() }
        try handle.seekToEnd()
        var chunk = ""
        for i in 0..<count {
            chunk += line(i) + "\n"
            if chunk.utf8.count > 1 << 20 { try handle.write(contentsOf: Data(chunk.utf8)); chunk = "" }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }

    /// Writes `megabytes` MiB of random bytes (one 1 MiB block, repeated) to `url`, after `prefix`.
    static func writeJunk(_ url: URL, megabytes: Int, prefix: Data = Data()) throws {
        var generator = SplitMix64(seed: 7)
        var block = [UInt8](repeating: 0, count: 1 << 20)
        for i in stride(from: 0, to: block.count, by: 8) {
            withUnsafeBytes(of: generator.next()) { block.replaceSubrange(i..<(i + 8), with: $0) }
        }
        _ = FileManager.default.createFile(atPath: url.path, contents: prefix)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        let data = Data(block)
        for _ in 0..<megabytes { try handle.write(contentsOf: data) }
    }

    @Test func aTenMegabyteFieldIsRefused() throws {
        try expectRefusedByTheBinary([
            "evidence.csv:5: the record is longer than 1 MiB, the most one record may hold (is a quote left open?)",
        ], within: 20) { fixture in
            try Self.appendRecords(fixture, count: 1) { _ in
                "ev-big,ruritania,misuse_documented,2025-06,2025-09-10,,,3,reported,public,\"" + String(repeating: "x", count: 10_000_000) + "\",src-lab"
            }
        }
    }

    @Test func aFieldJustUnderTheLimitIsStoredWhole() throws {
        let connection = try migratedDatabase("longfield")
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let prefix = "ev-long,ruritania,misuse_documented,2025-06,2025-09-10,,,3,reported,public,\""
        let suffix = "\",src-lab\n"
        let text = String(repeating: "é", count: (CSVReader.maximumRecordBytes - prefix.utf8.count - suffix.utf8.count) / 2)
        try fixture.append("evidence.csv", prefix + text + suffix.dropLast())
        _ = try fixture.loader().load(connection: connection)
        #expect(try connection.query("SELECT summary FROM scorecard.evidence WHERE id = 'ev-long'").first!.decode("summary", as: String.self) == text)
    }

    @Test func aGigabyteOfJunkIsRefusedQuickly() throws {
        try expectRefusedByTheBinary([
            "evidence.csv:1: header: column 1 is not valid UTF-8 (byte 0xD7 at byte 1 of the name; save the file as UTF-8)",
            Self.orphanResponse,
        ], within: 10) { fixture in
            try Self.writeJunk(fixture.url("evidence.csv"), megabytes: 1024)
        }
    }

    @Test func junkAfterAValidHeaderIsReadInBoundedMemoryAndCapped() throws {
        let (url, connection, fixture) = try loadedDatabase()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let before = try schemaDigest(connection)
        let header = Data((try fixture.read("evidence.csv").split(separator: "\n").first! + "\n").utf8)
        try Self.writeJunk(fixture.url("evidence.csv"), megabytes: 48, prefix: header)
        var outputs: [String] = []
        for arguments in [["validate", fixture.directory.path, "--database-url", url], ["validate", fixture.directory.path]] {
            let run = try PeakMemory.measure(arguments, environment: ValidateWithoutDatabaseTests.noServer)
            #expect(run.status == 65)
            let lines = run.stdout.split(separator: "\n")
            #expect(lines.count == ProblemList.limit + 1, "\(lines.count) lines")
            #expect(lines.last?.hasPrefix("… and ") == true && lines.last?.hasSuffix(" more problems not listed") == true)
            #expect(run.peakKB < Self.memoryLimitKB, "\(arguments): peak memory \(run.peakKB) KB")
            outputs.append(run.stdout)
        }
        #expect(outputs[0] == outputs[1], "validate with no database and in a database list different problems")
        #expect(try schemaDigest(connection) == before)
    }

    @Test func oneIDRepeated100000TimesIsOneProblem() throws {
        try expectRefusedByTheBinary([
            "evidence.csv:6: id: duplicate id 'ev-dup' (first on line 5); also on 99998 more lines: 7, 8, 9, 10, 11, …",
        ]) { fixture in
            try Self.appendRecords(fixture, count: 100_000) { _ in "ev-dup,ruritania,misuse_documented,2025-06,2025-09-10,,,3,reported,public,Same id.,src-lab" }
        }
    }

    /// Keys are held as digests past 32 bytes: 200 aliases of a million bytes each (200 MB) are
    /// checked for repeats in bounded memory, which holding them whole would exceed.
    @Test func aFileOfHugeKeysIsCheckedInBoundedMemory() throws {
        let filler = String(repeating: "x", count: 1_000_000)
        try expectRefusedByTheBinary([
            "actor_aliases.csv:203: actor_id+alias: duplicate key 'acme-intrusion/alias-0 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (first on line 3)",
        ], within: 120) { fixture in
            try Self.appendRecords(fixture, to: "actor_aliases.csv", count: 201) { "acme-intrusion,alias-\($0 % 200) \(filler),brand,,," }
        }
    }

    @Test func manyDuplicatedIDsAreCappedAndCounted() throws {
        let connection = try migratedDatabase("manydup")
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let count = ProblemList.limit + 2_500
        for _ in 0..<2 {
            try Self.appendRecords(fixture, count: count) { "ev-dup\($0),ruritania,misuse_documented,2025-06,2025-09-10,,,3,reported,public,Twice.,src-lab" }
        }
        let checks: [(String, () throws -> Void)] = [
            ("with no database", { try fixture.loader().validate() }),
            ("in a database", { try fixture.loader().validate(connection: connection) }),
        ]
        for (way, validate) in checks {
            do {
                try validate()
                Issue.record("validated \(way)")
            } catch let invalid as DatasetInvalid {
                #expect(invalid.problems.count == ProblemList.limit, "\(way)")
                #expect(invalid.unlisted == 2_500, "\(way)")
                #expect(invalid.description == "the dataset has \(count) problems; nothing was loaded", "\(way)")
                #expect(invalid.problems.first?.description == "evidence.csv:\(5 + count): id: duplicate id 'ev-dup0' (first on line 5)", "\(way)")
            }
        }
        let both = try #require(try crossRecordChecks(fixture.loader(), connection))
        #expect(both.inSwift == both.inSQL)
    }
}

/// A digest of every table of the schema `scorecard`: equal digests, equal contents.
func schemaDigest(_ connection: Connection) throws -> [String: String] {
    let digests = try DatabaseContent.exact(connection)
    #expect(digests.count >= 10, "the schema has only \(digests.count) tables")
    return digests
}
