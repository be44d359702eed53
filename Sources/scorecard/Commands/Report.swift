import ArgumentParser
import Foundation
import Postgres
import ScorecardKit

#if canImport(Glibc)
import Glibc
#endif

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the scorecard of a period as an edition folder: a summary, a card per actor, the method, the data.",
        discussion: """
            Renders the as-published score run of a period (default: latest, the latest period scored \
            with what was known at the as-of date) from the database into the folder \
            <out>/<methodology>-<period>/ (docs/reports.md): index.html, .txt, .md and .json (the \
            summary: key findings, then every actor of the universe by kind, graded or not and why \
            not); actors/<id>.* (one report card per actor); methodology.html; data/ (the figures as \
            CSV and NDJSON, with a datapackage.json); SHA256SUMS over every file. For a period \
            published as an edition, its stored files byte for byte (docs/editions.md). Restricted \
            evidence never appears; a run scored with restricted_evidence: include is refused (exit 78).

            --actor ID writes that actor's card alone; --out - prints one format (the summary, or the \
            card with --actor) to standard output. Files are written atomically; unchanged files are \
            not rewritten. The same run renders to the same bytes. The JSON documents are described by \
            Schemas/edition.schema.json and Schemas/actor-card.schema.json.
            """)

    @OptionGroup var methodologyOptions: MethodologyOptions
    @Option(help: ArgumentHelp("The period: 2025-Q2 (quarterly methodology), 2025 (yearly), or latest (the latest period scored with what was known at the as-of date).", valueName: "period"))
    var period: String = "latest"
    @Option(help: ArgumentHelp("Comma-separated formats: text, json, markdown, html, csv (the data folder) (default: the workspace's, else all).", valueName: "formats"))
    var format: String?
    @Option(help: ArgumentHelp("Write only this actor's report card (actors/<id>.*).", valueName: "id"))
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
        var options = try workspace?.editionOptions() ?? EditionOptions()
        if let format { options.formats = try ReportFormat.parseList(format) }
        let formats = options.formats
        if out == "-" && formats.count != 1 { throw ValidationError(ReportError.oneFormatForStandardOutput.description) }
        if out == "-" && formats[0] == .csv { throw ValidationError("--out - prints a page (text, json, markdown or html), not the data folder") }
        let published = try PublishedRun.open(methodology: methodologyOptions, workspace: workspace, period: period, asOf: asOfOptions.resolve(), database: database, logger: logging.makeLogger())
        let connection = published.connection
        let progress = out == "-" ? nil : TerminalProgress.ifInteractive(quiet: logging.quiet)
        defer { progress?.phase(nil) }
        // A published period's report is its edition: the files it published, byte for byte; its
        // pinned run rendered as that edition only when it kept none. Never the current figures.
        let edition = try Edition.all(connection, methodologyID: published.file.methodology.id).first { $0.period == published.run.period }
        let run = try edition?.run(connection) ?? published.run
        let stored = try edition?.files(connection) ?? []
        // An edition from before editions were folders kept flat files; they go back where it wrote them.
        var folder: String? = stored.isEmpty ? EditionLayout.folder(methodologyID: run.methodologyID, period: run.period) : edition?.folder
        var files: [ReportWriter.File]
        if let actor {
            let wanted = formats.filter { $0 != .csv }.map { EditionLayout.card(actor, $0) }
            files = stored.filter { wanted.contains($0.name) }
            if files.count < wanted.count {
                folder = EditionLayout.folder(methodologyID: run.methodologyID, period: run.period)
                files = try render(connection, run: run, edition: edition, options: options, actor: actor).filter { wanted.contains($0.name) }
            }
        } else if !stored.isEmpty {
            files = stored
        } else {
            progress?.phase("rendering \(run.period)")
            files = try render(connection, run: run, edition: edition, options: options, actor: nil)
        }

        let out = self.out ?? workspace?.outputDirectory.path ?? "Reports"
        if out == "-" {
            let page = actor.map { EditionLayout.card($0, formats[0]) } ?? EditionLayout.index(formats[0])
            guard let file = files.first(where: { $0.name == page }) else { throw ScoringError.unknownActor(actor ?? page) }
            // Through stdout's buffer, whose errors main() checks (FileHandle.write would crash on a full disk).
            print(String(decoding: file.contents, as: UTF8.self), terminator: "")
            return
        }
        progress?.phase("writing \(files.count) report files")
        let outcomes = try EditionOutput.write(files, folder: folder, into: URL(fileURLWithPath: out, isDirectory: true), exact: actor == nil)
        let directory = folder.map { (out as NSString).appendingPathComponent($0) } ?? out
        guard !logging.quiet else { return }
        print("\(run.period): run \(run.id)\(run.provisional ? ", provisional" : "")"
              + (edition.map { ", the edition published \($0.publishedOn)" } ?? ", not published as an edition"))
        let written = outcomes.filter(\.written).count
        print("  \(directory)/: \(written) file\(written == 1 ? "" : "s") written, \(outcomes.count - written) unchanged")
    }

    /// The edition folder of a run, or one actor's cards, rendered now (in one snapshot).
    private func render(_ connection: Connection, run: ScoreRuns.Run, edition: Edition?, options: EditionOptions,
                        actor: String?) throws -> [ReportWriter.File] {
        guard let actor else {
            // Staged on disk, not in memory: an edition at a million records is about a gigabyte.
            let staging = try EditionFilesOnDisk()
            try EditionRenderer.render(connection, run: run, edition: edition?.id, options: options, into: staging)
            return staging.writerFiles
        }
        let sink = EditionFilesInMemory()
        try connection.transaction(isolation: .repeatableRead) { connection in
            let snapshot = try ReportModel.snapshot(connection, run: run, edition: edition?.id, eventsPerIndicator: options.eventsPerIndicator)
            guard let card = try snapshot.cards([actor]).first else { throw ScoringError.unknownActor(actor) }
            for format in options.formats {
                guard let page = EditionRenderer.cardPage(snapshot.model, card, format, options) else { continue }
                try sink.add(EditionLayout.card(actor, format), text: page)
            }
        }
        return sink.writerFiles
    }
}
