import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// Seeded random-input tests of every parser of untrusted text: the CSV reader, the JSON Lines
/// record source, the methodology parser (with its nesting guard) and the field converters.
/// Inputs are valid files mutated (bytes flipped, quotes, line breaks, commas, colons, indentation,
/// NULs and invalid UTF-8 inserted, slices cut or repeated, truncation) and pure random bytes.
/// Each parser must return or report a typed problem naming a line: no trap, no hang. Every run
/// uses the same seeds (SplitMix64), so a failure names a case that reproduces; inputs that once
/// crashed or hung are kept as regression cases below. See docs/hardening.md.
@Suite("Parser fuzzing")
struct ParserFuzzTests {
    static let cases = 2_000

    // MARK: Mutations

    /// Pieces that break parsers: structure characters of CSV, JSON and YAML, and bad bytes.
    static let tokens: [[UInt8]] = [
        "\"", "\"\"", "\n", "\r", "\r\n", ",", ",,", ":", ": ", "- ", "  ", "    ", "\t", "[", "]", "{", "}", "'", "#", "&a ", "*a",
        "? ", "|", ">", "\\", "\\u0000", "null", "true", "1e999", "-", "9999999999999999999",
    ].map { Array($0.utf8) } + [[0], [0xFF], [0xC3], [0xE2, 0x80], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xED, 0xA0, 0x80]]

    static func mutate(_ seed: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty:  // flip a byte
                let index = min(at, bytes.count - 1)
                bytes[index] ^= UInt8.random(in: 1...255, using: &random)
            case 1:  // insert a token
                bytes.insert(contentsOf: tokens.randomElement(using: &random)!, at: at)
            case 2 where !bytes.isEmpty:  // delete a slice
                let end = min(bytes.count, at + Int.random(in: 1...64, using: &random))
                bytes.removeSubrange(min(at, end)..<end)
            case 3 where !bytes.isEmpty:  // repeat a slice
                let end = min(bytes.count, at + Int.random(in: 1...256, using: &random))
                let slice = bytes[min(at, end)..<end]
                bytes.insert(contentsOf: Array(repeating: Array(slice), count: Int.random(in: 1...8, using: &random)).joined(), at: min(at, end))
            case 4:  // truncate
                bytes.removeSubrange(min(at, bytes.count)...)
            case 5:  // random bytes
                bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
            default:  // change the indentation of a line
                if let newline = bytes[..<min(at, bytes.count)].lastIndex(of: 10) {
                    bytes.insert(contentsOf: Array(repeating: 32, count: Int.random(in: 1...4, using: &random)), at: newline + 1)
                }
            }
        }
        return bytes
    }

    /// Case `index` of a run: mostly mutations of a seed, one in eight pure random bytes.
    static func input(_ index: Int, seeds: [[UInt8]], random: inout SplitMix64) -> [UInt8] {
        if index % 8 == 7 {
            return (0..<Int.random(in: 0...600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        return mutate(seeds.randomElement(using: &random)!, &random)
    }

    // MARK: Hang detection

    /// Runs `body` under a watchdog: if one case has not finished after `seconds`, a parser is
    /// looping forever, and the watchdog stops the test process with the case it was on (and its
    /// input, to reproduce it) rather than let the suite hang. It measures each case, not the
    /// whole run: a loaded machine (two cores shared with the database tests) makes a run slow,
    /// never a single case of a few hundred bytes.
    static func withDeadline(_ seconds: Double, _ name: String, _ body: (CaseTracker) -> Void) {
        let tracker = CaseTracker()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var lastSeen = -1
            while done.wait(timeout: .now() + seconds) == .timedOut {
                let started = tracker.started
                if started == lastSeen {
                    FileHandle.standardError.write(Data("\(name): case \(tracker.current) gave no answer within \(seconds) s (input, base64: \(tracker.input))\n".utf8))
                    abort()
                }
                lastSeen = started
            }
        }
        body(tracker)
        done.signal()
    }

    final class CaseTracker: @unchecked Sendable {
        private let lock = NSLock()
        private var index = -1
        private var bytes: [UInt8] = []
        private var starts = 0
        func start(_ index: Int, _ bytes: [UInt8]) { lock.lock(); self.index = index; self.bytes = bytes; starts += 1; lock.unlock() }
        /// How many cases have started: the watchdog's sign of progress.
        var started: Int { lock.lock(); defer { lock.unlock() }; return starts }
        var current: Int { lock.lock(); defer { lock.unlock() }; return index }
        var input: String { lock.lock(); defer { lock.unlock() }; return Data(bytes).base64EncodedString() }
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }

    static func lineCount(_ bytes: [UInt8]) -> Int { 1 + bytes.filter { $0 == 10 }.count }

    // MARK: CSV

    static var csvSeeds: [[UInt8]] {
        ["Examples/minimal/evidence.csv", "Examples/minimal/actors.csv", "Examples/minimal/sources.csv", "Tests/Fixtures/hostile/csv/ragged-and-malformed.csv"]
            .map { Array(try! Data(contentsOf: ProjectFiles.url($0))) }
    }

    /// Everything a reader makes of a file: records with their lines, malformations, the final error.
    struct CSVOutcome: Equatable {
        var records: [[[UInt8]]] = []
        var lines: [Int] = []
        var malformations: [CSVReader.Malformation] = []
        var error: CSVReader.Malformation?
    }

    static func readCSV(_ url: URL, chunkSize: Int, maximumRecordBytes: Int, maximumLine: Int) throws -> CSVOutcome {
        let reader = try CSVReader(url: url, chunkSize: chunkSize, maximumRecordBytes: maximumRecordBytes)
        var outcome = CSVOutcome()
        do {
            while let record = try reader.next() {
                outcome.records.append(record.fields)
                outcome.lines.append(record.line)
                // Each record consumes at least one byte: more records than bytes would be a loop.
                if outcome.records.count > maximumLine * 2 + 10 { Issue.record("the reader does not advance"); break }
            }
        } catch let malformation as CSVReader.Malformation {
            outcome.error = malformation
            #expect(try reader.next() == nil, "the reader goes on after a fatal malformation")
        }
        outcome.malformations = reader.takeMalformations()
        return outcome
    }

    /// The reader gives the same records, lines and problems whatever its chunk size (so a record
    /// split across reads is parsed like a whole one), and every problem names a line of the file.
    @Test func theCSVReaderSurvivesRandomInput() {
        Self.withDeadline(60, "CSV reader") { tracker in
            var random = SplitMix64(seed: 0xC5F)
            let seeds = Self.csvSeeds
            for index in 0..<Self.cases {
                let bytes = Self.input(index, seeds: seeds, random: &random)
                tracker.start(index, bytes)
                let limit = Int.random(in: 16...2_048, using: &random)
                let chunk = Int.random(in: 1...64, using: &random)
                do {
                    let url = try Self.temporaryFile(bytes)
                    defer { try? FileManager.default.removeItem(at: url) }
                    let lines = Self.lineCount(bytes)
                    let whole = try Self.readCSV(url, chunkSize: 1 << 20, maximumRecordBytes: limit, maximumLine: lines)
                    let pieces = try Self.readCSV(url, chunkSize: chunk, maximumRecordBytes: limit, maximumLine: lines)
                    #expect(whole == pieces, "case \(index): chunks of \(chunk) bytes read differently")
                    for problem in whole.malformations + (whole.error.map { [$0] } ?? []) {
                        #expect((1...lines).contains(problem.line) && !problem.reason.isEmpty, "case \(index): \(problem)")
                    }
                    #expect(whole.lines == whole.lines.sorted() && whole.lines.allSatisfy { (1...lines).contains($0) }, "case \(index)")
                } catch {
                    Issue.record("case \(index): untyped error \(error)")
                }
            }
        }
    }

    /// Regression cases and limits of the reader, by hand.
    @Test func theCSVReaderLimitsRecordsAndRecognisesEncodings() throws {
        func outcome(_ text: [UInt8], limit: Int = 64) throws -> CSVOutcome {
            let url = try Self.temporaryFile(text)
            defer { try? FileManager.default.removeItem(at: url) }
            return try Self.readCSV(url, chunkSize: 7, maximumRecordBytes: limit, maximumLine: Self.lineCount(text))
        }
        // A record of exactly the limit (line end included) is read; one byte more is refused.
        let exact = try outcome(Array(("a,b\n" + String(repeating: "x", count: 61) + ",y\n").utf8))
        #expect(exact.records.count == 2 && exact.error == nil)
        let over = try outcome(Array(("a,b\n" + String(repeating: "x", count: 62) + ",y\nnext,line\n").utf8))
        #expect(over.records.count == 1)
        #expect(over.error == CSVReader.Malformation(line: 2, reason: "the record is longer than 64 bytes, the most one record may hold (is a quote left open?)"))
        // An open quote stops at the limit, without reading the rest of the file.
        let open = try outcome(Array(("a,b\n\"" + String(repeating: "x\n", count: 1_000)).utf8))
        #expect(open.error?.line == 2 && open.error?.reason.hasPrefix("the record is longer than 64 bytes") == true)
        // UTF-16 and binary files are one problem, on line 1.
        #expect(try outcome([0xFF, 0xFE] + Array("a,b\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).error?.reason
            == "the file is UTF-16 (little-endian, with a byte-order mark), not UTF-8: save it as UTF-8")
        #expect(try outcome(Array("a,b\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).error?.reason
            == "the file is UTF-16 (big-endian, without a byte-order mark), not UTF-8: save it as UTF-8")
        #expect(try outcome([0xFF, 0xFE, 0, 0, 0x61, 0, 0, 0]).error?.reason == "the file is UTF-32 (little-endian, with a byte-order mark), not UTF-8: save it as UTF-8")
        #expect(try outcome([0x17, 0, 0x93, 0x11, 0, 0x2C]).error?.reason == "the file is not text: byte 2 of line 1 is a NUL (a CSV file is UTF-8 text)")
        // A bare CR is reported, not taken for a line end.
        let cr = try outcome(Array("a,b\rc\n".utf8))
        #expect(cr.records == [[Array("a".utf8), Array("b\rc".utf8)]])
        #expect(cr.malformations.first?.reason.hasPrefix("a carriage return (CR) without a line feed in field 2") == true)
    }

    // MARK: JSON Lines

    static var jsonlSeeds: [[UInt8]] {
        ["valid.jsonl", "wrong-types.jsonl", "duplicate-keys.jsonl", "not-an-object.jsonl"]
            .map { Array(try! Data(contentsOf: ProjectFiles.url("Tests/Fixtures/hostile/jsonl/\($0)"))) }
    }

    @Test func theJSONLinesSourceSurvivesRandomInput() {
        Self.withDeadline(60, "JSON Lines source") { tracker in
            var random = SplitMix64(seed: 0x15011)
            let seeds = Self.jsonlSeeds
            let table = DatasetSchema.table("evidence")!
            for index in 0..<Self.cases {
                let bytes = Self.input(index, seeds: seeds, random: &random)
                tracker.start(index, bytes)
                do {
                    let url = try Self.temporaryFile(bytes)
                    defer { try? FileManager.default.removeItem(at: url) }
                    let source = try JSONLinesRecordSource(url: url, file: "evidence.jsonl", table: table)
                    var records = 0
                    let lines = Self.lineCount(bytes)
                    while let record = try source.next() {
                        records += 1
                        #expect((1...lines).contains(record.line), "case \(index): record on line \(record.line)")
                        for field in 0..<table.fields.count { _ = record.field(field) }
                        if records > lines { Issue.record("case \(index): more records than lines"); break }
                    }
                    for problem in source.takeProblems() {
                        #expect(problem.file == "evidence.jsonl" && problem.line.map { (1...lines).contains($0) } == true && !problem.reason.isEmpty,
                                "case \(index): \(problem)")
                    }
                } catch {
                    Issue.record("case \(index): untyped error \(error)")
                }
            }
        }
    }

    @Test func duplicateKeysAreFoundAtTheTopLevelOnly() {
        func duplicate(_ text: String) -> String? { JSONLinesRecordSource.duplicateKey(in: Array(text.utf8)) }
        #expect(duplicate(#"{"a": 1, "b": 2}"#) == nil)
        #expect(duplicate(#"{"a": 1, "a": 2}"#) == "a")
        #expect(duplicate(#"{"a": {"b": 1, "b": 2}, "c": ["a", "a"]}"#) == nil)
        #expect(duplicate(#"{"a\"b": 1, "x": "a\"b", "a\u0022b": 2}"#) == "a\"b")
        #expect(duplicate(#"{"id": "x, \"id\": 2", "y": 1}"#) == nil)
    }

    // MARK: Methodology

    static var methodologySeeds: [[UInt8]] {
        ["Tests/Fixtures/scoring/methodology.yaml", "Tests/Fixtures/bench/methodology.yaml"]
            .map { Array(try! Data(contentsOf: ProjectFiles.url($0))) }
    }

    /// Parses a methodology as `scorecard methodology check` would: every failure is
    /// `MethodologyInvalid` whose problems each name a line.
    static func checkMethodology(_ bytes: [UInt8], index: Int) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try Data(bytes).write(to: url)
            _ = try MethodologyFile.load(path: url.path)
        } catch let invalid as MethodologyInvalid {
            #expect(!invalid.problems.isEmpty, "case \(index)")
            for problem in invalid.problems where !(problem.line == nil && problem.reason.hasPrefix("is empty")) {
                #expect(problem.line != nil && !problem.reason.isEmpty, "case \(index): a problem without a line: \(problem)")
            }
        } catch {
            Issue.record("case \(index): untyped error \(error)")
        }
    }

    @Test func theMethodologyParserSurvivesRandomInput() {
        Self.withDeadline(120, "methodology parser") { tracker in
            var random = SplitMix64(seed: 0x3E7)
            let seeds = Self.methodologySeeds
            for index in 0..<Self.cases {
                let bytes = Self.input(index, seeds: seeds, random: &random)
                tracker.start(index, bytes)
                Self.checkMethodology(bytes, index: index)
            }
        }
    }

    // MARK: Workspace configuration

    /// scorecard.yaml goes through the same YAML reader: every failure is `WorkspaceConfigInvalid`
    /// whose problems each name a line; the deep inputs are refused, not crashed on.
    @Test func theWorkspaceConfigurationParserSurvivesRandomInput() {
        let seeds = ["Templates/workspace/scorecard.yaml", "Examples/pall-mall/scorecard.yaml"]
            .map { Array(try! Data(contentsOf: ProjectFiles.url($0))) }
        Self.withDeadline(120, "workspace configuration parser") { tracker in
            var random = SplitMix64(seed: 0x5CA1E)
            let inputs = (0..<Self.cases).map { Self.input($0, seeds: seeds, random: &random) } + Self.deepYAML.map { Array($0.1.utf8) }
            for (index, bytes) in inputs.enumerated() {
                tracker.start(index, bytes)
                switch WorkspaceConfigParser.parse(text: String(decoding: bytes, as: UTF8.self), file: "scorecard.yaml") {
                case .success:
                    continue
                case .failure(let invalid):
                    #expect(!invalid.problems.isEmpty, "case \(index)")
                    for problem in invalid.problems where !(problem.line == nil && problem.reason.hasPrefix("is empty")) {
                        #expect(problem.line != nil && !problem.reason.isEmpty, "case \(index): a problem without a line: \(problem)")
                    }
                }
            }
        }
    }

    /// Nesting deep enough to overflow the stack of the YAML library (found by these tests: each of
    /// these crashed `scorecard methodology check` with SIGSEGV before the nesting guard).
    static let deepYAML: [(String, String)] = [
        ("flow", "id: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"),
        ("flow mappings", "id: " + String(repeating: "{a: ", count: 20_000) + String(repeating: "}", count: 20_000) + "\n"),
        ("compact sequences", String(repeating: "- ", count: 20_000) + "x\n"),
        ("indentation", (0..<5_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined()),
        ("aliases in flow", "a0: &a0 x\n" + (1..<20_000).map { "a\($0): &a\($0) [*a\($0 - 1)]\n" }.joined()),
        ("aliases in blocks", "a0: &a0 x\n" + (1..<20_000).map { "a\($0): &a\($0)\n  - *a\($0 - 1)\n" }.joined()),
        ("aliases on one line", "a: [&a0 x, " + (1..<20_000).map { "&a\($0) [*a\($0 - 1)]" }.joined(separator: ", ") + "]\n"),
        ("quotes hiding nothing", "id: " + String(repeating: "[ '", count: 20_000) + "\n"),
    ]

    @Test func deeplyNestedMethodologiesAreRefusedNotCrashed() {
        Self.withDeadline(60, "deep methodology") { tracker in
            for (index, (name, text)) in Self.deepYAML.enumerated() {
                tracker.start(index, Array(name.utf8))
                do {
                    _ = try MethodologyFile.parse(text: text, path: "deep.yaml")
                    Issue.record("\(name): parsed")
                } catch let invalid as MethodologyInvalid {
                    #expect(invalid.problems.count == 1 && invalid.problems[0].reason.hasPrefix("nested too deeply"), "\(name): \(invalid.problems.prefix(3))")
                    #expect(invalid.problems.first?.line != nil, "\(name)")
                } catch {
                    Issue.record("case \(index) \(name): untyped error \(error)")
                }
            }
        }
        // The guard leaves every real methodology alone.
        for path in ["Examples/pall-mall/methodology.yaml", "Tests/Fixtures/scoring/methodology.yaml", "Tests/Fixtures/bench/methodology.yaml"] {
            let text = try! String(contentsOf: ProjectFiles.url(path), encoding: .utf8)
            #expect(YAMLNesting.lineTooDeep(in: text) == nil, "\(path)")
        }
    }

    @Test func aMethodologyThatIsNotUTF8NamesTheLineAndByte() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Array("id: x\ntitle: Caf".utf8) + [0xE9] + Array("\n".utf8)).write(to: url)
        do {
            _ = try MethodologyFile.load(path: url.path)
            Issue.record("loaded")
        } catch let invalid as MethodologyInvalid {
            #expect(invalid.problems.map(\.description) == ["\(url.path):2: is not valid UTF-8 text: byte 0xE9 at byte 11 of the line (save the file as UTF-8)"])
        }
    }

    // MARK: Field converters and partial dates

    @Test func fieldConvertersSurviveRandomInput() {
        Self.withDeadline(60, "field converters") { tracker in
            var random = SplitMix64(seed: 0xF1E1D)
            let plans = DatasetSchema.tables.map { TablePlan($0) }
            let seeds: [[UInt8]] = ["2024", "2024-02", "2024-02-29", "2023-02-29", "ruritania", "src-a;src-b", "state;vendor", "3", "-12",
                                    "true", "GB", "https://example.org/a?b#c", "http://user@host:80/x", "A summary, \"quoted\"."].map { Array($0.utf8) }
            var row = CopyTextRow()
            var scratch: [UInt8] = []
            for index in 0..<Self.cases * 4 {
                let base = Self.input(index, seeds: seeds, random: &random)
                // A slice that does not start at index 0, as the CSV reader hands them over.
                let padded = [UInt8](repeating: 0x2C, count: 3) + base
                let raw = padded[3...]
                tracker.start(index, base)
                let plan = plans.randomElement(using: &random)!
                for field in plan.fields {
                    row.reset()
                    if let reason = FieldConverter.emit(raw, as: field, plan: plan, into: &row, scratch: &scratch) {
                        #expect(!reason.isEmpty && !reason.unicodeScalars.contains { $0.value < 0x20 }, "case \(index): \(reason)")
                    }
                }
                switch PartialDate.parse(bytes: raw) {
                case let .success(date):
                    #expect(PartialDate.parse(date.description) == .success(date), "case \(index): \(date) does not read back")
                    #expect(date.start <= date.end)
                case .failure:
                    break
                }
            }
        }
    }
}
