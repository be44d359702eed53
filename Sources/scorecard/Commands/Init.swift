import ArgumentParser
import Foundation
import ScorecardKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a ready workspace: config, default methodology, data file templates, README.",
        discussion: """
            Writes into DIR (created if missing; it must not hold a workspace or any of the files \
            already): scorecard.yaml (commented), methodology.yaml (the default Pall Mall \
            methodology), data/ with datapackage.json and every data file with its header (the \
            principles, evidence types, instruments, provisions and their sources that the default \
            methodology uses are filled in), a README for the monitor, and a .gitignore for the \
            private database. Then: add data, and run scorecard run --workspace DIR.
            """)

    @Argument(help: ArgumentHelp("The workspace folder to create.", valueName: "dir"), completion: .directory) var directory: String
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let files = try WorkspaceTemplate.create(at: url)
        guard !logging.quiet else { return }
        print("created workspace \(directory) (\(files.count) files): edit data/ and methodology.yaml, then run: scorecard run --workspace \(directory)")
    }
}
