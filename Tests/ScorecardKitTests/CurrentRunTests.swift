import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The run a report, explain, the sensitivity analysis and the analysts' views show is the one the
/// current inputs give, never simply the newest: a dataset reverted to an earlier state shows that
/// state's figures and data digest again.
@Suite("The current run")
struct CurrentRunTests {
    let file: MethodologyFile

    init() throws {
        file = try MethodologyFile.scoringFixture()
    }

    /// Dataset P is the scoring fixture; R differs in one record's severity, which moves figures.
    func datasets() throws -> (p: DatasetFixture, r: DatasetFixture) {
        let p = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        let r = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        try r.replace("evidence.csv", "alpha-misuse,alpha,misuse_documented,2024-06-30,2024-07-01,vend,,5,", with: "alpha-misuse,alpha,misuse_documented,2024-06-30,2024-07-01,vend,,1,")
        return (p, r)
    }

    struct Shown: Equatable {
        let datasetSHA256: String
        let report: String
        let explain: String
        let latestScoresRun: Int64
        let currentInScoresOverTime: Int64
    }

    /// Loads a dataset, scores 2024, and returns what every reader is shown.
    func loadScoreAndRead(_ dataset: DatasetFixture, _ connection: Connection) throws -> Shown {
        _ = try dataset.loader().load(connection: connection)
        _ = try ScoringEngine(connection: connection, logger: .quiet).score(file, periods: .period("2024"), asOf: .fixtureAsOf)
        let run = try #require(try ScoreRuns.published(connection, methodology: file, period: "2024"))
        let latest = try ScoreRuns.published(connection, methodology: file, period: nil)
        #expect(latest == run)
        let model = try ReportModel.load(connection, run: run)
        let explained = try ReportModel.load(connection, run: run, actorID: "alpha", audience: .internal)
        let view = try connection.query("SELECT DISTINCT run_id FROM scorecard.latest_scores").map { try $0.decode("run_id", as: Int64.self) }
        let marked = try connection.query("""
            SELECT DISTINCT run_id FROM scorecard.scores_over_time WHERE period = '2024' AND latest_for_period
            """).map { try $0.decode("run_id", as: Int64.self) }
        #expect(view.count == 1 && marked.count == 1)
        #expect(view.first == run.id && marked.first == run.id, "the views show the run the report shows")
        return Shown(datasetSHA256: model.run.datasetSHA256, report: JSONReport.summary(model),
                     explain: ExplainText.render(explained, actorID: "alpha"), latestScoresRun: view[0], currentInScoresOverTime: marked[0])
    }

    @Test(arguments: [false, true])
    func aRevertedDatasetShowsItsOwnFiguresAgain(startWithR: Bool) throws {
        let (p, r) = try datasets()
        let (first, second) = startWithR ? (r, p) : (p, r)
        let connection = try migratedDatabase("current-run")
        let a = try loadScoreAndRead(first, connection)
        let b = try loadScoreAndRead(second, connection)
        #expect(a.datasetSHA256 != b.datasetSHA256)
        #expect(a.report != b.report && a.explain != b.explain, "the two datasets give different figures")
        let again = try loadScoreAndRead(first, connection)
        #expect(again == a, "back on the first dataset, every reader is shown its figures and digest again")
    }

    @Test func aDatasetLoadedButNotScoredHasNoCurrentRun() throws {
        let (p, r) = try datasets()
        let connection = try migratedDatabase("current-run-unscored")
        _ = try loadScoreAndRead(p, connection)
        _ = try r.loader().load(connection: connection)
        // The report of the old data would be the wrong data's figures: there is none to show.
        #expect(try ScoreRuns.published(connection, methodology: file, period: "2024") == nil)
    }
}
