import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The checks of format 2's evidence fields (docs/data-format.md, "Roles, measures and events"):
/// roles, ends, end dates and events. Every case goes through `problemsFoundEverywhere`, so it also
/// shows that validate with no database, validate in a database and the checks in Swift and in SQL
/// agree.
@Suite("Roles, measures and events")
struct ConductChecksTests {
    /// Evidence types with the columns of format 2: a measure, the act that ends it, and roles.
    static let types = """
        id,name,description,measure,actor_kinds,counterpart_kinds
        misuse_documented,Misuse documented,,,state,vendor
        sanction_imposed,Sanction imposed,,true,state;organisation,vendor;investor
        sanction_lifted,Sanction lifted,,false,state;organisation,
        """
    static let header = "id,actor_id,evidence_type,occurred_on,published_on,counterpart_id,provision_id,severity,certainty,sensitivity,summary,source_ids,event_id,ends,ends_on"

    static func record(_ id: String, actor: String = "freedonia", type: String = "sanction_imposed", occurred: String = "2025-06",
                       counterpart: String = "acme-intrusion", event: String = "", ends: String = "", endsOn: String = "") -> String {
        [id, actor, type, occurred, "2025-09-10", counterpart, "", "3", "reported", "public", "Summary.", "src-lab", event, ends, endsOn]
            .joined(separator: ",")
    }

    /// The minimal example with `types` and an evidence file of format 2: line 2 is the record the
    /// example's response replies to, `records` are lines 3, 4, ….
    static func write(_ fixture: DatasetFixture, _ records: [String]) throws {
        try fixture.write("evidence_types.csv", types + "\n")
        let first = record("ev-ruritania-journalists", actor: "ruritania", type: "misuse_documented")
        try fixture.write("evidence.csv", ([header, first] + records).joined(separator: "\n") + "\n")
    }

    func problemsWith(_ records: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try Self.write(fixture, records)
        return problemsFoundEverywhere(fixture, try migratedDatabase("conduct"), sourceLocation: sourceLocation)
    }

    @Test func aDatasetOfFormat2LoadsWithItsEventsAndEnds() throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try Self.write(fixture, [
            // Ends a measure that comes later in the file.
            Self.record("ev-lift", type: "sanction_lifted", occurred: "2025-08", ends: "ev-sanction-acme"),
            // One designation of two entities: one event, one actor, two counterparts.
            Self.record("ev-sanction-acme", event: "freedonia-2025-06", endsOn: "2025-08"),
            Self.record("ev-sanction-other", counterpart: "", event: "freedonia-2025-06"),
        ])
        let connection = try migratedDatabase("conductload")
        #expect(problemsFoundEverywhere(fixture, connection) == [])
        _ = try fixture.loader().load(connection: connection)
        let rows = try connection.query("SELECT id, event_id, ends, ends_on::text AS ends_on FROM scorecard.evidence WHERE id LIKE 'ev-%' ORDER BY id")
        let stored = try rows.map { "\(try $0.decode("id", as: String.self)) \(try $0.decode("event_id", as: String?.self) ?? "-") \(try $0.decode("ends", as: String?.self) ?? "-") \(try $0.decode("ends_on", as: String?.self) ?? "-")" }
        #expect(stored == [
            "ev-lift - ev-sanction-acme -",
            "ev-ruritania-journalists - - -",
            "ev-sanction-acme freedonia-2025-06 - 2025-08-01",
            "ev-sanction-other freedonia-2025-06 - -",
        ])
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.evidence_types WHERE measure").first!.decode("n", as: Int.self) == 1)
    }

    /// The issue's case: actor and counterpart reversed validated, loaded and counted for nobody.
    @Test func rolesReversedAndKindsNotTaken() throws {
        #expect(try problemsWith([
            Self.record("ev-reversed", actor: "acme-intrusion", counterpart: "freedonia"),
            Self.record("ev-organisation-sanctions", actor: "watchdog-coalition"),
            Self.record("ev-misuse-by-vendor", actor: "acme-intrusion", type: "misuse_documented", counterpart: ""),
            Self.record("ev-lift-state", type: "sanction_lifted", counterpart: "ruritania"),  // counterpart_kinds empty: any
        ]) == [
            "evidence.csv:3: actor_id: names a vendor, and evidence type 'sanction_imposed' takes as actor only: state, organisation (actor_kinds in evidence_types.csv)",
            "evidence.csv:3: counterpart_id: names a state, and evidence type 'sanction_imposed' takes as counterpart only: vendor, investor (counterpart_kinds in evidence_types.csv)",
            "evidence.csv:5: actor_id: names a vendor, and evidence type 'misuse_documented' takes as actor only: state (actor_kinds in evidence_types.csv)",
        ])
    }

    /// An unknown actor or type is one problem (the reference), not two.
    @Test func rolesOfUnknownActorsAreNotChecked() throws {
        #expect(try problemsWith([
            Self.record("ev-nobody", actor: "atlantis"),
            Self.record("ev-no-type", actor: "acme-intrusion", type: "kidnapping"),
        ]) == [
            "evidence.csv:3: actor_id: unknown actor 'atlantis' (not in actors.csv)",
            "evidence.csv:4: evidence_type: unknown evidence type 'kidnapping' (not in evidence_types.csv)",
        ])
    }

    @Test func endsNamesAnotherMeasureOfTheFile() throws {
        #expect(try problemsWith([
            Self.record("ev-sanction"),
            Self.record("ev-lift-itself", type: "sanction_lifted", ends: "ev-lift-itself"),
            Self.record("ev-lift-nothing", type: "sanction_lifted", ends: "ev-never"),
            Self.record("ev-lift-an-act", type: "sanction_lifted", ends: "ev-ruritania-journalists"),
            Self.record("ev-lift-later", type: "sanction_lifted", ends: "ev-later-lift"),
            Self.record("ev-later-lift", type: "sanction_lifted", ends: "ev-sanction"),
        ]) == [
            "evidence.csv:4: ends: names the record itself; a record ends another record, a measure",
            "evidence.csv:5: ends: unknown evidence 'ev-never' (not in evidence.csv)",
            "evidence.csv:6: ends: 'ev-ruritania-journalists' (line 2) is no measure: its evidence type 'misuse_documented' is not marked measure true in evidence_types.csv",
            "evidence.csv:7: ends: 'ev-later-lift' (line 8) is no measure: its evidence type 'sanction_lifted' is not marked measure true in evidence_types.csv",
        ])
    }

    @Test func endDatesOnlyOnMeasuresAndNotBeforeTheyBegin() throws {
        #expect(try problemsWith([
            Self.record("ev-sanction-ended", occurred: "2025-06", endsOn: "2025-06-30"),
            Self.record("ev-sanction-before", occurred: "2025-06", endsOn: "2025-05"),
            Self.record("ev-misuse-ended", actor: "ruritania", type: "misuse_documented", endsOn: "2025-07"),
        ]) == [
            "evidence.csv:4: ends_on: 2025-05 is before occurred_on 2025-06",
            "evidence.csv:5: ends_on: is only for a measure, and evidence type 'misuse_documented' is not one (measure is not true in evidence_types.csv)",
        ])
    }

    @Test func theRecordsOfAnEventAreOneActOfOneActor() throws {
        #expect(try problemsWith([
            Self.record("ev-a", event: "designation"),
            Self.record("ev-b", counterpart: "", event: "designation"),              // another counterpart: fine
            Self.record("ev-c", actor: "ruritania", event: "designation"),           // another actor
            Self.record("ev-d", actor: "ruritania", type: "sanction_lifted", event: "designation"),  // both differ
            Self.record("ev-e", actor: "ruritania", event: "other"),
        ]) == [
            "evidence.csv:5: actor_id: differs from that of line 3, the first record of event 'designation': the records of one event are one act of one actor, and share actor_id and evidence_type",
            "evidence.csv:6: actor_id: differs from that of line 3, the first record of event 'designation': the records of one event are one act of one actor, and share actor_id and evidence_type",
            "evidence.csv:6: evidence_type: differs from that of line 3, the first record of event 'designation': the records of one event are one act of one actor, and share actor_id and evidence_type",
        ])
    }

    /// A file without the new columns (format 1) has none of these checks to fail: the minimal
    /// example, whose types say nothing of roles, passes with its sanction's counterpart a vendor.
    @Test func aDatasetOfFormat1HasNoRolesToBreak() throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try fixture.append("evidence.csv", DatasetValidationTests.evidence(id: "ev-vendor-sanctions", actor: "acme-intrusion", type: "sanction_imposed", counterpart: "freedonia"))
        #expect(!(try fixture.read("evidence.csv")).contains("event_id"))
        #expect(problemsFoundEverywhere(fixture, try migratedDatabase("conductformat1")) == [])
    }
}
