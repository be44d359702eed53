import ArgumentParser
import Foundation
import Postgres
import ScorecardKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset folder; needs no database and writes nothing.",
        discussion: """
            Lists every problem as file:line: field: reason, sorted by file and line \
            (line is where the record starts). Exit 0 when valid, 65 when not, 66 when the \
            folder or a file it names is missing. Every check (fields, records, unique keys, \
            references) runs in scorecard, reading each file once: no database is started or \
            used (not the workspace's, $DATABASE_URL or the PG* variables), so a data \
            repository's CI needs no server. With --database-url, the checks a load runs in \
            PostgreSQL run there too, in temporary tables that are rolled back.
            """)

    @Argument(help: ArgumentHelp("The dataset folder, with datapackage.json (default: the workspace's).", valueName: "dir"), completion: .directory)
    var directory: String?
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @Option(name: .long, help: ArgumentHelp(
        "Also run a load's checks in this PostgreSQL database (URL or libpq conninfo), in temporary tables rolled back (default: no database).",
        valueName: "url"))
    var databaseURL: String?
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let logger = logging.makeLogger()
        let asOf = try asOfOptions.resolve()
        let workspace = try workspaceOptions.resolve()
        guard let url = directory.map({ URL(fileURLWithPath: $0, isDirectory: true) }) ?? workspace?.datasetDirectory else {
            throw MissingArgument.dataset
        }
        let directory = self.directory ?? url.relativePath
        let loader = DatasetLoader(directory: url, today: asOf, logger: logger, progress: TerminalProgress.ifInteractive(quiet: logging.quiet))
        let validation = try reportingProblems {
            guard let databaseURL, !databaseURL.isEmpty else { return try loader.validate() }
            _ = try DataPackage.read(directory: url)  // a missing folder is exit 66 before any database work
            return try loader.validate(connection: try DatabaseLocation.url(databaseURL, origin: .option).connect(logger: logger))
        }
        if !logging.quiet { printWarnings(validation.warnings) }
        if !logging.quiet {
            print("\(directory): valid (\(validation.records) records in \(validation.files.count) files)")
        }
    }
}

/// Prints what a valid dataset should still hear on stderr, each line `warning: …`; the exit code
/// stays what it is.
func printWarnings(_ warnings: [String]) {
    for warning in warnings { StandardError.write("warning: \(warning)\n") }
}

/// Prints a dataset's problems on stdout, one per line, before the failure is reported.
func reportingProblems<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let invalid as DatasetInvalid {
        for problem in invalid.problems { print(problem) }
        if invalid.unlisted > 0 { print("… and \(invalid.unlisted) more problems not listed") }
        throw invalid
    }
}
