import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// What `datapackage.json` says about how a file is written (v1 and v2 descriptors, `dialect`,
/// `encoding`, `path`): honoured, with the real frictionless validator reading the same files alike,
/// or refused with one problem that names the option, and nothing loaded.
@Suite("Dataset dialects and encodings")
struct DatasetDialectTests {
    static let v2DialectProfile = "https://datapackage.org/profiles/2.0/tabledialect.json"

    /// The principles' names and descriptions, as loaded.
    func principles(_ connection: Connection) throws -> [String] {
        try connection.query("SELECT id, name, coalesce(description, '') AS description FROM scorecard.principles ORDER BY id").map {
            "\(try $0.decode("id", as: String.self))|\(try $0.decode("name", as: String.self))|\(try $0.decode("description", as: String.self))"
        }
    }

    /// Loads the fixture, expects frictionless to read it as valid too, and returns the principles.
    func loadedPrinciples(_ fixture: DatasetFixture, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let connection = try migratedDatabase("dialect")
        let summary = try fixture.loader().load(connection: connection)
        #expect(summary.counts["provisions"]?.inserted == 2, sourceLocation: sourceLocation)
        let report = try Frictionless.validate(fixture.url("datapackage.json").path)
        #expect(report.valid, "frictionless reads it otherwise: \(report.errors.joined(separator: "\n"))\(report.output.prefix(1500))",
                sourceLocation: sourceLocation)
        return try principles(connection)
    }

    static let expectedPrinciples = [
        "accountability|Accountability|Those who develop or use intrusion capabilities answer for their use.",
        "oversight|Oversight|Independent bodies oversee use and trade.",
        "quoted|Say \"no\"; or 'no', or no|a, b; c\nd",
    ]

    /// The minimal example with a third principle whose text holds every delimiter and quote.
    func fixtureWithTrickyPrinciple() throws -> (DatasetFixture, [[String]]) {
        let fixture = try DatasetFixture()
        let rows = try fixture.records("principles.csv") + [["quoted", "Say \"no\"; or 'no', or no", "a, b; c\nd"]]
        return (fixture, rows)
    }

    // MARK: Versions of the standard

    @Test func v1AndV2DescriptorsAreReadAlike() throws {
        // The same dialect in each version's form: v1 (profile, string keys) and v2 ($schema, arrays).
        var loaded: [[String]] = []
        for version in ["v1", "v2"] {
            let (fixture, rows) = try fixtureWithTrickyPrinciple()
            if version == "v1" {
                try FileManager.default.removeItem(at: fixture.url("datapackage.json"))
                try FileManager.default.copyItem(at: ProjectFiles.url("Tests/Fixtures/frictionless/v1-datapackage.json"), to: fixture.url("datapackage.json"))
            }
            try fixture.writeRecords("principles.csv", rows, delimiter: ";")
            try fixture.updateResource("principles") { resource in
                resource["dialect"] = version == "v1" ? ["delimiter": ";"] : ["$schema": Self.v2DialectProfile, "delimiter": ";"]
            }
            loaded.append(try loadedPrinciples(fixture))
        }
        #expect(loaded[0] == Self.expectedPrinciples)
        #expect(loaded[1] == Self.expectedPrinciples)
    }

    // MARK: Dialects that are honoured

    @Test(arguments: [(";", "\""), ("\t", "\""), ("|", "'"), (",", "'")])
    func delimiterAndQuoteChar(delimiter: String, quote: String) throws {
        let (fixture, rows) = try fixtureWithTrickyPrinciple()
        try fixture.writeRecords("principles.csv", rows, delimiter: Character(delimiter), quote: Character(quote))
        try fixture.updateResource("principles") { resource in
            // With every other option of the standard at its default value, and a custom one: they change nothing.
            resource["dialect"] = ["delimiter": delimiter, "quoteChar": quote, "$schema": Self.v2DialectProfile, "doubleQuote": true,
                                   "header": true, "headerRows": [1], "headerJoin": " ", "lineTerminator": "\r\n",
                                   "skipInitialSpace": false, "caseSensitiveHeader": false, "csvddfVersion": 1.2, "x-our-own-note": "ignored"]
        }
        #expect(try loadedPrinciples(fixture) == Self.expectedPrinciples)
    }

    @Test func aProblemInASemicolonFileNamesItsLineAndField() throws {
        let fixture = try DatasetFixture()
        try fixture.writeRecords("principles.csv", try fixture.records("principles.csv") + [["Bad Id", "x", ""]], delimiter: ";")
        try fixture.updateResource("principles") { $0["dialect"] = ["delimiter": ";"] }
        #expect(problemsFoundEverywhere(fixture, try migratedDatabase("semicolon")) == [
            "principles.csv:4: id: 'Bad Id' is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)",
        ])
    }

    /// A dialect written as JSON (test arguments must be Sendable).
    static func dialect(_ json: String) -> Any { try! JSONSerialization.jsonObject(with: Data(json.utf8)) }

    @Test(arguments: [#"{"header": false}"#, #"{"headerRows": []}"#, #"{"$schema": "https://datapackage.org/profiles/2.0/tabledialect.json", "header": false}"#])
    func noHeaderRow(json: String) throws {
        let dialect = Self.dialect(json)
        // The columns are then the schema's fields in order; line 1 is a record.
        let (fixture, rows) = try fixtureWithTrickyPrinciple()
        try fixture.writeRecords("principles.csv", Array(rows.dropFirst()))
        try fixture.updateResource("principles") { $0["dialect"] = dialect }
        #expect(try loadedPrinciples(fixture) == Self.expectedPrinciples)

        try fixture.writeRecords("principles.csv", [["Bad Id", "x", ""]] + rows.dropFirst() + [["short", "row"]])
        #expect(problemsFoundEverywhere(fixture, try migratedDatabase("headerless")) == [
            "principles.csv:1: id: 'Bad Id' is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)",
            "principles.csv:6: has 2 fields, the table has 3 (the file has no header row)",
        ])
    }

    @Test func noHeaderRowWithColumnsInTheSchemasOrder() throws {
        // Reordered columns, said by the resource's own schema, not by a header.
        let (fixture, rows) = try fixtureWithTrickyPrinciple()
        try fixture.writeRecords("principles.csv", rows.dropFirst().map { $0.reversed() })
        try fixture.updateResource("principles") { resource in
            resource["dialect"] = ["header": false]
            var schema = resource["schema"] as? [String: Any] ?? [:]
            schema["fields"] = Array((schema["fields"] as? [Any] ?? []).reversed())
            schema["fieldsMatch"] = "exact"
            resource["schema"] = schema
        }
        #expect(try loadedPrinciples(fixture) == Self.expectedPrinciples)
    }

    // MARK: Encodings

    @Test(arguments: [
        ("latin-1", [0xF3] as [UInt8], "ó"),
        ("ISO-8859-1", [0xE9, 0xE0, 0xFC], "éàü"),
        ("windows-1252", [0x91, 0x6E, 0x6F, 0x92, 0x20, 0x96, 0x20, 0x80, 0x35], "‘no’ – €5"),
        ("cp1252", [0x9C, 0x8A], "œŠ"),
        ("iso-8859-15", [0xA4, 0xBD, 0xE9], "€œé"),
        ("utf-8", Array("ó€".utf8), "ó€"),
    ])
    func encoding(label: String, bytes: [UInt8], text: String) throws {
        let fixture = try DatasetFixture()
        let file = Array("id,name,description\naccountability,Accountability,".utf8) + bytes
            + Array("\noversight,Oversight,\"Quoted, with ".utf8) + bytes + Array("\"\n".utf8)
        try fixture.writeBytes("principles.csv", file)
        try fixture.updateResource("principles") { $0["encoding"] = label }
        #expect(try loadedPrinciples(fixture) == ["accountability|Accountability|\(text)", "oversight|Oversight|Quoted, with \(text)"])
    }

    @Test func aByteNoCharacterOfTheEncodingIsOneProblem() throws {
        let fixture = try DatasetFixture()
        try fixture.writeBytes("principles.csv", Array("id,name,description\naccountability,Accountability,ok\noversight,Over".utf8) + [0x81] + Array(",\n".utf8))
        try fixture.updateResource("principles") { $0["encoding"] = "windows-1252" }
        let connection = try migratedDatabase("cp1252")
        #expect(problemsFoundEverywhere(fixture, connection) == [
            "principles.csv:3: name: byte 0x81 at byte 5 of the field is no character in windows-1252, the encoding datapackage.json gives for this file "
                + "(is it in another encoding? save it as UTF-8)",
        ])
        // A file that gives no encoding is UTF-8, and the same byte is the UTF-8 problem it was.
        try fixture.updateResource("principles") { $0["encoding"] = nil }
        #expect(problemsFoundEverywhere(fixture, connection) == [
            "principles.csv:3: name: is not valid UTF-8 (byte 0x81 at byte 5 of the field; save the file as UTF-8)",
        ])
    }

    // MARK: What is refused, with one problem each

    /// The one problem `change` to the descriptor gives, on a dataset that is otherwise valid.
    func refused(_ resource: String = "principles", _ change: (inout [String: Any]) -> Void) throws -> [String] {
        let fixture = try DatasetFixture()
        try fixture.updateResource(resource, change)
        let connection = try migratedDatabase("refused")
        let before = try databaseFingerprint(connection)
        let found = problems { _ = try fixture.loader().load(connection: connection) }
        #expect(try databaseFingerprint(connection) == before)
        return found
    }

    /// An option (as JSON) and the one problem it gives.
    static let refusals: [(String, String)] = [
        (#"{"delimiter": ";;"}"#, "resources[0].dialect.delimiter: ';;' is not supported: the delimiter must be one ASCII character other than a line break"),
        (#"{"delimiter": "¦"}"#, "resources[0].dialect.delimiter: '¦' is not supported: the delimiter must be one ASCII character other than a line break"),
        (#"{"delimiter": "\n"}"#, #"resources[0].dialect.delimiter: '\u{A}' is not supported: the delimiter must be one ASCII character other than a line break"#),
        (#"{"quoteChar": ""}"#, "resources[0].dialect.quoteChar: '' is not supported: the quote character must be one ASCII character other than a line break"),
        (#"{"delimiter": ";", "quoteChar": ";"}"#, "resources[0].dialect.quoteChar: is the delimiter too: they must differ"),
        (#"{"header": "no"}"#, "resources[0].dialect.header: must be true or false"),
        (#"{"headerRows": [1,2]}"#, "resources[0].dialect.headerRows: [1,2] is not supported: a file has one header row, on line 1 ([1]), or none ([])"),
        (#"{"doubleQuote": false}"#, "resources[0].dialect.doubleQuote: only true is supported: a quote inside a quoted field is written twice (\"\")"),
        (#"{"escapeChar": "\\"}"#, "resources[0].dialect.escapeChar: is not supported (a quote inside a quoted field is written twice (\"\"), never escaped); remove it from the dialect"),
        (#"{"nullSequence": "NA"}"#, "resources[0].dialect.nullSequence: is not supported (an empty field is a missing value, and no other text is); remove it from the dialect"),
        (##"{"commentChar": "#"}"##, "resources[0].dialect.commentChar: is not supported (every line is data); remove it from the dialect"),
        (#"{"lineTerminator": "\r"}"#, #"resources[0].dialect.lineTerminator: '\u{D}' is not supported: lines end in LF or CRLF, whatever this says"#),
        (#"{"skipInitialSpace": true}"#, "resources[0].dialect.skipInitialSpace: only false is supported: text is kept exactly as written, spaces included"),
        (#"{"sheetName": "Sheet1"}"#, "resources[0].dialect.sheetName: does not apply to a CSV file (it is for JSON, spreadsheet or SQL sources)"),
    ]

    @Test(arguments: refusals.indices)
    func anUnsupportedDialectOptionIsOneProblem(index: Int) throws {
        let (json, expected) = Self.refusals[index]
        #expect(try refused { $0["dialect"] = Self.dialect(json) } == ["datapackage.json: " + expected])
    }

    @Test func severalUnsupportedOptionsAreOneProblemEach() throws {
        // Every option to change, at once; sorted by resource, then by reason.
        #expect(try refused { $0["dialect"] = ["escapeChar": "\\", "commentChar": "#"]; $0["encoding"] = "shift_jis" } == [
            "datapackage.json: resources[0].encoding: 'shift_jis' is not an encoding Scorecard reads (utf-8, latin-1 (ISO-8859-1), ISO-8859-15, windows-1252); save principles.csv as UTF-8",
            "datapackage.json: resources[0].dialect.escapeChar: is not supported (a quote inside a quoted field is written twice (\"\"), never escaped); remove it from the dialect",
            "datapackage.json: resources[0].dialect.commentChar: is not supported (every line is data); remove it from the dialect",
        ])
        let fixture = try DatasetFixture()
        try fixture.updateResource("principles") { $0["dialect"] = ["escapeChar": "\\", "commentChar": "#"] }
        try fixture.updateResource("actors") { $0["dialect"] = ["delimiter": "ab"] }
        #expect(problemsFoundEverywhere(fixture, try migratedDatabase("several")) == [
            "datapackage.json: resources[0].dialect.escapeChar: is not supported (a quote inside a quoted field is written twice (\"\"), never escaped); remove it from the dialect",
            "datapackage.json: resources[0].dialect.commentChar: is not supported (every line is data); remove it from the dialect",
            "datapackage.json: resources[1].dialect.delimiter: 'ab' is not supported: the delimiter must be one ASCII character other than a line break",
        ])
    }

    @Test func aDialectInAFileOfItsOwnIsRefused() throws {
        #expect(try refused { $0["dialect"] = "dialect.json" } == [
            "datapackage.json: resources[0].dialect: a dialect in a file of its own is not supported: write it inline, as an object",
        ])
    }

    @Test(arguments: ["utf-16", "shift_jis", "ebcdic-cp-us"])
    func anUnsupportedEncodingIsOneProblem(label: String) throws {
        #expect(try refused { $0["encoding"] = label } == [
            "datapackage.json: resources[0].encoding: '\(label)' is not an encoding Scorecard reads (utf-8, latin-1 (ISO-8859-1), ISO-8859-15, windows-1252); save principles.csv as UTF-8",
        ])
    }

    @Test func jsonLinesAreUTF8AndTakeNoCSVDialect() throws {
        let fixture = try DatasetFixture()
        try fixture.convertEvidenceToJSONLines()
        try fixture.updateResource("evidence") { $0["encoding"] = "latin-1" }
        try fixture.updateResource("actors") { $0["encoding"] = "latin-1" }  // fine: a CSV file
        #expect(problemsFoundEverywhere(fixture, try migratedDatabase("jsonl-encoding")) == [
            "datapackage.json: resources[9].encoding: latin-1: JSON Lines are UTF-8 (RFC 8259); save evidence.jsonl as UTF-8",
        ])
        try fixture.updateResource("evidence") { $0["encoding"] = "utf-8"; $0["dialect"] = ["delimiter": ";", "itemType": "object"] }
        #expect(problemsFoundEverywhere(fixture, try migratedDatabase("jsonl-dialect")) == [
            "datapackage.json: resources[9].dialect.delimiter: does not apply to JSON Lines (one JSON object per line, UTF-8)",
        ])
    }

    @Test func aPathOfSeveralFilesIsOneProblem() throws {
        // It was "needs a relative path" and "the required resource 'evidence' is not listed".
        #expect(try refused("evidence") { $0["path"] = ["evidence-1.csv", "evidence-2.csv"] } == [
            "datapackage.json: resources[9].path: lists 2 files; Scorecard reads one file per resource: join them into one (evidence.csv)",
        ])
    }

    @Test func aPathOfOneFileInAnArrayIsRead() throws {
        let fixture = try DatasetFixture()
        try fixture.updateResource("evidence") { $0["path"] = ["evidence.csv"] }
        #expect(try fixture.loader().load(connection: try migratedDatabase("one-part")).counts["evidence"]?.inserted == 3)
    }

    @Test func anUnknownVersionOfTheStandardIsRefused() throws {
        let fixture = try DatasetFixture()
        var package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.url("datapackage.json"))) as? [String: Any])
        // Versions 1 and 2, and a publisher's own profile (which extends one of them), are read.
        for profile in ["https://datapackage.org/profiles/1.0/datapackage.json", "https://datapackage.org/profiles/2.0/datapackage.json",
                        "https://example.org/profiles/our-extension.json"] {
            package["$schema"] = profile
            try fixture.write("datapackage.json", try FrictionlessDescriptor.json(package))
            #expect(try fixture.loader().load(connection: try migratedDatabase("profile")).counts["evidence"]?.inserted == 3, "\(profile)")
        }
        package["$schema"] = "https://datapackage.org/profiles/3.0/datapackage.json"
        try fixture.write("datapackage.json", try FrictionlessDescriptor.json(package))
        #expect(problemsFoundEverywhere(fixture, try migratedDatabase("version")) == [
            "datapackage.json: $schema: Data Package 3.0 is not a version Scorecard reads (1.x and 2.x: https://datapackage.org/profiles/2.0/datapackage.json)",
        ])
    }
}
