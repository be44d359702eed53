import ArgumentParser
import Foundation
import ScorecardKit

struct MethodologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "methodology",
        abstract: "Work with methodology files (how evidence and commitments become scores).",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a methodology file alone, without a database.",
            discussion: """
                Lists every problem as file:line: reason, sorted by line. Exit 0 when valid, \
                78 when not, 66 when the file is missing. The format is in docs/methodology.md. \
                With a dataset at hand (--dataset, or the workspace's when the methodology is the \
                workspace's), also warns on stderr about the dataset's evidence types that no \
                indicator counts and its instruments that no indicator lists; warnings change no \
                exit code.
                """)

        @Argument(help: ArgumentHelp("The methodology file, YAML (default: the workspace's).", valueName: "file"),
                  completion: .file(extensions: ["yaml", "yml"]))
        var file: String?
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @Option(name: .long, help: ArgumentHelp(
            "A dataset folder to compare with: warn about its evidence types and instruments that no indicator uses (default: the workspace's, when the methodology is).",
            valueName: "dir"), completion: .directory)
        var dataset: String?

        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let workspace = try workspaceOptions.resolve()
            guard let file = file ?? workspace?.methodologyPath else { throw MissingArgument.methodology }
            let methodologyFile: MethodologyFile
            do {
                methodologyFile = try MethodologyFile.load(path: file)
            } catch let invalid as MethodologyInvalid {
                for problem in invalid.problems { print(problem) }
                throw invalid
            }
            let datasetDirectory = dataset.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? (self.file == nil || workspaceOptions.workspace != nil ? workspace?.datasetDirectory : nil)
            if let datasetDirectory {
                printWarnings(try reportingProblems { try MethodologyCoverage.warnings(methodologyFile.methodology, dataset: datasetDirectory) })
            }
            if !logging.quiet {
                let methodology = methodologyFile.methodology
                let count = methodology.indicators.count
                print("\(file): valid (methodology \(methodology.id) version \(methodology.version), "
                    + "\(count) indicator\(count == 1 ? "" : "s"), sha256 \(methodologyFile.sha256.prefix(12))…)")
            }
        }
    }
}
