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
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        let workspace = parent.appendingPathComponent("pall-mall")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.copyItem(at: ProjectFiles.url("Examples/pall-mall"), to: workspace)
        try? FileManager.default.removeItem(at: workspace.appendingPathComponent(".scorecard"))
        // The example's own configuration, with its output in the copy and a database of the test's.
        let configURL = workspace.appendingPathComponent("scorecard.yaml")
        var config = try String(contentsOf: configURL, encoding: .utf8)
        config = config.replacingOccurrences(of: "folder: ../../Reports", with: "folder: published")
        config += "\ndatabase:\n  url: \(url)\n"
        try Data(config.utf8).write(to: configURL)

        let run = try ScorecardProcess.run(["run", "--workspace", workspace.path, "--as-of", CalendarDate.fixtureAsOf.description])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = workspace.appendingPathComponent("published")
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
