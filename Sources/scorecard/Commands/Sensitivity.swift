import ArgumentParser
import Foundation
import ScorecardKit

struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How stable the ranking is when the weights are perturbed.",
        discussion: "Each sample scales every indicator and pillar weight by a factor drawn uniformly from [0.5, 1.5] and ranks the actors again. Reports each actor's median rank, its 5th–95th percentile interval and how often its grade changes. Seeded: the same seed gives the same figures.")

    @OptionGroup var methodologyOptions: MethodologyOptions
    @Option(help: ArgumentHelp("The period (default: latest, the latest period scored with what was known at the as-of date).", valueName: "period")) var period: String = "latest"
    @Option(help: "Number of samples.") var samples = 1000
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard samples >= 1 else { throw ValidationError("--samples must be at least 1") }
    }

    func run() throws {
        let workspace = try workspaceOptions.resolve()
        let published = try PublishedRun.open(methodology: methodologyOptions, workspace: workspace, period: period, asOf: asOfOptions.resolve(), database: database, logger: logging.makeLogger())
        let run = published.run
        let results = try SensitivityAnalysis(connection: published.connection)
            .runAndStore(runID: run.id, methodology: published.file.methodology, samples: samples, seed: seed)
        guard !logging.quiet else { return }
        print("\(run.period): run \(run.id), \(samples) samples, seed \(seed)")
        print("actor".padding(toLength: 32, withPad: " ", startingAt: 0) + "median rank   5–95% interval   grade changes")
        for r in results.sorted(by: { ($0.medianRank, $0.actorID) < ($1.medianRank, $1.actorID) }) {
            let median = String(format: "%.1f", r.medianRank)
            print(r.actorID.padding(toLength: 32, withPad: " ", startingAt: 0)
                  + median.padding(toLength: 14, withPad: " ", startingAt: 0)
                  + "\(r.rankP05)–\(r.rankP95)".padding(toLength: 17, withPad: " ", startingAt: 0)
                  + String(format: "%.1f%%", r.gradeChangeShare * 100))
        }
    }
}
