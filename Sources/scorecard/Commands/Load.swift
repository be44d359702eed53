import ArgumentParser
import Foundation
import ScorecardKit

struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a dataset folder and load it into PostgreSQL in one transaction.",
        discussion: """
            The folder is the source of truth: changed rows update their records, removed rows \
            are deleted, new rows enter, and the previous version of every changed or removed \
            row is kept in scorecard.record_history. The whole dataset loads or nothing does. \
            Loading an unchanged dataset writes nothing and says so. Exit codes as for validate.
            """)

    @Argument(help: ArgumentHelp("The dataset folder, with datapackage.json (default: the workspace's).", valueName: "dir"), completion: .directory)
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
        _ = try reportingProblems { try DataPackage.read(directory: url) }
        let connection = try database.connect(logger: logger, workspace: workspace)
        try Migrator(logger: logger).migrate(connection)
        let loader = DatasetLoader(directory: url, today: asOf, logger: logger, progress: TerminalProgress.ifInteractive(quiet: logging.quiet))
        let summary = try reportingProblems { try loader.load(connection: connection) }
        if !logging.quiet { printWarnings(summary.warnings) }  // --quiet: nothing unless it fails
        guard !logging.quiet else { return }
        print(LoadSummaryText.line(for: summary, directory: directory))
    }
}

enum LoadSummaryText {
    /// One line: what changed per table, or that nothing did.
    static func line(for summary: DatasetLoader.LoadSummary, directory: String) -> String {
        let digest = String(summary.datasetSHA256.prefix(12))
        guard let batch = summary.batchID else {
            return "\(directory): unchanged (\(summary.records) records, dataset sha256 \(digest)…); nothing written"
        }
        let changes = DatasetSchema.tables.compactMap { table -> String? in
            guard let counts = summary.counts[table.name], counts.changed > 0 else { return nil }
            return "\(table.name) +\(counts.inserted) ~\(counts.updated) -\(counts.deleted)"
        }
        return "\(directory): loaded as batch \(batch) (\(summary.records) records; \(changes.joined(separator: ", ")); dataset sha256 \(digest)…)"
    }
}
