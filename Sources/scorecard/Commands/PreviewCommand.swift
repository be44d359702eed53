import ArgumentParser
import Foundation
import ScorecardKit

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show what scorecard run would publish now, and write nothing.",
        discussion: """
            Rehearses scorecard run on the workspace's current dataset and methodology in one \
            database transaction that is rolled back: the editions that would be published and the \
            actors whose figures, grades and ranks they move against the previous edition, the \
            restatements of published editions that would be recorded and why, and the \
            commitments the data adds or ends. Nothing is written: no row, no file, no ledger \
            entry. Run it in a data repository's CI on each pull request (docs/editions.md).

            \(ExitStatus.helpText)
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "text (for people) or json (for machines).")
    var format: Format = .text

    @Option(help: "Preview scorecard publish PERIOD instead of scorecard run.")
    var period: String?

    @OptionGroup var job: JobOptions

    func run() throws {
        let run = try job.scheduledRun(period.map(ScheduledRun.Mode.publish) ?? .scheduled, showsProgress: false)
        let preview = try reportingMethodologyProblems { try reportingProblems { try run.preview() } }
        print(format == .json ? PreviewJSON.render(preview) : PreviewText.render(preview), terminator: "")
    }
}
