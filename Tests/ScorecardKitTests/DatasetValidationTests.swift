import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// Every validation rule: a bad file, the exact message, exit code 65, and a database that
/// the failed load left exactly as it was.
@Suite("Dataset validation")
struct DatasetValidationTests {
    /// A valid evidence record to vary: fields in the header's order.
    static func evidence(id: String = "ev-x", actor: String = "ruritania", type: String = "misuse_documented",
                         occurred: String = "2025-06", published: String = "2025-09-10", counterpart: String = "",
                         provision: String = "", severity: String = "3", certainty: String = "reported",
                         sensitivity: String = "public", summary: String = "Summary.", sources: String = "src-lab") -> String {
        [id, actor, type, occurred, published, counterpart, provision, severity, certainty, sensitivity, summary, sources].joined(separator: ",")
    }

    /// Loads the valid example, applies `edit`, and checks that validate (with no database and in
    /// one) and load all report exactly `expected`, the checks across records agreeing in Swift and
    /// in SQL, and leave the database unchanged.
    func expectRejected(_ expected: [String], edit: (DatasetFixture) throws -> Void) throws {
        let connection = try migratedDatabase("invalid")
        let fixture = try DatasetFixture()
        _ = try fixture.loader().load(connection: connection)
        let before = try databaseFingerprint(connection)
        try edit(fixture)
        #expect(problemsFoundEverywhere(fixture, connection) == expected)
        #expect(problems { _ = try fixture.loader().load(connection: connection) } == expected)
        do {
            _ = try fixture.loader().load(connection: connection)
        } catch let error as DatasetInvalid {
            #expect(error.exitCode == .dataError)
        }
        #expect(try databaseFingerprint(connection) == before)
    }

    @Test func wrongColumnCount() throws {
        try expectRejected(["actors.csv:6: has 3 fields, the header has 7"]) { try $0.append("actors.csv", "x,state,X") }
    }

    @Test func unterminatedQuote() throws {
        try expectRejected([#"evidence.csv:5: unterminated quoted field (a " opened on this record is never closed)"#]) {
            try $0.append("evidence.csv", Self.evidence(summary: "\"never closed"))
        }
    }

    @Test func quoteInsideAnUnquotedField() throws {
        try expectRejected(["evidence.csv:5: a quote inside an unquoted field 11 (quote the whole field and double the quote)"]) {
            try $0.append("evidence.csv", Self.evidence(summary: "say \"hi\""))
        }
    }

    @Test func invalidUTF8() throws {
        try expectRejected(["actors.csv:6: name: is not valid UTF-8 (byte 0xED at byte 4 of the field; save the file as UTF-8)"]) { fixture in
            let bytes = Array(try fixture.read("actors.csv").utf8) + Array("mali,state,Mal".utf8) + [0xED, 0x20] + Array(",ML,,,\n".utf8)
            try fixture.writeBytes("actors.csv", bytes)
        }
    }

    @Test func malformedAndImpossibleDates() throws {
        try expectRejected([
            "evidence.csv:5: occurred_on: '20250101' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)",
            "evidence.csv:6: occurred_on: '2025-13' is not a real calendar date",
            "evidence.csv:7: occurred_on: '2023-02-29' is not a real calendar date",
        ]) { fixture in
            try fixture.append("evidence.csv", Self.evidence(id: "a", occurred: "20250101"))
            try fixture.append("evidence.csv", Self.evidence(id: "b", occurred: "2025-13"))
            try fixture.append("evidence.csv", Self.evidence(id: "c", occurred: "2023-02-29"))
        }
    }

    @Test func publishedBeforeOccurred() throws {
        try expectRejected(["evidence.csv:5: published_on: 2025-05 is before occurred_on 2025-06-10"]) {
            try $0.append("evidence.csv", Self.evidence(occurred: "2025-06-10", published: "2025-05"))
        }
    }

    @Test func partialDatesAreComparedAsIntervals() throws {
        let connection = try migratedDatabase("interval")
        let fixture = try DatasetFixture()
        try fixture.append("evidence.csv", Self.evidence(occurred: "2025-06-10", published: "2025-06"))
        #expect(try fixture.loader().load(connection: connection).changed)
    }

    /// A withdrawal dated to a month or a year takes effect from its first day, so that day may not
    /// come before the commitment: validate passed it, and the table's CHECK then failed the load (70).
    @Test func aWithdrawalIsReadFromItsFirstDay() throws {
        try expectRejected([
            "commitments.csv:2: withdrawn_on: 2025-04 takes effect from its first day, 2025-04-01, before committed_on 2025-04-04 (give the day)",
            "commitments.csv:3: withdrawn_on: 2025-03 is before committed_on 2025-04-04",
        ]) { fixture in
            try fixture.replace("commitments.csv", "c-freedonia-code,freedonia,example-code,endorsed,2025-04-04,,", with: "c-freedonia-code,freedonia,example-code,endorsed,2025-04-04,2025-04,")
            try fixture.replace("commitments.csv", "c-ruritania-code,ruritania,example-code,endorsed,2025-04-04,,", with: "c-ruritania-code,ruritania,example-code,endorsed,2025-04-04,2025-03,")
        }
        let connection = try migratedDatabase("withdrawn")
        let fixture = try DatasetFixture()
        try fixture.replace("commitments.csv", "c-freedonia-code,freedonia,example-code,endorsed,2025-04-04,,", with: "c-freedonia-code,freedonia,example-code,endorsed,2025,2025-04-04,")
        #expect(try fixture.loader().load(connection: connection).changed)
    }

    @Test func evidenceDatedAfterTheLoad() throws {
        try expectRejected([
            "evidence.csv:5: occurred_on: 2026-02 is after the date of the load (2026-01-01)",
            "evidence.csv:5: published_on: 2026-03-01 is after the date of the load (2026-01-01)",
        ]) { try $0.append("evidence.csv", Self.evidence(occurred: "2026-02", published: "2026-03-01")) }
    }

    @Test func duplicateIDs() throws {
        try expectRejected([
            "actor_aliases.csv:3: actor_id+alias: duplicate key 'acme-intrusion/Acme Labs' (first on line 2)",
            "actors.csv:6: id: duplicate id 'ruritania' (first on line 2)",
        ]) { fixture in
            try fixture.append("actors.csv", "ruritania,state,Ruritania again,XR,,,")
            try fixture.append("actor_aliases.csv", "acme-intrusion,Acme Labs,brand,,,")
        }
    }

    @Test func unknownReferences() throws {
        try expectRejected([
            "commitments.csv:4: instrument_id: unknown instrument 'no-such-code' (not in instruments.csv)",
            "evidence.csv:5: actor_id: unknown actor 'atlantis' (not in actors.csv)",
            "evidence.csv:6: evidence_type: unknown evidence type 'teleportation' (not in evidence_types.csv)",
            "evidence.csv:7: provision_id: unknown provision 'example-code.nothing' (not in provisions.csv)",
            "evidence.csv:8: source_ids: unknown source 'src-missing' (not in sources.csv)",
        ]) { fixture in
            try fixture.append("commitments.csv", "c-x,freedonia,no-such-code,endorsed,2025-05,,src-code,")
            try fixture.append("evidence.csv", Self.evidence(id: "a", actor: "atlantis"))
            try fixture.append("evidence.csv", Self.evidence(id: "b", type: "teleportation"))
            try fixture.append("evidence.csv", Self.evidence(id: "c", provision: "example-code.nothing"))
            try fixture.append("evidence.csv", Self.evidence(id: "d", sources: "src-lab;src-missing"))
        }
    }

    @Test func evidenceWithoutASource() throws {
        try expectRejected(["evidence.csv:5: source_ids: is required"]) {
            try $0.append("evidence.csv", Self.evidence(sources: ""))
        }
    }

    @Test func malformedURL() throws {
        try expectRejected(["sources.csv:6: url: 'example.org/report' is not an absolute http(s) URL"]) {
            try $0.append("sources.csv", "src-x,example.org/report,Someone,,,C,,")
        }
    }

    @Test func valuesOutsideTheirAllowedSet() throws {
        try expectRejected([
            "evidence.csv:5: severity: 9 is outside 1–5",
            "evidence.csv:5: certainty: 'certain' is not one of: confirmed, attributed, reported",
        ]) { try $0.append("evidence.csv", Self.evidence(severity: "9", certainty: "certain")) }
        // A sensitivity that is not public may mean restricted: the record's values are withheld.
        try expectRejected([
            "evidence.csv:5: severity: is not a whole number in 1–5 (value withheld: the record is restricted)",
            "evidence.csv:5: certainty: is not one of: confirmed, attributed, reported (value withheld: the record is restricted)",
            "evidence.csv:5: sensitivity: is not one of: public, restricted (value withheld: the record is restricted)",
        ]) { try $0.append("evidence.csv", Self.evidence(severity: "9", certainty: "certain", sensitivity: "secret")) }
    }

    @Test func headerProblems() throws {
        try expectRejected([
            "responses.csv:1: header: missing field 'source_id'",
            "responses.csv:1: header: unknown field 'source' (responses.csv has: id, evidence_id, actor_id, responded_on, summary, source_id)",
        ]) { try $0.replace("responses.csv", "summary,source_id", with: "summary,source") }
    }

    @Test func problemsAreSortedByFileThenLine() throws {
        try expectRejected([
            "actors.csv:6: kind: 'country' is not one of: state, vendor, organisation, investor",
            "evidence.csv:5: severity: 'high' is not a whole number",
            "evidence.csv:6: id: 'Bad Id' is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)",
        ]) { fixture in
            try fixture.append("evidence.csv", Self.evidence(severity: "high"))
            try fixture.append("evidence.csv", Self.evidence(id: "Bad Id"))
            try fixture.append("actors.csv", "x,country,X,,,,")
        }
    }

    @Test func aStateNeedsAnISOCode() throws {
        try expectRejected(["actors.csv:6: iso_code: is required for a state"]) { try $0.append("actors.csv", "x,state,X,,,,") }
    }

    @Test func missingFolderAndMissingFileAreExit66() throws {
        let connection = try migratedDatabase("missing")
        let nowhere = DatasetLoader(directory: URL(fileURLWithPath: "/nonexistent/dataset"), today: .fixtureAsOf, logger: .quiet)
        #expect(throws: DatasetMissing.self) { try nowhere.validate(connection: connection) }
        #expect(throws: DatasetMissing.self) { try nowhere.validate() }
        let fixture = try DatasetFixture()
        try fixture.remove("evidence.csv")
        let checks: [(String, () throws -> Void)] = [
            ("in a database", { try fixture.loader().validate(connection: connection) }),
            ("with no database", { try fixture.loader().validate() }),
        ]
        for (way, validate) in checks {
            do {
                try validate()
                Issue.record("expected a missing file \(way)")
            } catch let missing as DatasetMissing {
                #expect(missing.exitCode == .noInput)
                #expect(missing.description.hasSuffix("evidence.csv: missing: datapackage.json names it as resource 'evidence'"))
            }
        }
    }
}
