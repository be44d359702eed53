import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// Each rule has one definition (docs/architecture.md, "Where each rule lives"); these tests check
/// that the places calling it agree: the analysts' functions, scoring, the report model, explain and
/// the sensitivity analysis.
@Suite("One definition of every rule")
struct RuleAgreementTests {
    let methodology: MethodologyFile

    init() throws {
        methodology = try MethodologyFile.scoringFixture()
    }

    /// The scoring fixture plus commitments dated by year, month and day, with a withdrawal by month.
    func databaseWithPartialDates() throws -> Connection {
        let fixture = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        try fixture.append("commitments.csv", "delta-code,delta,code,endorsed,2024,,src-a,year precision")
        try fixture.append("commitments.csv", "delta-statement,delta,statement,endorsed,2023-12,2025-06,src-a,month precision and withdrawn by month")
        try fixture.append("commitments.csv", "epsilon-code,epsilon,code,endorsed,2024-12-31,,src-a,day precision")
        let connection = try migratedDatabase("agreement")
        _ = try fixture.loader().load(connection: connection)
        return connection
    }

    func inForce(_ connection: Connection, on date: String) throws -> Set<String> {
        Set(try connection.query("SELECT id FROM scorecard.commitments_in_force(\(CalendarDate(iso: date)!))").map { try $0.decode("id") })
    }

    @Test func commitmentsInForceAgreeAcrossPrecisions() throws {
        let connection = try databaseWithPartialDates()
        // A partial date counts from the last day of its interval; a withdrawal from the first day of its own.
        let expected: [(date: String, id: String, inForce: Bool)] = [
            ("2023-12-31", "delta-code", false), ("2024-01-01", "delta-code", false), ("2024-12-30", "delta-code", false),
            ("2024-12-31", "delta-code", true), ("2025-01-01", "delta-code", true),
            ("2023-11-30", "delta-statement", false), ("2023-12-01", "delta-statement", false), ("2023-12-30", "delta-statement", false),
            ("2023-12-31", "delta-statement", true), ("2024-01-01", "delta-statement", true),
            ("2025-05-31", "delta-statement", true), ("2025-06-01", "delta-statement", false), ("2025-06-30", "delta-statement", false),
            ("2024-12-30", "epsilon-code", false), ("2024-12-31", "epsilon-code", true),
        ]
        for (date, id, inForce) in expected {
            #expect(try self.inForce(connection, on: date).contains(id) == inForce, "\(id) on \(date)")
        }

        // Scoring (the commitments behind commitment indicators), the report model and explain agree
        // with the analysts' function at the end of every period.
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        let instruments = Set(methodology.methodology.indicators.filter { $0.kind == .commitment }.flatMap { $0.instruments.keys })
        for summary in try engine.score(methodology, periods: .list(["2023", "2024", "2025"]), asOf: .fixtureAsOf) {
            let run = try #require(try ScoreRuns.published(connection, methodology: methodology, period: summary.period.description))
            for actor in ["delta", "epsilon"] {
                let analysts = try connection.query("""
                    SELECT id FROM scorecard.commitments_in_force(\(run.periodEnd)) WHERE actor_id = \(actor) AND instrument_id = ANY(\(Array(instruments)))
                    """).map { try $0.decode("id", as: String.self) }
                let scored = try connection.query("""
                    SELECT DISTINCT commitment_id FROM scorecard.indicator_contributions
                    WHERE run_id = \(run.id) AND actor_id = \(actor) AND commitment_id IS NOT NULL
                    """).map { try $0.decode("commitment_id", as: String.self) }
                let model = try ReportModel.load(connection, run: run, actorID: actor)
                let reported = model.actors[0].commitments.map(\.id)
                #expect(Set(scored) == Set(analysts), "\(actor) \(run.period): scoring \(scored), analysts \(analysts)")
                #expect(Set(reported) == Set(analysts), "\(actor) \(run.period): report \(reported), analysts \(analysts)")
                let explained = ExplainText.render(model, actorID: actor)
                for id in analysts { #expect(explained.contains("\(id): "), "explain of \(actor) \(run.period) lists \(id)") }
            }
        }
    }

    /// An actor's figures as one line: id, positive, negative, combined, grade, rank.
    func figures(_ row: Row) throws -> String {
        let rank = try row.decode("rank", as: Int64?.self).map(String.init) ?? "-"
        let parts = try ["actor_id", "positive", "negative", "combined", "grade"].map { try row.decode($0, as: String?.self) ?? "-" }
        return (parts + [rank]).joined(separator: " ")
    }

    /// explain renders the report's own model: every figure of every actor's explain is the report's.
    @Test func explainShowsTheReportsFigures() throws {
        let connection = try migratedDatabase("explain-report")
        _ = try DatasetLoader(directory: ProjectFiles.url("Examples/pall-mall/data"), today: .fixtureAsOf, logger: .quiet).load(connection: connection)
        let example = try MethodologyFile.load(path: ProjectFiles.url("Examples/pall-mall/methodology.yaml").path)
        _ = try ScoringEngine(connection: connection, logger: .quiet).score(example, periods: .list(["2025-Q3", "2025-Q4"]), asOf: .fixtureAsOf)
        let run = try #require(try ScoreRuns.published(connection, methodology: example, period: "2025-Q4"))
        let report = try ReportModel.load(connection, run: run)
        let cards = try EditionRenderer.render(connection, run: run, options: EditionOptions(formats: [.json])).files
            .filter { $0.path.hasPrefix(EditionLayout.actorsFolder + "/") }
        #expect(cards.count == report.rankings.flatMap(\.actors).count, "every actor of the rankings has a card")
        for ranked in report.rankings.flatMap(\.actors) {
            let single = try ReportModel.load(connection, run: run, actorID: ranked.id, audience: .internal)
            #expect(single.ranked(ranked.id) == ranked, "\(ranked.id): explain's scores are the report's")
            #expect(single.actors.first == report.actors.first { $0.id == ranked.id }, "\(ranked.id): explain's section is the report's")
            let text = ExplainText.render(single, actorID: ranked.id)
            #expect(text.contains("combined \(ExplainText.number(ranked.combined))"), "\(ranked.id)")
            for indicator in single.actors[0].indicators where indicator.value != nil {
                #expect(text.contains("\(indicator.code)  \(indicator.name)  [\(indicator.polarity), \(indicator.pillar), \(indicator.kind)]  scored  \(ExplainText.number(indicator.value))"))
            }
        }
    }

    /// The sensitivity analysis aggregates through the same SQL as scoring: evaluated on a sample whose
    /// weights are the methodology's own, it gives every published figure, grade and rank.
    @Test func sensitivityOnTheMethodologysOwnWeightsIsTheScoring() throws {
        let connection = try databaseWithPartialDates()
        let summary = try ScoringEngine(connection: connection, logger: .quiet).score(methodology, periods: .period("2024"), asOf: .fixtureAsOf)[0]
        let definition = try JSONB(encoding: methodology.methodology)
        let published = try connection.query("""
            SELECT actor_id, positive, negative, combined, grade, rank_in_kind::bigint AS rank FROM scorecard.actor_scores WHERE run_id = \(summary.runID)
            ORDER BY actor_id
            """).map(figures)
        let resampled = try connection.query("""
            WITH own AS (SELECT jsonb_build_object(
                    'indicators', (SELECT jsonb_agg(i || '{"sample": 7}') FROM jsonb_array_elements(scorecard.methodology_weights(\(definition)) -> 'indicators') i),
                    'pillars', (SELECT jsonb_agg(p || '{"sample": 7}') FROM jsonb_array_elements(scorecard.methodology_weights(\(definition)) -> 'pillars') p)) AS weights)
            SELECT f.actor_id, f.positive, f.negative, f.combined, f.grade, f.rank_in_kind AS rank
            FROM own, scorecard.actor_faces(\(summary.runID), own.weights, \(definition)) f
            WHERE f.sample = 7 ORDER BY f.actor_id
            """).map(figures)
        #expect(!published.isEmpty)
        #expect(resampled == published)
        // And the analysis itself draws its samples from the seed: the same seed, the same samples.
        let a = try SensitivityAnalysis.weightSamples(methodology.methodology, samples: 3, seed: 9)
        #expect(a == (try SensitivityAnalysis.weightSamples(methodology.methodology, samples: 3, seed: 9)))
        #expect(a != (try SensitivityAnalysis.weightSamples(methodology.methodology, samples: 3, seed: 10)))
    }
}
