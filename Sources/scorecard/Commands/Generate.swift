import ArgumentParser
import Foundation
import ScorecardKit

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a valid synthetic dataset of any size (for benchmarks and tests).",
        discussion: "Deterministic for a seed: the same arguments write byte-identical files. Evidence per actor is skewed, every evidence type and role occurs, and there are partial dates, restricted rows and records with several sources; events reported by several records, measures (sanctions, listings) with ends_on dates or lifted by a later record, corporate groups of vendors, and states with real ISO 3166-1 codes.")

    @Option(help: "Number of actors (at least 4).") var actors = 200
    @Option(help: "Number of evidence records.") var evidence = 10_000
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Flag(help: ArgumentHelp("Also write evidence.table.csv, the evidence in the scorecard.evidence column layout (for comparing with psql \\copy).", visibility: .hidden))
    var tableLayoutCopy = false
    @Argument(help: ArgumentHelp("Folder to write (created if needed).", valueName: "dir"), completion: .directory) var directory: String

    func validate() throws {
        guard actors >= 4 else { throw ValidationError("--actors must be at least 4") }
        guard evidence >= 0 else { throw ValidationError("--evidence cannot be negative") }
    }

    func run() throws {
        var generator = SyntheticDataset(actors: actors, evidence: evidence, seed: seed)
        generator.writeTableLayoutCopy = tableLayoutCopy
        // A fixed "today" keeps the output independent of the day it runs.
        try generator.write(to: URL(fileURLWithPath: directory, isDirectory: true), today: SyntheticDataset.referenceDate)
        print("wrote \(directory): \(actors) actors, \(evidence) evidence records (seed \(seed))")
    }
}
