import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// Reports/ holds what `make demo` renders from the Pall Mall example. This test renders it
/// again, in a fresh database, the way the demo does, and fails when a committed file is stale.
@Suite("Reports folder")
struct ReportsFolderTests {
    @Test func theCommittedReportsMatchWhatTheDemoRenders() throws {
        let connection = try migratedDatabase("demo-reports")
        _ = try DatasetLoader(directory: ProjectFiles.url("Examples/pall-mall/data"), today: .fixtureAsOf, logger: .quiet).load(connection: connection)
        let file = try MethodologyFile.load(path: ProjectFiles.url("Examples/pall-mall/methodology.yaml").path)
        // The same steps as `make demo`: every period, then 1,000 samples with seed 1 on the latest.
        _ = try ScoringEngine(connection: connection, logger: .quiet).score(file, periods: .all, asOf: .fixtureAsOf)
        let run = try #require(try ScoreRuns.published(connection, methodology: file, period: nil))
        _ = try SensitivityAnalysis(connection: connection).runAndStore(runID: run.id, methodology: file.methodology, samples: 1000, seed: 1)
        let model = try ReportModel.load(connection, run: run, actorID: nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        let files = ReportFormat.allCases.map { ReportWriter.File(name: model.fileName($0), text: ReportRenderer.render(model, as: $0)) }
        _ = try ReportWriter(directory: folder).write(files)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let rendered = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let mismatch = ProjectFiles.compareSnapshot(rendered, with: "Reports/\(name)",
                                                        update: "make demo (or make snapshots) and commit Reports/")
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }
}
