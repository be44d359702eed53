import Foundation
import Postgres
import Testing
import TestSupport

/// `scorecard explain` of a run whose methodology scored restricted evidence: it withholds the
/// restricted records (and says how many) unless --include-restricted, which marks them.
@Suite("Restricted explain")
struct RestrictedExplainTests {
    @Test func explainWithholdsRestrictedRecordsUnlessAskedAndThenMarksThem() throws {
        let url = try TestCluster.makeDatabase(prefix: "restrictedexplain")
        let fixture = try RestrictedNames.fixture()
        let internalMethodology = try RestrictedNames.internalMethodology().path
        try RestrictedNames.run(["load", "--quiet", "--database-url", url, fixture.directory.path])
        try RestrictedNames.run(["score", "--quiet", "--database-url", url, "--methodology", internalMethodology, "--all-periods"])
        let base = ["explain", "gamma", "--database-url", url, "--methodology", internalMethodology, "--period", "2024"]

        let withheld = try RestrictedNames.run(base).stdout
        for marker in RestrictedNames.markers + ["A named victim", "gamma-restricted", "[restricted] "] {
            #expect(!withheld.contains(marker), "explain without --include-restricted shows '\(marker)'")
        }
        #expect(withheld.contains("3 restricted evidence records withheld"), "\(withheld)")
        #expect(withheld.contains("a restricted record, withheld"), "\(withheld)")

        let shown = try RestrictedNames.run(base + ["--include-restricted"]).stdout
        #expect(shown.contains("[restricted] gamma-restricted"), "\(shown)")
        #expect(shown.contains("[restricted] gamma-victim"), "\(shown)")
        #expect(shown.contains("Jane was targeted by Gamma."), "\(shown)")
        #expect(!shown.contains("withheld"), "\(shown)")
        // A public record is never marked.
        #expect(shown.contains("  gamma-misuse-early  "), "\(shown)")

        // A restricted actor is not explained at all without the flag.
        let victim = try ScorecardProcess.run(["explain", "jane-victim", "--database-url", url, "--methodology", internalMethodology, "--period", "2024"])
        #expect(victim.status == 66, "\(victim.stdout)\(victim.stderr)")
        #expect(victim.stderr.contains("is restricted; explain shows it only with --include-restricted"), "\(victim.stderr)")
        #expect(!victim.stdout.contains("Jane Victim Org"))
    }
}
