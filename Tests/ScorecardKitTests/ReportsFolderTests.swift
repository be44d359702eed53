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
        let folder = workspace.reports
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let committed = try FileManager.default.contentsOfDirectory(atPath: ProjectFiles.url("Reports").path).sorted()
        #expect(names == committed)
        for name in names {
            let rendered = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let mismatch = ProjectFiles.compareSnapshot(rendered, with: "Reports/\(name)",
                                                        update: "make demo (or make snapshots) and commit Reports/")
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }
}
