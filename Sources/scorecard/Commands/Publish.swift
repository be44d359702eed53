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

    @OptionGroup var job: JobOptions

    func run() throws {
        let started = DispatchTime.now()
        let run = try job.scheduledRun(.publish(period))
        let outcome = try reportingMethodologyProblems { try reportingProblems { try run.perform() } }
        guard !job.logging.quiet else { return }
        if !outcome.changes.editionsPublished.contains(period) {
            print("\(period) was published before: its edition is unchanged (what changed since is a restatement, shown in the next edition)")
        }
        print(RunSummaryText.line(outcome, seconds: Stopwatch.seconds(since: started)))
    }
}
