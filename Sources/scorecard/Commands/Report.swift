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
            with what was known at the as-of date) from the database; for a period published as an \
            edition, that edition: its stored files byte for byte, or its pinned run for another \
            format or --actor (docs/editions.md). The report has \
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
    @Option(help: ArgumentHelp("The output folder, created if missing; - writes one format to standard output (default: the workspace's, else Reports).", valueName: "dir"), completion: .directory)
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
        // A published period's report is its edition: the files it published, byte for byte, or its
        // pinned run rendered as that edition (another format, one actor); never the current figures.
        let edition = try Edition.all(published.connection, methodologyID: published.file.methodology.id).first { $0.period == published.run.period }
        let run = try edition?.run(published.connection) ?? published.run
        let stored = actor == nil ? try edition?.files(published.connection) ?? [] : []
        let model = try ReportModel.load(published.connection, run: run, actorID: actor, edition: edition?.id)
        func file(_ format: ReportFormat) -> ReportWriter.File {
            stored.first { $0.name == model.fileName(format) }
                ?? ReportWriter.File(name: model.fileName(format), text: ReportRenderer.render(model, as: format))
        }

        let out = self.out ?? workspace?.outputDirectory.path ?? "Reports"
        if out == "-" {
            let environment = ProcessInfo.processInfo.environment
            let color = formats[0] == .text && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
            // Through stdout's buffer, whose errors main() checks (FileHandle.write would crash on a full disk).
            let text = color ? ReportRenderer.render(model, as: formats[0], color: true) : String(decoding: file(formats[0]).contents, as: UTF8.self)
            print(text, terminator: "")
            return
        }
        let files = formats.map(file)
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        let outcomes = try ReportWriter(directory: directory).write(files)
        guard !logging.quiet else { return }
        print("\(run.period): run \(run.id)\(run.provisional ? ", provisional" : "")"
              + (edition.map { ", the edition published \($0.publishedOn)" } ?? ", not published as an edition"))
        for outcome in outcomes {
            print("  \(outcome.written ? "wrote    " : "unchanged") \(directory.appendingPathComponent(outcome.name).relativePath)")
        }
    }
}
