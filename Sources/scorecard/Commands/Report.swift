import ArgumentParser
import Foundation
import ScorecardKit

#if canImport(Glibc)
import Glibc
#endif

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the scorecard of a period: text, JSON, Markdown, HTML and CSV.",
        discussion: """
            Renders the as-published score run of a period (default: latest, the latest period scored \
            with what was known at the as-of date) from the database: \
            for each actor kind a ranked table (scores, grade, rank interval, change and its cause), \
            one section per actor (commitments, indicators, the public evidence cited with its sources, \
            breaches, responses, restatements), coverage and a summary of the method. Restricted \
            evidence never appears; a run scored with restricted_evidence: include is refused (exit 78).

            Files are named scorecard-<methodology>-<period>.<ext> (with -<actor> for --actor), written \
            atomically beside a SHA256SUMS file; unchanged files are not rewritten. The same run renders \
            to the same bytes. The JSON format is described by Schemas/report.schema.json.
            """)

    @OptionGroup var methodologyOptions: MethodologyOptions
    @Option(help: ArgumentHelp("The period: 2025-Q2 (quarterly methodology), 2025 (yearly), or latest (the latest period scored with what was known at the as-of date).", valueName: "period"))
    var period: String = "latest"
    @Option(help: ArgumentHelp("Comma-separated formats: text, json, markdown, html, csv (default: the workspace's, else all).", valueName: "formats"))
    var format: String?
    @Option(help: ArgumentHelp("Limit the actor sections (and the trend) to one actor; the file names end in -<actor>.", valueName: "id"))
    var actor: String?
    @Option(help: ArgumentHelp("The output folder, created if missing; - writes one format to standard output (default: the workspace's, else Reports).", valueName: "dir"))
    var out: String?
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard let format else { return }
        let formats: [ReportFormat]
        do { formats = try ReportFormat.parseList(format) } catch { throw ValidationError("\(error)") }
        if out == "-" && formats.count != 1 { throw ValidationError(ReportError.oneFormatForStandardOutput.description) }
    }

    func run() throws {
        let workspace = try workspaceOptions.resolve()
        let formats = try format.map(ReportFormat.parseList) ?? workspace?.config.formats ?? ReportFormat.allCases
        if out == "-" && formats.count != 1 { throw ValidationError(ReportError.oneFormatForStandardOutput.description) }
        let published = try PublishedRun.open(methodology: methodologyOptions, workspace: workspace, period: period, asOf: asOfOptions.resolve(), database: database, logger: logging.makeLogger())
        let run = published.run
        let model = try ReportModel.load(published.connection, run: run, actorID: actor)

        let out = self.out ?? workspace?.outputDirectory.path ?? "Reports"
        if out == "-" {
            let environment = ProcessInfo.processInfo.environment
            let color = formats[0] == .text && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
            // Through stdout's buffer, whose errors main() checks (FileHandle.write would crash on a full disk).
            print(ReportRenderer.render(model, as: formats[0], color: color), terminator: "")
            return
        }
        let files = ReportRenderer.renderConcurrently(model, formats: formats).map { ReportWriter.File(name: model.fileName($0.format), text: $0.text) }
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        let outcomes = try ReportWriter(directory: directory).write(files)
        guard !logging.quiet else { return }
        print("\(run.period): run \(run.id)\(run.provisional ? ", provisional" : "")")
        for outcome in outcomes {
            print("  \(outcome.written ? "wrote    " : "unchanged") \(directory.appendingPathComponent(outcome.name).relativePath)")
        }
    }
}
