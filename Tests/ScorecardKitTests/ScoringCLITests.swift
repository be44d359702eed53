import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// The scoring commands, run as the built binary.
@Suite("Scoring commands")
struct ScoringCLITests {
    let url: String
    let methodology = ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml").path

    init() throws {
        url = try TestCluster.makeDatabase(prefix: "scorecli")
        let load = try ScorecardProcess.run(["load", "--quiet", "--database-url", url, ProjectFiles.url("Tests/Fixtures/scoring/data").path])
        #expect(load.status == 0, "\(load.stderr)")
    }

    /// Output that never arrives is a failure (74, EX_IOERR) with one line saying so, never a crash or a 0.
    @Test func aFullDiskOnStandardOutputIsExit74() throws {
        let score = try ScorecardProcess.run(["score", "--quiet", "--database-url", url, "--methodology", methodology, "--period", "2024"])
        #expect(score.status == 0, "\(score.stderr)")
        for arguments in [["explain", "gamma"], ["report", "--out", "-", "--format", "text"], ["report", "--out", "-", "--format", "json"], ["score"]] {
            let outcome = try ScorecardProcess.run(arguments + ["--period", "2024", "--database-url", url, "--methodology", methodology],
                                                   standardOutput: "/dev/full")
            #expect(outcome.status == 74, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("scorecard: cannot write to standard output: ") && outcome.stderr.split(separator: "\n").count == 1, "\(arguments): \(outcome.stderr)")
        }
        let url = try ScorecardProcess.run(["db", "url", "--database-url", url], standardOutput: "/dev/full")
        #expect(url.status == 74, "\(url.stderr)")
    }

    @Test func scoreThenExplainThenSensitivity() throws {
        let score = try ScorecardProcess.run(["score", "--database-url", url, "--methodology", methodology, "--period", "2024"])
        #expect(score.status == 0, "\(score.stderr)")
        #expect(score.stdout.hasPrefix("2024: run "))
        #expect(score.stdout.contains("computed; with everything known now: run "), "\(score.stdout)")
        let again = try ScorecardProcess.run(["score", "--database-url", url, "--methodology", methodology, "--period", "2024"])
        #expect(again.stdout.contains("unchanged (identical inputs)"))

        let explain = try ScorecardProcess.run(["explain", "gamma", "--database-url", url, "--methodology", methodology, "--period", "2024"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.hasPrefix("Gamma (gamma, state): 2024\n"))
        #expect(explain.stdout.contains("gamma-misuse-early"))
        #expect(explain.stdout.contains("source src-a (Official, A) https://gov.example.org/a"))
        // Nothing is published, so nothing is restated: late evidence is a restatement of an edition.
        #expect(!explain.stdout.contains("Restatements"))
        #expect(!explain.stdout.contains("gamma-restricted"))
        #expect(!explain.stdout.contains("named victim"))

        let sensitivity = try ScorecardProcess.run(["sensitivity", "--database-url", url, "--methodology", methodology,
                                                    "--period", "2024", "--samples", "1000", "--seed", "3"])
        #expect(sensitivity.status == 0, "\(sensitivity.stderr)")
        #expect(sensitivity.stdout.hasPrefix("2024: run "))
        #expect(sensitivity.stdout.contains("1000 samples, seed 3"))
        let repeated = try ScorecardProcess.run(["sensitivity", "--database-url", url, "--methodology", methodology,
                                                 "--period", "2024", "--samples", "1000", "--seed", "3"])
        #expect(repeated.stdout == sensitivity.stdout)
    }

    @Test func allPeriodsScoresInOrder() throws {
        let score = try ScorecardProcess.run(["score", "--database-url", url, "--methodology", methodology, "--all-periods"])
        #expect(score.status == 0, "\(score.stderr)")
        let periods = score.stdout.split(separator: "\n").map { $0.prefix { $0 != ":" } }
        // From the period of the first evidence (beta-misuse, 2024; the 2022 commitments do not start
        // the series) to the last complete at the as-of date (2025, as of 2026-01-01).
        #expect(periods == ["2024", "2025"])
    }

    @Test func errorsHaveTheirExitCodes() throws {
        let badPeriod = try ScorecardProcess.run(["score", "--database-url", url, "--methodology", methodology, "--period", "2024-Q1"])
        #expect(badPeriod.status == 64)
        #expect(badPeriod.stderr.contains("'2024-Q1' is not a period of this methodology (its periods are years, like 2025, or latest)"))

        let missing = try ScorecardProcess.run(["score", "--database-url", url, "--methodology", "/nonexistent.yaml"])
        #expect(missing.status == 66)

        let unknownActor = try ScorecardProcess.run(["explain", "nobody", "--database-url", url, "--methodology", methodology, "--period", "2024"])
        #expect(unknownActor.status == 66)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let invalid = folder.appendingPathComponent("methodology.yaml")
        try Data(try String(contentsOfFile: methodology, encoding: .utf8)
            .replacingOccurrences(of: "half_life_days: 365\n    window_days: 730", with: "half_life_days: -365\n    window_days: 730").utf8).write(to: invalid)
        let check = try ScorecardProcess.run(["methodology", "check", invalid.path])
        #expect(check.status == 78)
        #expect(check.stdout.contains("half_life_days: must be greater than 0"))

        // A methodology naming an evidence type the dataset lacks is refused before anything is stored.
        let misfit = folder.appendingPathComponent("misfit.yaml")
        try Data(try String(contentsOfFile: methodology, encoding: .utf8)
            .replacingOccurrences(of: "evidence_types: [sanction_imposed]\n    role: actor", with: "evidence_types: [sanction_lifted]\n    role: actor").utf8).write(to: misfit)
        let refused = try ScorecardProcess.run(["score", "--database-url", url, "--methodology", misfit.path, "--period", "2024"])
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("indicator SANCTIONS: unknown evidence type 'sanction_lifted'"))

        // The same id and version with different content is refused: a published method never changes silently.
        #expect(try ScorecardProcess.run(["score", "--database-url", url, "--methodology", methodology, "--period", "2024"]).status == 0)
        let edited = folder.appendingPathComponent("edited.yaml")
        try Data((try String(contentsOfFile: methodology, encoding: .utf8) + "\n# edited\n").utf8).write(to: edited)
        let changed = try ScorecardProcess.run(["score", "--database-url", url, "--methodology", edited.path, "--period", "2024"])
        #expect(changed.status == 78)
        #expect(changed.stderr.contains("give the changed file a new version"))
    }
}
