import ArgumentParser
import Foundation
import ScorecardKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset folder and write nothing.",
        discussion: """
            Lists every problem as file:line: field: reason, sorted by file and line \
            (line is where the record starts). Exit 0 when valid, 65 when not, 66 when the \
            folder or a file it names is missing. The checks run in PostgreSQL temporary \
            tables inside a transaction that is rolled back.
            """)

    @Argument(help: ArgumentHelp("The dataset folder, with datapackage.json (default: the workspace's).", valueName: "dir"))
    var directory: String?
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let logger = logging.makeLogger()
        let asOf = try asOfOptions.resolve()
        let workspace = try workspaceOptions.resolve()
        guard let url = directory.map({ URL(fileURLWithPath: $0, isDirectory: true) }) ?? workspace?.datasetDirectory else {
            throw MissingArgument.dataset
        }
        let directory = self.directory ?? url.relativePath
        _ = try reportingProblems { try DataPackage.read(directory: url) }  // a missing folder is exit 66 before any database work
        let connection = try database.connect(logger: logger, workspace: workspace)
        let loader = DatasetLoader(directory: url, today: asOf, logger: logger, progress: TerminalProgress.ifInteractive(quiet: logging.quiet))
        let validation = try reportingProblems { try loader.validate(connection: connection) }
        if !logging.quiet {
            print("\(directory): valid (\(validation.records) records in \(validation.files.count) files)")
        }
    }
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
