import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The reference lists embedded in scorecard (docs/data-format.md, "Reference lists"): ISO 3166-1
/// from Debian's iso-codes, checked against the system's file, and the universe of UN states.
@Suite("Reference lists: ISO 3166-1 and the UN states")
struct ReferenceListsTests {
    static let systemISOList = "/usr/share/iso-codes/json/iso_3166-1.json"

    /// The vendored file is what scripts/reference-lists makes of the system's list. Skipped only
    /// where the iso-codes package is absent (make deps installs it, so CI has it).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: systemISOList),
                   "Debian's iso-codes is not installed (\(systemISOList) is missing): make deps installs it"))
    func theVendoredISOListIsTheSystemOne() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.systemISOList))) as? [String: Any])
        let entries = try #require(json["3166-1"] as? [[String: String]])
        let system = entries.map { ReferenceLists.Country(alpha2: $0["alpha_2"]!, alpha3: $0["alpha_3"]!, name: $0["name"]!) }
            .sorted { $0.alpha2 < $1.alpha2 }
        #expect(ReferenceLists.countries == system, "Schemas/reference/iso_3166-1.csv differs from \(Self.systemISOList): run make reference")
        // And the script that writes it (make reference) would write it unchanged.
        let script = Process()
        script.executableURL = ProjectFiles.url("scripts/reference-lists")
        script.arguments = ["--check"]
        try script.run()
        script.waitUntilExit()
        #expect(script.terminationStatus == 0, "scripts/reference-lists --check: the vendored list differs")
    }

    @Test func theUniverseIs193MembersAnd2Observers() {
        let states = ReferenceLists.unStates
        #expect(states.count == 195)
        #expect(states.filter { $0.status == "member" }.count == 193)
        #expect(states.filter { $0.status == "observer" }.map(\.alpha3) == ["PSE", "VAT"])
        #expect(states.first { $0.alpha3 == "GBR" }?.alpha2 == "GB")
        // Every UN state has its codes in ISO 3166-1.
        let iso = Dictionary(uniqueKeysWithValues: ReferenceLists.countries.map { ($0.alpha3, $0.alpha2) })
        #expect(states.filter { iso[$0.alpha3] != $0.alpha2 }.map(\.alpha3) == [])
    }

    @Test func countryCodesMustBeRealOrLeftToUsers() throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        for row in ["at,state,Austria,AUT,,,", "kosovo,state,Kosovo,XK,,,", "bogus-state,state,Bogus,RT,,,",
                    "vendor-aa,vendor,V,,AA,,", "vendor-zz,vendor,W,,ZZZ,,", "vendor-qm,vendor,X,,QM,,", "vendor-ql,vendor,Y,,QL,,",
                    "vendor-old,vendor,Z,,DD,,"] {
            try fixture.append("actors.csv", row)
        }
        let reason = "is not an ISO 3166-1 code (no country has it in ISO 3166-1, and it is not one of the codes left to users: AA, QM–QZ, XA–XZ, ZZ)"
        #expect(problemsFoundEverywhere(fixture, try migratedDatabase("iso")) == [
            "actors.csv:8: iso_code: 'RT' \(reason)",
            "actors.csv:12: country: 'QL' \(reason)",
            "actors.csv:13: country: 'DD' \(reason)",
        ])
    }

    @Test func validateWarnsOfUNStatesWithNoActor() throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try fixture.append("actors.csv", "afghanistan,state,Afghanistan,AFG,,,")
        try fixture.append("actors.csv", "angola,state,Angola,AO,,,")
        try fixture.append("actors.csv", "albania-vendor,vendor,Not a state,,ALB,,")  // a vendor: not a state of the universe
        let validation = try fixture.loader().validate()
        #expect(validation.warnings == [
            "193 of the 195 UN member and observer states have no actor of kind state with their iso_code in actors.csv: "
                + "ALB (Albania), AND (Andorra), ARE (United Arab Emirates), ARG (Argentina), ARM (Armenia), ATG (Antigua and Barbuda), "
                + "AUS (Australia), AUT (Austria), AZE (Azerbaijan), BDI (Burundi), BEL (Belgium), BEN (Benin), and 181 more",
        ])
        // A load says the same; the command prints it on stderr, and the dataset is still valid (exit 0).
        let connection = try migratedDatabase("unwarn")
        #expect(try fixture.loader().load(connection: connection).warnings == validation.warnings)
        let result = try ScorecardProcess.run(["validate", fixture.directory.path, "--as-of", "2026-01-01"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: 193 of the 195 UN member and observer states have no actor of kind state"))
        #expect(result.stdout.contains("valid"))
    }

    @Test func everyUNStateWithAnActorWarnsOfNothing() throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        for state in ReferenceLists.unStates { try fixture.append("actors.csv", "\(state.alpha3.lowercased()),state,\(state.alpha3),\(state.alpha3),,,") }
        #expect(try fixture.loader().validate().warnings == [])
    }

    /// Analysts have the universe as a table, written by the migrator from the embedded list.
    @Test func theMigratorWritesTheUniverseOfStates() throws {
        let connection = try migratedDatabase("unstates")
        let rows = try connection.query("SELECT status, count(*) AS n, count(admitted) AS admitted FROM scorecard.un_member_states GROUP BY status ORDER BY status")
        #expect(try rows.map { "\(try $0.decode("status", as: String.self)) \(try $0.decode("n", as: Int.self)) \(try $0.decode("admitted", as: Int.self))" }
            == ["member 193 193", "observer 2 0"])
        #expect(try connection.query("SELECT name FROM scorecard.un_member_states WHERE alpha_2 = 'GB'").first!.decode("name", as: String.self) == "United Kingdom")
        // Its SHA-256 is recorded with the objects: a database written by another list is re-made.
        try connection.execute("DELETE FROM scorecard.un_member_states WHERE alpha_3 = 'AFG'")
        try connection.execute("UPDATE scorecard.schema_objects SET sha256 = repeat('0', 64) WHERE file = \(ReferenceStates.recordedName)")
        let outcome = try Migrator(logger: .quiet).migrate(connection)
        #expect(outcome.objectsRecreated)
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.un_member_states").first!.decode("n", as: Int.self) == 195)
    }
}
