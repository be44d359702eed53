import ArgumentParser
import Foundation
import ScorecardKit

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Do the whole job of a workspace, for cron: migrate, load, score, restate, publish editions, reports.",
        discussion: """
            Migrates the database, validates and loads the workspace's dataset, scores every \
            period due, records the restatements of editions already published (what the data or \
            methodology now says differently, and why), publishes an edition of every complete \
            period due that has none, runs the sensitivity analysis if configured, and makes the \
            output folder hold the editions' files as published (and, with provisional: true, the \
            current period's provisional report). A published edition never changes (see \
            docs/editions.md). Invalid data loads nothing; unwritable output \
            leaves the previous reports as they were. A second run on unchanged inputs changes no \
            row and rewrites no file. Two runs of one workspace never overlap: the second exits 75 \
            at once and does nothing. Every run that gets the lock is recorded in \
            scorecard.run_ledger. Prints one summary line (nothing with --quiet); logs go to stderr.

            The periods due follow the calendar at the as-of date (--as-of, else $SCORECARD_AS_OF, \
            else today in UTC): periods: all scores from the period of the first evidence \
            to the last period complete by then, latest that period only; with \
            provisional: true in scorecard.yaml, the current period too, marked provisional. The \
            same inputs and as-of date give the same runs and byte-identical reports.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var job: JobOptions

    func run() throws {
        let started = DispatchTime.now()
        let run = try job.scheduledRun(.scheduled)
        let outcome = try reportingMethodologyProblems { try reportingProblems { try run.perform() } }
        guard !job.logging.quiet else { return }
        print(RunSummaryText.line(outcome, seconds: Stopwatch.seconds(since: started)))
    }
}

/// `scorecard run` outside a workspace (exit 66).
struct NoWorkspace: ScorecardError {
    var exitCode: ExitCode { .noInput }
    var description: String {
        "no workspace: give --workspace DIR, or run in a folder with \(Workspace.configName) (create one with scorecard init DIR)"
    }
}

enum RunSummaryText {
    /// One line saying what the run changed, for cron mail and terminals.
    static func line(_ outcome: ScheduledRun.Outcome, seconds: String) -> String {
        let c = outcome.changes
        var parts: [String] = []
        if c.loadBatchID != nil {
            parts.append("dataset loaded as batch \(c.loadBatchID!) (+\(c.rowsInserted) ~\(c.rowsUpdated) -\(c.rowsDeleted) rows)")
        } else {
            parts.append("dataset unchanged")
        }
        if outcome.nothingToScore {
            parts.append("no evidence yet, nothing scored or written")
        } else {
            let computed = c.scoreRunsComputed.count
            parts.append("\(c.periodsScored.count) period\(c.periodsScored.count == 1 ? "" : "s") scored (\(computed) computed, \(c.periodsScored.count - computed) unchanged)")
            if !c.editionsPublished.isEmpty {
                let periods = c.editionsPublished.count <= 3 ? c.editionsPublished.joined(separator: ", ")
                    : "\(c.editionsPublished.first!) to \(c.editionsPublished.last!)"
                parts.append("\(c.editionsPublished.count) edition\(c.editionsPublished.count == 1 ? "" : "s") published (\(periods))")
            }
            if c.restatements > 0 { parts.append("\(c.restatements) restatement\(c.restatements == 1 ? "" : "s") of published editions") }
            parts.append("\(c.filesWritten.count) report file\(c.filesWritten.count == 1 ? "" : "s") written, \(c.filesUnchanged) unchanged")
        }
        return "run \(outcome.ledgerID) succeeded in \(seconds) s: " + parts.joined(separator: "; ")
    }
}
