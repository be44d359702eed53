import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The scoring fixture with restricted names in every place they can hide: a victim marked
/// restricted (an organisation, the counterpart of restricted evidence), a vendor named only by
/// restricted evidence (restricted by derivation), a restricted alias of a public vendor, an alias
/// of the victim, a relation to it, and sources cited only by restricted evidence.
enum RestrictedNames {
    /// Text only restricted rows hold: a public reader, a public report and explain without
    /// --include-restricted must show none of it.
    static let markers = ["jane-victim", "Jane Victim Org", "Victim Alias", "shadow-vendor", "Shadow Vendor Ltd",
                          "Secret Brand", "src-secret", "secret.example.org", "Secret Publisher", "the victim is named here",
                          "src-shadow", "shadow.example.org", "Jane was targeted"]

    static func fixture() throws -> DatasetFixture {
        let fixture = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        try fixture.write("datapackage.json", try FrictionlessDescriptor.json(
            FrictionlessDescriptor.dataPackage(name: "restricted-names", title: "Restricted names")))
        var actors = try fixture.records("actors.csv").map { $0 + [""] }
        actors[0][actors[0].count - 1] = "sensitivity"
        actors.append(["jane-victim", "organisation", "Jane Victim Org", "", "", "", "", "restricted"])
        actors.append(["shadow-vendor", "vendor", "Shadow Vendor Ltd", "", "AA", "", "", ""])
        try fixture.writeRecords("actors.csv", actors)
        try fixture.append("sources.csv", "src-secret,https://secret.example.org/report,Secret Publisher,Secret title,,B,https://archive.example.org/secret.example.org,the victim is named here")
        try fixture.append("sources.csv", "src-shadow,https://shadow.example.org/a,Shadow News,,,C,,")
        try fixture.write("actor_aliases.csv", """
            actor_id,alias,alias_kind,valid_from,valid_to,source_id,sensitivity
            vend,Secret Brand,brand,,,src-a,restricted
            vend,Vend Public Brand,brand,,,src-a,
            jane-victim,Victim Alias,alias,,,src-secret,

            """)
        try fixture.append("actor_relations.csv", "shadow-vendor,subsidiary_of,vend,,,src-shadow")
        try fixture.append("evidence.csv", "gamma-victim,gamma,misuse_documented,2024-10-05,2024-10-06,jane-victim,,5,confirmed,restricted,Jane was targeted by Gamma.,src-secret")
        try fixture.append("evidence.csv", "gamma-shadow,gamma,misuse_documented,2024-10-07,2024-10-08,shadow-vendor,,4,confirmed,restricted,Gamma bought from a vendor known to few.,src-shadow")
        return fixture
    }

    @discardableResult
    static func run(_ arguments: [String]) throws -> ScorecardProcess.Outcome {
        let outcome = try ScorecardProcess.run(arguments)
        #expect(outcome.status == 0, "scorecard \(arguments.joined(separator: " ")): \(outcome.stdout)\(outcome.stderr)")
        return outcome
    }

    static func internalMethodology() throws -> URL {
        let text = try String(contentsOf: ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "version: \"1\"", with: "version: \"1-internal\"")
            .replacingOccurrences(of: "restricted_evidence: exclude", with: "restricted_evidence: include")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("internal-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }
}

@Suite("Restricted names")
struct RestrictedNamesTests {
    let methodology = ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml").path

    @Test func aPublicReaderSeesNoRestrictedActorAliasOrSourceAndNoneOfTheirStatistics() throws {
        let url = try TestCluster.makeDatabase(prefix: "restrictednames")
        let fixture = try RestrictedNames.fixture()
        try RestrictedNames.run(["load", "--quiet", "--database-url", url, fixture.directory.path])
        try RestrictedNames.run(["score", "--quiet", "--database-url", url, "--methodology", methodology, "--all-periods"])
        try RestrictedNames.run(["score", "--quiet", "--database-url", url, "--methodology", try RestrictedNames.internalMethodology().path, "--all-periods"])

        // Deleted with the restricted record that needed it: its history must stay hidden.
        let evidence = try fixture.read("evidence.csv").split(separator: "\n").filter { !$0.hasPrefix("gamma-shadow,") }
        try fixture.write("evidence.csv", evidence.joined(separator: "\n") + "\n")
        try fixture.write("actor_relations.csv", "actor_id,relation,related_actor_id,valid_from,valid_to,source_id\n")
        try fixture.replace("sources.csv", "src-shadow,https://shadow.example.org/a,Shadow News,,,C,,\n", with: "")
        try fixture.replace("actors.csv", "shadow-vendor,vendor,Shadow Vendor Ltd,,AA,,,\n", with: "")
        try RestrictedNames.run(["load", "--quiet", "--database-url", url, fixture.directory.path])
        try RestrictedNames.run(["score", "--quiet", "--database-url", url, "--methodology", methodology, "--all-periods"])
        let owner = try Connection(conninfo: url, logger: .quiet)
        try owner.execute("ANALYZE")
        #expect(try count(owner, "SELECT count(*) AS n FROM scorecard.record_history WHERE record_key IN ('src-shadow', 'shadow-vendor')") == 2)
        #expect(try count(owner, "SELECT count(*) AS n FROM pg_stats WHERE schemaname = 'scorecard' AND tablename IN ('sources', 'actors', 'actor_aliases')") > 0)

        let publicRole = ReaderRole(prefix: "names_public")
        let restrictedRole = ReaderRole(prefix: "names_restricted")
        defer { ReaderRole.drop([publicRole, restrictedRole], url: url) }
        try publicRole.grant(url: url)
        try restrictedRole.grant(url: url, restricted: true)

        do {
            let analyst = try publicRole.connect(url: url)
            let everything = try AnalystAccessTests().dumpEverything(analyst)
            for marker in RestrictedNames.markers {
                #expect(!everything.contains(marker), "the public reader sees '\(marker)'")
            }
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.sources WHERE id = 'src-secret'") == 0)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.record_history WHERE record_key = 'src-shadow'") == 0)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.actors WHERE id = 'jane-victim'") == 0)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.actor_aliases WHERE alias IN ('Secret Brand', 'Victim Alias')") == 0)
            // What is public stays: the public vendor, its public alias, the sources public records cite.
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.actors WHERE id IN ('vend', 'gamma', 'alpha')") == 3)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.actor_aliases WHERE alias = 'Vend Public Brand'") == 1)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.sources WHERE id IN ('src-a', 'src-b', 'src-c')") == 3)
            // PostgreSQL shows a reader no statistics of a table whose row-level security applies to it.
            let stats = try analyst.query("""
                SELECT coalesce(string_agg(s::text, E'\\n'), '') AS rows FROM pg_stats s
                WHERE schemaname = 'scorecard' AND tablename IN ('sources', 'actors', 'actor_aliases', 'actor_relations', 'record_history', 'evidence')
                """).first!.decode("rows", as: String.self)
            #expect(stats.isEmpty, "pg_stats shows the public reader: \(stats.prefix(300))")
        }

        do {
            let analyst = try restrictedRole.connect(url: url)
            let everything = try AnalystAccessTests().dumpEverything(analyst)
            for marker in ["Jane Victim Org", "Victim Alias", "Secret Brand", "secret.example.org", "the victim is named here", "Shadow Vendor Ltd"] {
                #expect(everything.contains(marker), "the restricted reader does not see '\(marker)'")
            }
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.record_history WHERE record_key = 'src-shadow'") == 1)
        }

        // Public reports, every format: nothing restricted, and the victim is not ranked.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("restricted-names-\(UUID().uuidString)")
        try RestrictedNames.run(["report", "--database-url", url, "--methodology", methodology, "--period", "2024", "--out", out.path])
        // Every file of the edition folder (summary, cards, method, data), and their names too.
        let files = ProjectFiles.files(under: out)
        #expect(Set(files.compactMap { $0.split(separator: ".").last.map(String.init) }).isSuperset(of: ["txt", "json", "md", "html", "csv", "ndjson"]), "\(files)")
        #expect(!files.contains { name in RestrictedNames.markers.contains { name.contains($0) } }, "a restricted name in a file name: \(files)")
        for file in files {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            for marker in RestrictedNames.markers {
                #expect(!text.contains(marker), "\(file) shows '\(marker)'")
            }
        }
        #expect(try count(owner, """
            SELECT count(*) AS n FROM scorecard.actor_scores s JOIN scorecard.score_runs r ON r.id = s.run_id
            WHERE s.actor_id = 'jane-victim' AND r.methodology_version = '1'
            """) == 0)
    }

    @Test func aPublicRecordMayNotNameARestrictedActorAndTheMessageWithholdsIt() throws {
        let connection = try migratedDatabase("restrictednames_public_names")
        let fixture = try RestrictedNames.fixture()
        try fixture.append("evidence.csv", "alpha-names-victim,alpha,misuse_documented,2024-10-05,2024-10-06,jane-victim,,5,confirmed,public,Alpha named.,src-a")
        try fixture.append("commitments.csv", "victim-code,jane-victim,code,endorsed,2023-01-10,,src-a,")
        let found = problemsFoundEverywhere(fixture, connection)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.hasPrefix("evidence.csv:11: counterpart_id: names an actor marked restricted in actors.csv") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("commitments.csv:7: actor_id: names an actor marked restricted") }, "\(found)")
        for problem in found { #expect(!problem.contains("jane-victim"), "\(problem)") }
        let before = try databaseFingerprint(connection)
        #expect(throws: DatasetInvalid.self) { try fixture.loader().load(connection: connection) }
        #expect(try databaseFingerprint(connection) == before)
    }
}
