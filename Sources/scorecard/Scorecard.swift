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
        subcommands: [Init.self, Run.self, DB.self, Migrate.self, Validate.self, Load.self, MethodologyCommand.self, Score.self, PreviewCommand.self, Publish.self, Explain.self, Sensitivity.self, Report.self, Generate.self, GrantReader.self]
    )

    /// Runs the command and maps every failure to an exit code in one place (ExitStatus).
    /// ArgumentParser's own outcomes keep its formatting and codes: what `parseAsRoot` throws (a bad
    /// command line, --help, --version), what ArgumentParser's own commands throw when run (`help
    /// SUBCOMMAND`), and the errors that commands throw for it (`ExitStatus.isForArgumentParser`).
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        let isOwnCommand = ownCommandTypes.contains(ObjectIdentifier(type(of: command)))
        if command is StopsCleanlyOnSignals { StopSignals.install() }
        do {
            try command.run()
            // Output that never arrived (a full disk, a closed pipe) is a failure, not a success.
            try StandardOutputFailed.check()
        } catch let error where !isOwnCommand || ExitStatus.isForArgumentParser(error) {
            exit(withError: error)
        } catch {
            let status = ExitStatus(error)
            status.writeMessage()
            Foundation.exit(status.code.rawValue)
        }
    }

    /// scorecard and every subcommand declared under it, at any depth. A parsed command that is not
    /// among them is one ArgumentParser adds itself (`help`).
    static let ownCommandTypes: Set<ObjectIdentifier> = {
        var found: Set<ObjectIdentifier> = []
        func visit(_ command: ParsableCommand.Type) {
            guard found.insert(ObjectIdentifier(command)).inserted else { return }
            command.configuration.subcommands.forEach(visit)
        }
        visit(Scorecard.self)
        return found
    }()
}
