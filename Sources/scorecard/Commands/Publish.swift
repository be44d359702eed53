import ArgumentParser
import Foundation
import ScorecardKit

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish one period's edition by hand: load, score, restate, publish, write its files.",
        discussion: """
            Does what scorecard run does, for PERIOD only: migrates, loads the workspace's dataset, \
            scores PERIOD, records the restatements of every edition already published, then \
            publishes the edition of PERIOD (it must be complete at the as-of date) and writes its \
            files into the output folder. An edition is published once: a period already published \
            is left as it was, and what has changed since is recorded as a restatement, shown in the \
            next edition. See docs/editions.md.

            \(ExitStatus.helpText)
            """)

    @Argument(help: "The period to publish: 2025-Q4 (quarterly methodology) or 2025 (yearly).")
    var period: String

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let logger = logging.makeLogger()
        let asOf = try asOfOptions.resolve()
        guard let workspace = try workspaceOptions.resolve() else { throw NoWorkspace() }
        let started = DispatchTime.now()
        let run = ScheduledRun(workspace: workspace, asOf: asOf, location: database.location(logger: logger, workspace: workspace), logger: logger,
                               progress: TerminalProgress.ifInteractive(quiet: logging.quiet), mode: .publish(period))
        let outcome = try reportingMethodologyProblems { try reportingProblems { try run.perform() } }
        guard !logging.quiet else { return }
        if !outcome.changes.editionsPublished.contains(period) {
            print("\(period) was published before: its edition is unchanged (what changed since is a restatement, shown in the next edition)")
        }
        print(RunSummaryText.line(outcome, seconds: Stopwatch.seconds(since: started)))
    }
}
