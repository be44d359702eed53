import ArgumentParser
import Foundation
import ScorecardKit

/// The methodology file a scoring command uses: `--methodology`, else the workspace's.
struct MethodologyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The methodology file (YAML; default: the workspace's).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var methodology: String?

    func load(workspace: Workspace?) throws -> MethodologyFile {
        guard let path = methodology ?? workspace?.methodologyPath else { throw MissingArgument.methodology }
        return try MethodologyFile.load(path: path)
    }
}

/// A path the command needs that neither its arguments nor a workspace gave (exit 64, EX_USAGE).
enum MissingArgument: ScorecardError {
    case methodology, dataset

    var exitCode: ExitCode { .usage }
    var description: String {
        switch self {
        case .methodology: return "no methodology: give --methodology FILE, or run in a workspace (--workspace DIR)"
        case .dataset: return "no dataset folder: give it as an argument, or run in a workspace (--workspace DIR)"
        }
    }
}

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute scores for a period from the loaded dataset under a methodology.",
        discussion: """
            Stores the methodology version if new, then computes set-based in SQL, for every actor: \
            indicator values with the contribution of each evidence record, positive and negative \
            scores per pillar and overall, a combined score, grade, rank within the actor's kind and \
            the change since the previous period. A period uses only what was published by its end; \
            evidence published later is reported as a restatement. Identical inputs reuse the \
            identical run. See docs/methodology.md.

            Periods follow the calendar at the as-of date (--as-of, else $SCORECARD_AS_OF, else \
            today in UTC): latest is the last period complete by then (a period ending on the as-of \
            date is not yet complete), and --all-periods runs from the period of the first evidence \
            to it. A period not complete at the as-of date is provisional and knows \
            only what was published by the as-of date.
            """)

    @OptionGroup var methodologyOptions: MethodologyOptions
    @Option(help: ArgumentHelp("The period: 2025-Q2 (quarterly methodology), 2025 (yearly), or latest.", valueName: "period"))
    var period: String?
    @Flag(help: "Score every period from the one of the first evidence to the latest, in order.")
    var allPeriods = false
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if allPeriods && period != nil { throw ValidationError("give either --period or --all-periods, not both") }
    }

    func run() throws {
        let logger = logging.makeLogger()
        let asOf = try asOfOptions.resolve()
        let workspace = try workspaceOptions.resolve()
        let file = try reportingMethodologyProblems { try methodologyOptions.load(workspace: workspace) }
        let connection = try database.connect(logger: logger, workspace: workspace)
        try Migrator(logger: logger).migrate(connection)
        let selection: ScoringEngine.PeriodSelection = allPeriods ? .all : (period == nil || period == "latest" ? .latest : .period(period!))
        let progress = TerminalProgress.ifInteractive(quiet: logging.quiet)
        let runs: [ScoringEngine.RunSummary]
        do {
            defer { progress?.phase(nil) }
            runs = try ScoringEngine(connection: connection, logger: logger, progress: progress)
                .score(file, periods: selection, asOf: asOf, currentPeriod: workspace?.config.provisional ?? false)
        }
        guard !logging.quiet else { return }
        for run in runs {
            var line = "\(run.period): run \(run.runID) \(run.computed ? "computed" : "unchanged (identical inputs)")"
            if run.provisional { line += ", provisional (the period is not complete as of \(asOf))" }
            if run.knownRunID != run.runID { line += "; with everything known now: run \(run.knownRunID)" }
            print(line + "; inputs sha256 \(run.inputsSHA256.prefix(12))…")
        }
    }
}

/// Prints a methodology file's problems on stdout, one per line, before the failure is reported.
func reportingMethodologyProblems<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let invalid as MethodologyInvalid {
        for problem in invalid.problems { print(problem) }
        throw invalid
    }
}
