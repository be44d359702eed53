import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The checks across records exist twice, in Swift (`CrossRecordChecks`: validation needs no
/// database) and in SQL (`DatasetChecks`: a load's defence in depth). Every case of the validation
/// and hostile input suites compares them (`problemsFoundEverywhere`); these cases aim at where two
/// implementations could part: the caps and their counts, the order within a line, keys with a
/// field that a load stores as NULL, composite keys, converted encodings, and seeded random edits of
/// keys and references.
@Suite("Checks across records: Swift and SQL agree")
struct CheckAgreementTests {
    /// Applies `edit` to the minimal example; every way of checking it must report the same problems,
    /// which are returned.
    func problemsAfter(_ edit: (DatasetFixture) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try edit(fixture)
        return problemsFoundEverywhere(fixture, try migratedDatabase("agree"), sourceLocation: sourceLocation)
    }

    @Test func unknownReferencesPastTheCapAreCountedAlike() throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let count = ProblemList.limit + 50
        try HostileInputTests.appendRecords(fixture, count: count) { DatasetValidationTests.evidence(id: "ev-\($0)", actor: "nobody-\($0)") }
        let connection = try migratedDatabase("agreecap")
        let listed = problemsFoundEverywhere(fixture, connection)
        #expect(listed.count == ProblemList.limit)
        #expect(listed.first == "evidence.csv:5: actor_id: unknown actor 'nobody-0' (not in actors.csv)")
        let both = try #require(try crossRecordChecks(fixture.loader(), connection))
        #expect(both.inSwift.unlisted == 50 && both.inSQL.unlisted == 50)
    }

    @Test func unknownElementsOfAListInByteOrderAndNoneOfAMalformedList() throws {
        #expect(try problemsAfter { fixture in
            try fixture.append("evidence.csv", DatasetValidationTests.evidence(sources: "src-zz;src-lab;src-Aa;src-aa"))
        } == [
            "evidence.csv:5: source_ids: 'src-Aa' is not a valid id",
        ])
        #expect(try problemsAfter { fixture in
            try fixture.append("evidence.csv", DatasetValidationTests.evidence(sources: "src-zz;src-lab;src-_a;src-aa;src-0"))
        } == [
            "evidence.csv:5: source_ids: unknown source 'src-0' (not in sources.csv)",
            "evidence.csv:5: source_ids: unknown source 'src-_a' (not in sources.csv)",
            "evidence.csv:5: source_ids: unknown source 'src-aa' (not in sources.csv)",
            "evidence.csv:5: source_ids: unknown source 'src-zz' (not in sources.csv)",
        ])
    }

    /// A key whose field has a problem, or is empty, is NULL to a load: no duplicate, no reference.
    @Test func keysWithAProblemAreNotKeys() throws {
        #expect(try problemsAfter { fixture in
            try fixture.append("evidence_types.csv", "Bad Id,One,")
            try fixture.append("evidence_types.csv", "Bad Id,Two,")
            try fixture.append("evidence_types.csv", ",Three,")
            try fixture.append("evidence_types.csv", ",Four,")
            try fixture.append("evidence.csv", DatasetValidationTests.evidence(type: "Bad Id"))
        } == [
            "evidence.csv:5: evidence_type: 'Bad Id' is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)",
            "evidence_types.csv:4: id: 'Bad Id' is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)",
            "evidence_types.csv:5: id: 'Bad Id' is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)",
            "evidence_types.csv:6: id: is required",
            "evidence_types.csv:7: id: is required",
        ])
    }

    /// A record left out for its shape (a wrong field count) defines no id and names none.
    @Test func recordsLeftOutDefineNothing() throws {
        #expect(try problemsAfter { fixture in
            try fixture.append("evidence_types.csv", "kidnapping,Kidnapping,,extra")
            try fixture.append("evidence.csv", DatasetValidationTests.evidence(type: "kidnapping"))
            try fixture.append("evidence.csv", "ev-short,nobody")
        } == [
            "evidence.csv:5: evidence_type: unknown evidence type 'kidnapping' (not in evidence_types.csv)",
            "evidence.csv:6: has 2 fields, the header has 12",
            "evidence_types.csv:4: has 4 fields, the header has 3",
        ])
    }

    @Test func compositeKeysRepeatedManyTimes() throws {
        #expect(try problemsAfter { fixture in
            for _ in 0..<9 { try fixture.append("actor_aliases.csv", "acme-intrusion,Acme/Labs,brand,,,") }
            try fixture.append("actor_aliases.csv", "acme-intrusion,acme labs,brand,,,")
            try fixture.append("actor_relations.csv", "ruritania,investor_in,acme-intrusion,,,")
            try fixture.append("actor_relations.csv", "ruritania,investor_in,acme-intrusion,2020,,src-nowhere")
        } == [
            "actor_aliases.csv:4: actor_id+alias: duplicate key 'acme-intrusion/Acme/Labs' (first on line 3); also on 7 more lines: 5, 6, 7, 8, 9, …",
            "actor_relations.csv:3: actor_id+relation+related_actor_id: duplicate key 'ruritania/investor_in/acme-intrusion' (first on line 2)",
            "actor_relations.csv:3: source_id: unknown source 'src-nowhere' (not in sources.csv)",
        ])
    }

    /// A key longer than 32 bytes is held as its digest: still told apart from one that differs in
    /// its last byte, and shown, cut short, as SQL shows it.
    @Test func longKeys() throws {
        let long = String(repeating: "Acme Intrusion Laboratories ", count: 20)
        #expect(try problemsAfter { fixture in
            try fixture.append("actor_aliases.csv", "acme-intrusion,\(long)1,brand,,,")
            try fixture.append("actor_aliases.csv", "acme-intrusion,\(long)2,brand,,,")
            try fixture.append("actor_aliases.csv", "acme-intrusion,\(long)1,alias,,,")
        } == [
            "actor_aliases.csv:5: actor_id+alias: duplicate key 'acme-intrusion/Acme Intrusion Laboratories Acme Intrusion…' (first on line 3)",
        ])
    }

    /// Keys are compared as a load stores them: converted to UTF-8 from the file's encoding.
    @Test func keysOfAConvertedEncoding() throws {
        #expect(try problemsAfter { fixture in
            var rows = try fixture.records("actor_aliases.csv")
            rows += [["acme-intrusion", "Café", "brand", "", "", ""], ["acme-intrusion", "Café", "alias", "", "", ""]]
            try fixture.writeRecords("actor_aliases.csv", rows) { Array($0.data(using: .isoLatin1)!) }
            try fixture.updateResource("actor_aliases") { $0["encoding"] = "latin-1" }
        } == ["actor_aliases.csv:4: actor_id+alias: duplicate key 'acme-intrusion/Café' (first on line 3)"])
    }

    @Test func referencesFromJSONLinesLists() throws {
        #expect(try problemsAfter { fixture in
            try fixture.convertEvidenceToJSONLines()
            let text = try fixture.read("evidence.jsonl")
            try fixture.write("evidence.jsonl", text.replacingOccurrences(of: "[\"src-lab\"]", with: "[\"src-lab\",\"src-gone\"]"))
        } == [
            "evidence.jsonl:1: source_ids: unknown source 'src-gone' (not in sources.csv)",
            // Line 2 is restricted evidence: its problems withhold its values.
            "evidence.jsonl:2: source_ids: unknown source (value withheld: the record is restricted) (not in sources.csv)",
        ])
    }

    /// The defence in depth: were the Swift checks to miss a problem, the load would still refuse it,
    /// with the problem SQL found, and say that the two disagree.
    @Test func aProblemOnlySQLFindsStillRefusesTheLoad() throws {
        let unknown = DatasetProblem(file: "evidence.csv", line: 5, field: "actor_id", reason: "unknown actor 'atlantis' (not in actors.csv)", position: 1)
        let repeated = DatasetProblem(file: "actors.csv", line: 6, field: "id", reason: "duplicate id 'x' (first on line 2)", position: 0)
        let logs = CapturedLogs()
        let found = DatasetLoader.crossRecordProblems(inSwift: .init(problems: [repeated]), inSQL: .init(problems: [repeated, unknown]), logger: logs.logger())
        #expect(found == .init(problems: [repeated, unknown]))
        #expect(logs.messages.contains { $0.hasPrefix("the checks across records in scorecard and in PostgreSQL disagree") })

        let agreed = CapturedLogs()
        #expect(DatasetLoader.crossRecordProblems(inSwift: .init(problems: [unknown]), inSQL: .init(problems: [unknown]), logger: agreed.logger())
            == .init(problems: [unknown]))
        #expect(agreed.messages.isEmpty)
    }

    /// Seeded random edits of keys and references (values from another table, unknown, empty,
    /// malformed; rows repeated or removed), each dataset checked every way.
    @Test func seededEditsOfKeysAndReferences() throws {
        let connection = try migratedDatabase("agreefuzz")
        var random = SplitMix64(seed: 0xA9EE)
        let files = DatasetSchema.tables.map(\.name)
        var withProblems = 0
        for testCase in 0..<40 {
            let fixture = try DatasetFixture()
            defer { try? FileManager.default.removeItem(at: fixture.directory) }
            var tables: [String: [[String]]] = [:]
            for name in files { tables[name] = try fixture.records("\(name).csv") }
            let ids = tables.values.flatMap { $0.dropFirst().compactMap(\.first) }
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let name = files[Int(random.next() % UInt64(files.count))]
                var rows = tables[name]!
                guard rows.count > 1 else { continue }
                let row = 1 + Int(random.next() % UInt64(rows.count - 1))
                switch random.next() % 6 {
                case 0: rows.append(rows[row])
                case 1: rows.remove(at: row)
                default:
                    let table = DatasetSchema.table(name)!
                    let keyed = table.fields.enumerated().filter { table.primaryKey.contains($0.element.name) || $0.element.references != nil }
                    let field = keyed[Int(random.next() % UInt64(keyed.count))]
                    let column = rows[0].firstIndex(of: field.element.name)!
                    let choices = [ids[Int(random.next() % UInt64(ids.count))], "nowhere", "", "Bad Id",
                                   "\(ids[Int(random.next() % UInt64(ids.count))]);nowhere;src-lab", rows[1 + Int(random.next() % UInt64(rows.count - 1))][column]]
                    rows[row][column] = choices[Int(random.next() % UInt64(choices.count))]
                }
                tables[name] = rows
            }
            for (name, rows) in tables { try fixture.writeRecords("\(name).csv", rows) }
            let found = problemsFoundEverywhere(fixture, connection, label: "case \(testCase):")
            if found.contains(where: { $0.contains("unknown") || $0.contains("duplicate") }) { withProblems += 1 }
        }
        #expect(withProblems >= 20, "only \(withProblems) of 40 edited datasets had a problem across records")
    }

    /// Roles, ends and events past the cap: each check lists `limit` and counts the rest, alike.
    @Test func conductChecksPastTheCapAreCountedAlike() throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try ConductChecksTests.write(fixture, [])
        let count = ProblemList.limit + 50
        try HostileInputTests.appendRecords(fixture, count: count) {
            ConductChecksTests.record("ev-\($0)", actor: "acme-intrusion", counterpart: "freedonia", event: "one-event", ends: "nowhere-\($0)")
        }
        let connection = try migratedDatabase("agreeconductcap")
        let listed = problemsFoundEverywhere(fixture, connection)
        #expect(listed.count == ProblemList.limit)
        let both = try #require(try crossRecordChecks(fixture.loader(), connection))
        #expect(both.inSwift == both.inSQL)
        // Roles: two a record (actor and counterpart reversed), ends: one (to nothing), each check
        // capped alone; the event's records agree.
        #expect(both.inSwift.problems.count == 2 * ProblemList.limit)
        #expect(both.inSwift.unlisted == (2 * count - ProblemList.limit) + (count - ProblemList.limit))
    }

    /// Seeded random edits of the fields of format 2 and the fields they are checked against
    /// (kinds, roles, measures, actors, types, events, ends), each dataset checked every way.
    @Test func seededEditsOfRolesMeasuresAndEvents() throws {
        let connection = try migratedDatabase("agreeconduct")
        var random = SplitMix64(seed: 0xC0DE)
        func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
        let actors = ["freedonia", "ruritania", "acme-intrusion", "watchdog-coalition", "atlantis", "", "Bad Id"]
        let types = ["sanction_imposed", "sanction_lifted", "misuse_documented", "kidnapping", ""]
        let ids = (0..<8).map { "ev-\($0)" }
        var withProblems = 0
        for testCase in 0..<40 {
            let fixture = try DatasetFixture()
            defer { try? FileManager.default.removeItem(at: fixture.directory) }
            var records: [String] = []
            for index in 0..<8 {
                records.append(ConductChecksTests.record(
                    random.next() % 8 == 0 ? pick(ids) : ids[index], actor: pick(actors), type: pick(types), occurred: pick(["2025-06", "2025"]),
                    counterpart: pick(actors), event: pick(["", "", "e1", "e2", "Bad Id"]),
                    ends: pick(["", "", "", "ev-9"] + ids), endsOn: pick(["", "", "", "2025-07", "2025-05", "2024", "x"])))
            }
            try ConductChecksTests.write(fixture, records)
            // The kinds and measures of the types, edited too.
            let kinds = ["", "state", "vendor;investor", "state;organisation", "bogus"]
            var typeRows = try fixture.records("evidence_types.csv")
            for row in 1..<typeRows.count {
                typeRows[row][3] = pick(["", "true", "false", "yes"])
                typeRows[row][4] = pick(kinds)
                typeRows[row][5] = pick(kinds)
            }
            if random.next() % 4 == 0 { typeRows.append(typeRows[1]) }
            try fixture.writeRecords("evidence_types.csv", typeRows)
            if random.next() % 4 == 0 { try fixture.append("actors.csv", "freedonia,vendor,Freedonia again,,,,") }
            let found = problemsFoundEverywhere(fixture, connection, label: "case \(testCase):")
            if found.contains(where: { $0.contains("names a") || $0.contains("no measure") || $0.contains("first record of event") || $0.contains("only for a measure") }) {
                withProblems += 1
            }
        }
        #expect(withProblems >= 20, "only \(withProblems) of 40 edited datasets had a problem of roles, measures or events")
    }

    /// Values to try in a field of each type: valid ones, and ones each rule refuses; for a date,
    /// also the year and the month of each date of the record, where the rules between dates bite.
    static func candidates(for field: FieldDefinition, in record: [String: String]) -> [String] {
        switch field.type {
        case .id: return ["nowhere", "Bad Id", ""]
        case .idList: return ["src-lab", "src-lab;src-news", "src-lab;src-lab", "src-lab;", ""]
        case .partialDate:
            let near = record.values.filter { (try? PartialDate.parse($0).get()) != nil }.flatMap { [String($0.prefix(4)), String($0.prefix(7)), $0] }
            return ["2025-04-30", "2024-12", "2026-02", "2025-13", ""] + near
        case .integer: return ["0", "1", "5", "6", "x", ""]
        case let .oneOf(values), let .listOf(values): return values + ["bogus", ""]
        case .url: return ["https://example.org/x", "example.org/x", ""]
        case .countryCode: return ["GB", "gb", ""]
        case .boolean: return ["true", "no", ""]
        case .text: return ["x", ""]
        }
    }

    /// What validate passes with no database, a load takes: seeded random edits of any field (half
    /// of them of a date), with each type's valid and refused values; whenever validate finds
    /// nothing, the load must succeed, no constraint of the tables refusing what the checks let through.
    @Test func whatValidatePassesLoads() throws {
        let connection = try migratedDatabase("agreeloads")
        var random = SplitMix64(seed: 0x10AD5)
        func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
        let fields = DatasetSchema.tables.flatMap { table in table.fields.map { (table, $0) } }
        let dates = fields.filter { $0.1.type == .partialDate }
        var loaded = 0
        for testCase in 0..<100 {
            let fixture = try DatasetFixture()
            defer { try? FileManager.default.removeItem(at: fixture.directory) }
            for _ in 0..<2 {
                let (table, field) = random.next() % 2 == 0 ? pick(dates) : pick(fields)
                var rows = try fixture.records(table.fileName)
                guard rows.count > 1 else { continue }
                if !rows[0].contains(field.name) {  // a column the fixture leaves out (mayBeAbsent): add it, empty
                    rows = rows.enumerated().map { $0.offset == 0 ? $0.element + [field.name] : $0.element + [""] }
                }
                let row = 1 + Int(random.next() % UInt64(rows.count - 1))
                let record = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[row]))
                rows[row][rows[0].firstIndex(of: field.name)!] = pick(Self.candidates(for: field, in: record))
                try fixture.writeRecords(table.fileName, rows)
            }
            guard problemsFoundEverywhere(fixture, connection, label: "case \(testCase):").isEmpty else { continue }
            do {
                _ = try fixture.loader().load(connection: connection)
                loaded += 1
            } catch {
                Issue.record("case \(testCase): validate found nothing, and the load failed: \(error)")
            }
        }
        #expect(loaded >= 20 && loaded <= 90, "\(loaded) of 100 edited datasets were valid")
    }
}
