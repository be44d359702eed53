import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The scoring fixture (Tests/Fixtures/scoring) with expectations computed by hand from the
/// formulas of docs/methodology.md, independently of the SQL that implements them.
@Suite("Scoring")
struct ScoringTests {
    // The formulas, written out again.
    static func decay(days: Double) -> Double { pow(0.5, days / 365) }
    static func saturate(_ total: Double, _ saturation: Double = 1) -> Double { 100 * (1 - exp(-total / saturation)) }
    static func combined(positive: Double?, negative: Double?) -> Double { (100 + (positive ?? 0) - (negative ?? 0)) / 2 }

    // E = 2024-12-31.
    // alpha-misuse: severity 5 (1.0), confirmed (1.0), source A (1.0), conduct ended 2024-06-30: 184 days old.
    static let alphaMisuseWeight = 1.0 * 1.0 * 1.0 * decay(days: 184)
    // alpha-sanctions-vend: severity 3 (0.6), reported (0.25), source C (0.6), 0 days old.
    static let sanctionWeight = 0.6 * 0.25 * 0.6
    // beta-misuse: severity 4 (0.8), attributed, but cited by two independent sources (publishers Lab and
    // News), which raise its event's certainty one step, to confirmed (1.0); best of B and C (0.8);
    // occurred 2024-01: ended 2024-01-31, 335 days old.
    static let betaMisuseWeight = 0.8 * 1.0 * 0.8 * decay(days: 335)
    // gamma-misuse-early: severity 3 (0.6), confirmed, A, 2024-02-15: 320 days old.
    static let gammaEarlyWeight = 0.6 * decay(days: 320)
    // gamma-misuse-late (published 2025-02-10, after the period): severity 5, confirmed, A, occurred 2024-11 → 31 days old.
    static let gammaLateWeight = 1.0 * decay(days: 31)

    let connection: Connection
    let file: MethodologyFile

    init() throws {
        connection = try migratedDatabase("scoring")
        _ = try DatasetLoader(directory: ProjectFiles.url("Tests/Fixtures/scoring/data"), today: .fixtureAsOf, logger: .quiet).load(connection: connection)
        file = try MethodologyFile.scoringFixture()
    }

    func score(_ period: String = "2024") throws -> ScoringEngine.RunSummary {
        try ScoringEngine(connection: connection, logger: .quiet).score(file, periods: .period(period), asOf: .fixtureAsOf)[0]
    }

    func indicator(_ run: Int64, _ actor: String, _ code: String) throws -> (state: String, value: Double?, count: Int) {
        let figures = try RunFigures(connection: connection).indicator(run, actor, code)
        return (figures.state, figures.value, figures.count)
    }

    func actor(_ run: Int64, _ actor: String) throws -> RunFigures.Actor { try RunFigures(connection: connection).actor(run, actor) }

    @Test func everyIndicatorKindMatchesTheHandComputedValues() throws {
        let run = try score().runID
        // Commitments: alpha has the Code (1 of 2 instrument weights); beta withdrew from the Code in 2024-09
        // but keeps the Statement; delta has nothing: a scored 0, not "no evidence".
        expectClose(try indicator(run, "alpha", "COMMIT").value, 50, "alpha COMMIT")
        expectClose(try indicator(run, "beta", "COMMIT").value, 50, "beta COMMIT")
        expectClose(try indicator(run, "gamma", "COMMIT").value, 50, "gamma COMMIT")
        #expect(try indicator(run, "delta", "COMMIT") == ("scored", 0, 0))
        // Evidence, with decay, saturation, certainty and reliability weights.
        expectClose(try indicator(run, "alpha", "MISUSE").value, Self.saturate(Self.alphaMisuseWeight), "alpha MISUSE")
        expectClose(try indicator(run, "beta", "MISUSE").value, Self.saturate(Self.betaMisuseWeight), "beta MISUSE")
        expectClose(try indicator(run, "gamma", "MISUSE").value, Self.saturate(Self.gammaEarlyWeight), "gamma MISUSE (restricted and late evidence excluded)")
        expectClose(try indicator(run, "alpha", "SANCTIONS").value, Self.saturate(Self.sanctionWeight), "alpha SANCTIONS")
        // The same sanction counts for the vendor in its own role.
        expectClose(try indicator(run, "vend", "SANCTIONED").value, Self.saturate(Self.sanctionWeight), "vend SANCTIONED")
        // Breach: alpha misused after endorsing; gamma before endorsing (no evidence); beta had withdrawn (not applicable).
        expectClose(try indicator(run, "alpha", "BREACH").value, Self.saturate(Self.alphaMisuseWeight), "alpha BREACH")
        #expect(try indicator(run, "gamma", "BREACH") == ("no evidence", nil, 0))
        #expect(try indicator(run, "beta", "BREACH") == ("not applicable", nil, 0))
        // No evidence is not zero, and not the same as not applicable.
        #expect(try indicator(run, "vend2", "SANCTIONED") == ("no evidence", nil, 0))
        #expect(try indicator(run, "vend", "MISUSE") == ("not applicable", nil, 0))
        #expect(try indicator(run, "delta", "SANCTIONS") == ("no evidence", nil, 0))
    }

    @Test func scoresGradesAndRanks() throws {
        let run = try score().runID
        let alphaMisuse = Self.saturate(Self.alphaMisuseWeight)
        // alpha: positive = oversight's SANCTIONS alone: accountability's positive side is COMMIT, words
        // only, so it has no face there ("no evidence") and leaves the mean. Negative = accountability
        // only (MISUSE and BREACH, the same record); SANCTIONED does not apply to states.
        let alphaPositive = Self.saturate(Self.sanctionWeight)
        let alpha = try actor(run, "alpha")
        expectClose(alpha.positive, alphaPositive, "alpha positive")
        expectClose(alpha.negative, alphaMisuse, "alpha negative (mean of MISUSE and BREACH)")
        expectClose(alpha.combined, Self.combined(positive: alphaPositive, negative: alphaMisuse), "alpha combined")
        #expect(alpha.grade == "C")
        // beta: no positive conduct (SANCTIONS has no evidence, COMMIT is words): no positive face.
        // BREACH does not apply (beta withdrew from the Code), so negative is MISUSE alone.
        let betaCombined = Self.combined(positive: nil, negative: Self.saturate(Self.betaMisuseWeight))
        let beta = try actor(run, "beta")
        #expect(beta.positive == nil)
        expectClose(beta.combined, betaCombined, "beta combined")
        #expect(beta.grade == "C")
        // gamma: BREACH applies (gamma endorsed the Code) but has no evidence: negative = (MISUSE + 0) / 2.
        let gamma = try actor(run, "gamma")
        expectClose(gamma.negative, Self.saturate(Self.gammaEarlyWeight) / 2, "gamma negative")
        #expect(gamma.positive == nil)
        expectClose(gamma.combined, Self.combined(positive: nil, negative: Self.saturate(Self.gammaEarlyWeight) / 2), "gamma combined")
        // epsilon has beta's record exactly: they share rank 2, and alpha comes 4th.
        let epsilon = try actor(run, "epsilon")
        expectClose(epsilon.combined, betaCombined, "epsilon combined")
        #expect(gamma.rank == 1)
        #expect(beta.rank == 2 && epsilon.rank == 2)
        #expect(alpha.rank == 4)
        // delta has no conduct on record: no face, no combined score (never a 50 that reads as balance),
        // no grade and no rank.
        let delta = try actor(run, "delta")
        #expect(delta.positive == nil && delta.negative == nil && delta.combined == nil)
        #expect(delta.grade == nil && delta.rank == nil)
        // Vendors rank among vendors. vend has no positive indicator: its positive face is empty.
        let vend = try actor(run, "vend")
        #expect(vend.positive == nil)
        expectClose(vend.combined, Self.combined(positive: nil, negative: Self.saturate(Self.sanctionWeight)), "vend combined")
        #expect(vend.rank == 1 && vend.grade == "C")
        let vend2 = try actor(run, "vend2")
        #expect(vend2.combined == nil && vend2.rank == nil && vend2.grade == nil)
    }

    @Test func contributionsAddUpAndNameTheirEvidence() throws {
        let run = try score().runID
        let rows = try connection.query("""
            SELECT v.actor_id, v.indicator_code, v.value::float8 AS value, sum(c.contribution)::float8 AS total,
                   array_agg(coalesce(c.evidence_id, c.commitment_id) ORDER BY coalesce(c.evidence_id, c.commitment_id)) AS ids
            FROM scorecard.indicator_values v JOIN scorecard.indicator_contributions c USING (run_id, actor_id, indicator_code)
            WHERE v.run_id = \(run) GROUP BY v.actor_id, v.indicator_code, v.value
            """)
        var ids: [String: [String]] = [:]
        for row in rows {
            #expect(abs(try row.decode("value", as: Double.self) - row.decode("total", as: Double.self)) < 0.01)
            ids["\(try row.decode("actor_id", as: String.self))/\(try row.decode("indicator_code", as: String.self))"] = try row.decode("ids")
        }
        #expect(ids["alpha/MISUSE"] == ["alpha-misuse"])
        #expect(ids["alpha/BREACH"] == ["alpha-misuse"])
        #expect(ids["alpha/COMMIT"] == ["alpha-code"])
        #expect(ids["beta/COMMIT"] == ["beta-statement"])
        #expect(ids["gamma/MISUSE"] == ["gamma-misuse-early"])
        #expect(ids["vend/SANCTIONED"] == ["alpha-sanctions-vend"])
        #expect(!ids.values.joined().contains("gamma-restricted"))
    }

    /// Evidence published after the period never enters its as-published run; the run with
    /// everything known holds it. Scoring alone restates nothing: a restatement is of an edition
    /// (EditionsTests).
    @Test func lateEvidenceCountsOnlyInTheRunWithEverythingKnown() throws {
        let summary = try score()
        #expect(summary.knownRunID != summary.runID)
        let known = summary.knownRunID
        // Known now: MISUSE holds both records, and the late one is a breach (after the endorsement).
        let misuse = Self.saturate(Self.gammaEarlyWeight + Self.gammaLateWeight)
        let breach = Self.saturate(Self.gammaLateWeight)
        expectClose(try actor(known, "gamma").combined, Self.combined(positive: nil, negative: (misuse + breach) / 2), "known now")
        #expect(try indicator(known, "gamma", "BREACH").state == "scored")
        // The as-published figure counts only what was published by the end of the period.
        expectClose(try actor(summary.runID, "gamma").combined, Self.combined(positive: nil, negative: Self.saturate(Self.gammaEarlyWeight) / 2), "published")
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.edition_restatements").first!.decode("n", as: Int.self) == 0)
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.restatements").first!.decode("n", as: Int.self) == 0)
    }

    @Test func conductAfterThePeriodChangesNothingKnownOfIt() throws {
        // Everything published after 2023 is about conduct in 2024: 2023 as known now is 2023 as published.
        let summary = try score("2023")
        func figures(_ run: Int64) throws -> [String] {
            try connection.query("SELECT actor_id || ' ' || coalesce(combined::text, '-') || ' ' || coalesce(grade, '-') AS line FROM scorecard.actor_scores WHERE run_id = \(run) ORDER BY actor_id")
                .map { try $0.decode("line") }
        }
        #expect(try figures(summary.knownRunID) == figures(summary.runID))
    }

    @Test func identicalInputsGiveTheIdenticalRun() throws {
        let first = try score()
        let second = try score()
        #expect(first.computed)
        #expect(!second.computed)
        #expect(first.runID == second.runID)
        #expect(first.inputsSHA256 == second.inputsSHA256)
        // A second database with the same inputs computes the same digest and the same numbers.
        let other = try migratedDatabase("scoring-again")
        _ = try DatasetLoader(directory: ProjectFiles.url("Tests/Fixtures/scoring/data"), today: .fixtureAsOf, logger: .quiet).load(connection: other)
        let elsewhere = try ScoringEngine(connection: other, logger: .quiet).score(file, periods: .period("2024"), asOf: .fixtureAsOf)[0]
        #expect(elsewhere.inputsSHA256 == first.inputsSHA256)
        func numbers(_ c: Connection, _ run: Int64) throws -> [String] {
            try c.query("SELECT actor_id || ' ' || coalesce(combined::text, '-') || ' ' || coalesce(grade, '-') || ' ' || coalesce(rank_in_kind::text, '-') AS line FROM scorecard.actor_scores WHERE run_id = \(run) ORDER BY actor_id")
                .map { try $0.decode("line") }
        }
        #expect(try numbers(connection, first.runID) == numbers(other, elsewhere.runID))
    }

    @Test func changeFromThePreviousPeriod() throws {
        let earlier = try score("2023").runID
        let run = try score("2024").runID
        func change(_ actor: String) throws -> Row { try connection.query("""
            SELECT previous_run_id, previous_combined::float8 AS previous, change::float8 AS change, combined::float8 AS combined
            FROM scorecard.actor_scores WHERE run_id = \(run) AND actor_id = \(actor)
            """).first! }
        // In 2023 alpha had only the Code and no conduct on record: words alone, so no combined score,
        // and no change to show in 2024 (not an "improvement" from a 62.5 made of a signature).
        let alpha = try change("alpha")
        #expect(try alpha.decode("previous_run_id", as: Int64.self) == earlier)
        #expect(try alpha.decode("previous", as: Double?.self) == nil && alpha.decode("change", as: Double?.self) == nil)
        #expect(try alpha.decode("combined", as: Double?.self) != nil)
        // Nothing of 2023 is conduct on record as published then (every record is of 2024): every 2023
        // combined score is NULL, so no actor shows a change from 2023.
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.actor_scores WHERE run_id = \(earlier) AND combined IS NOT NULL")
            .first!.decode("n", as: Int.self) == 0)
    }

    @Test func explainListsExactlyTheContributingEvidence() throws {
        _ = try score()
        let run = try ScoreRuns.published(connection, methodology: file, period: "2024")!
        let gamma = try ReportModel.load(connection, run: run, actorID: "gamma", audience: .internal)
        let detail = gamma.actors.first { $0.id == "gamma" }!
        let evidence = detail.indicators.flatMap { $0.contributions.filter { $0.recordType == "evidence" }.map(\.recordID) }
        #expect(evidence == ["gamma-misuse-early"])
        #expect(detail.commitments.map(\.id) == ["gamma-code"])
        #expect(detail.restatements.isEmpty)  // no edition was published, so none is restated
        let alpha = try ReportModel.load(connection, run: run, actorID: "alpha", audience: .internal)
        #expect(alpha.actors.first?.responses.map(\.id) == ["alpha-reply"])
        let text = ExplainText.render(alpha, actorID: "alpha")
        #expect(text.contains("source src-a (Official, A) https://gov.example.org/a"))
    }

    @Test func sensitivityIsSeededAndBounded() throws {
        let run = try score().runID
        let analysis = SensitivityAnalysis(connection: connection)
        let a = try analysis.run(runID: run, methodology: file.methodology, samples: 200, seed: 42)
        let b = try analysis.run(runID: run, methodology: file.methodology, samples: 200, seed: 42)
        #expect(a == b)
        for result in a {
            #expect(result.rankP05 <= result.rankP95)
            #expect(Double(result.rankP05) <= result.medianRank && result.medianRank <= Double(result.rankP95))
            #expect((0...1).contains(result.gradeChangeShare))
        }
        // beta and epsilon are identical: they share every rank in every sample.
        let beta = a.first { $0.actorID == "beta" }!, epsilon = a.first { $0.actorID == "epsilon" }!
        #expect(beta == SensitivityAnalysis.ActorResult(actorID: "beta", medianRank: epsilon.medianRank, rankP05: epsilon.rankP05,
                                                        rankP95: epsilon.rankP95, gradeChangeShare: epsilon.gradeChangeShare))
    }
}

@Test func scoringFixtureMethodologyIsValid() throws {
    do {
        _ = try MethodologyFile.scoringFixture()
    } catch let invalid as MethodologyInvalid {
        Issue.record("\(invalid.problems.map(\.description))")
    }
}

extension ScoringTests {
    /// The analysis ranks the actors the run ranked, aggregating as scoring does: an actor far
    /// ahead of its kind keeps its rank under every perturbation, one far behind never rises.
    @Test func sensitivityRanksTheActorsTheRunRanked() throws {
        let run = try score().runID
        let results = try SensitivityAnalysis(connection: connection).run(runID: run, methodology: file.methodology, samples: 500, seed: 7)
        let published = try connection.query("SELECT actor_id, rank_in_kind FROM scorecard.actor_scores WHERE run_id = \(run) AND rank_in_kind IS NOT NULL")
        #expect(Set(results.map(\.actorID)) == Set(try published.map { try $0.decode("actor_id", as: String.self) }))
        #expect(results.first { $0.actorID == "vend" }?.medianRank == 1)
        #expect(results.first { $0.actorID == "alpha" }?.rankP05 == 4)
    }
}
