import ArgumentParser
import Foundation
import ScorecardKit

@main
struct Scorecard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Accountability scorecards for states and vendors of commercial cyber-intrusion capabilities.",
        discussion: """
            Loads commitments and evidence of conduct into PostgreSQL, computes positive and \
            negative accountability indicators per actor and period, and renders reports.

            With no database configured (--database-url, DATABASE_URL or the PG* variables), \
            scorecard starts and uses a private PostgreSQL cluster under .scorecard/postgres.

            \(ExitStatus.helpText)
            """,
        version: ScorecardKit.version,
        subcommands: [Init.self, Run.self, DB.self, Migrate.self, Validate.self, Load.self, MethodologyCommand.self, Score.self, Explain.self, Sensitivity.self, Report.self, Generate.self, GrantReader.self]
    )

    /// Runs the command and maps every failure to a sysexits code in one place (ExitStatus).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error where ExitStatus.handles(error) {
            let status = ExitStatus(error)
            if !status.message.isEmpty {
                let format = LogFormat.requested(in: CommandLine.arguments)
                let line = format == .text
                    ? "scorecard: \(status.message)"
                    : StructuredLogHandler.line(format, level: .error, label: "scorecard", message: status.message,
                                                metadata: ["exit_code": "\(status.code)"])
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            Foundation.exit(status.code)
        } catch {
            exit(withError: error)
        }
    }
}
