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
                78 when not, 66 when the file is missing. The format is in docs/methodology.md.
                """)

        @Argument(help: ArgumentHelp("The methodology file, YAML (default: the workspace's).", valueName: "file"),
                  completion: .file(extensions: ["yaml", "yml"]))
        var file: String?
        @OptionGroup var workspaceOptions: WorkspaceOptions

        @OptionGroup var logging: LoggingOptions

        func run() throws {
            guard let file = try file ?? workspaceOptions.resolve()?.methodologyPath else { throw MissingArgument.methodology }
            let methodologyFile: MethodologyFile
            do {
                methodologyFile = try MethodologyFile.load(path: file)
            } catch let invalid as MethodologyInvalid {
                for problem in invalid.problems { print(problem) }
                throw invalid
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
