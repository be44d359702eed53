import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// Reports/ holds what `make demo` publishes from the Pall Mall example. This test runs the same
/// job (`scorecard run` as of the demo's date) on a copy of the example workspace, in a fresh
/// database, and fails when a committed file is stale.
@Suite("Reports folder")
struct ReportsFolderTests {
    @Test func theCommittedReportsMatchWhatTheDemoPublishes() throws {
        let url = try TestCluster.makeDatabase(prefix: "demo_reports")
        let workspace = try TestWorkspace(example: "Examples/pall-mall", databaseURL: url)
        defer { workspace.remove() }
        let run = try ScorecardProcess.run(["run", "--workspace", workspace.root.path, "--as-of", CalendarDate.fixtureAsOf.description])
        #expect(run.status == 0, "\(run.stderr)")
        // The whole output folder: the latest edition's folder, every file of it, nothing else.
        let generated = workspace.reportPaths().map { (path: $0, contents: FileManager.default.contents(atPath: workspace.reports.appendingPathComponent($0).path) ?? Data()) }
        #expect(workspace.editionFolders() == ["pall-mall-2025-Q4"], "\(workspace.reportPaths().prefix(20))")
        let mismatch = ProjectFiles.compareSnapshotFolder(generated, with: "Reports", update: "make demo (or make snapshots) and commit Reports/")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
