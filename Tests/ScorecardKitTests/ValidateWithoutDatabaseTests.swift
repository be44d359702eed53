import Foundation
import ScorecardKit
import Testing
import TestSupport

/// `scorecard validate` as a data repository's CI runs it: no server anywhere. It checks everything
/// in the binary, starts no embedded cluster, and reaches for no database, whether libpq's
/// variables point at nothing or nothing is configured at all.
@Suite("Validate without a database")
struct ValidateWithoutDatabaseTests {
    /// libpq's variables pointing at a socket folder that does not exist: any connection fails.
    static let noServer = ["PGHOST": "/nonexistent-socket-dir", "PGPORT": "5499"]

    /// Runs `scorecard ARGUMENTS` in `folder` (an empty one, not a workspace, unless given) and
    /// checks that no cluster folder and no server were made there, stopping any that a broken
    /// validate started.
    func runWithoutDatabase(_ arguments: [String], environment: [String: String], in folder: URL? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> ScorecardProcess.Outcome {
        let emptyFolder = folder == nil
        let folder = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        let cluster = folder.appendingPathComponent(".scorecard")
        defer {
            if FileManager.default.fileExists(atPath: cluster.path) {
                _ = try? ScorecardProcess.run(["db", "stop", "--data-dir", cluster.appendingPathComponent("postgres").path])
                try? FileManager.default.removeItem(at: cluster)
            }
            if emptyFolder { try? FileManager.default.removeItem(at: folder) }
        }
        let outcome = try ScorecardProcess.run(arguments, environment: environment, in: folder)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == before,
                "validate wrote into the folder it ran in", sourceLocation: sourceLocation)
        #expect(Self.processes(naming: folder).isEmpty, "a process runs from the folder validate ran in", sourceLocation: sourceLocation)
        return outcome
    }

    /// The processes whose command line names `folder`, as a server started there would (postgres -D …).
    static func processes(naming folder: URL) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int($0) != nil }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let command = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return command.contains(folder.path) ? "\(pid): \(command)" : nil
        }
    }

    static let environments: [[String: String]] = [noServer, [:]]

    @Test(arguments: environments)
    func theExamplesAreValid(_ environment: [String: String]) throws {
        for (example, counts) in [("Examples/minimal", "22 records in 11 files"), ("Examples/pall-mall/data", "577 records in 11 files")] {
            let path = ProjectFiles.url(example).path
            let result = try runWithoutDatabase(["validate", path], environment: environment)
            #expect(result.status == 0, "\(example): \(result.stderr)")
            #expect(result.stdout == "\(path): valid (\(counts))\n")
            // Nothing on stderr but the warning that UN states have no actor (docs/data-format.md,
            // "Reference lists"), which leaves the dataset valid.
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count <= 1 && lines.allSatisfy { $0.hasPrefix("warning: ") && $0.contains("UN member and observer states have no actor") },
                    "\(result.stderr)")
        }
    }

    @Test(arguments: environments)
    func anInvalidDatasetListsEveryProblem(_ environment: [String: String]) throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try fixture.append("evidence.csv", DatasetValidationTests.evidence(actor: "atlantis", severity: "7", sources: "src-lab;src-gone"))
        try fixture.append("actors.csv", "ruritania,state,Ruritania again,XR,,,")
        try fixture.append("sources.csv", "src-x,example.org/report,Someone,,,C,,")
        let result = try runWithoutDatabase(["validate", fixture.directory.path], environment: environment)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdout == """
            actors.csv:6: id: duplicate id 'ruritania' (first on line 2)
            evidence.csv:5: actor_id: unknown actor 'atlantis' (not in actors.csv)
            evidence.csv:5: severity: 7 is outside 1–5
            evidence.csv:5: source_ids: unknown source 'src-gone' (not in sources.csv)
            sources.csv:6: url: 'example.org/report' is not an absolute http(s) URL

            """)
        #expect(result.stderr == "scorecard: the dataset has 5 problems; nothing was loaded\n")
    }

    /// Memory follows the keys validation holds (every id), not the size of the files: 300,000
    /// evidence records (a 71 MB evidence.csv) validate within the small example's peak plus half
    /// of that file, a bound that reading the file whole would exceed.
    @Test func memoryIsBoundedByTheKeysNotByTheFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-ci-large-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let generated = try ScorecardProcess.run(["generate", "--actors", "2000", "--evidence", "300000", "--seed", "1", data.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let evidenceKB = try #require(try FileManager.default.attributesOfItem(atPath: data.appendingPathComponent("evidence.csv").path)[.size] as? Int) / 1024
        let small = try PeakMemory.measure(["validate", ProjectFiles.url("Examples/minimal").path], environment: Self.noServer, in: folder)
        let large = try PeakMemory.measure(["validate", data.path], environment: Self.noServer, in: folder)
        #expect(small.status == 0 && large.status == 0, "\(small.stderr)\(large.stderr)")
        #expect(large.stdout == "\(data.path): valid (382376 records in 11 files)\n")
        let bound = small.peakKB + evidenceKB / 2
        #expect(large.peakKB < bound, "peak \(large.peakKB) KB, over the bound \(bound) KB (the example's peak \(small.peakKB) KB + half of evidence.csv's \(evidenceKB) KB)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["data"], "validate wrote into the folder it ran in")
        #expect(Self.processes(naming: folder).isEmpty)
        print("validate of 300,000 evidence records (evidence.csv \(evidenceKB) KB): peak \(large.peakKB) KB; of Examples/minimal: \(small.peakKB) KB")
    }

    /// SIGTERM or SIGINT stops it between files or records, as a statement would notice it in a
    /// database: exit 143 or 130, and nothing said valid.
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsIt(_ signal: Int32) throws {
        let hold = FailpointHold(Failpoint.read.rawValue)
        defer { hold.release() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-ci-signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let validating = try ScorecardProcess.start(["validate", ProjectFiles.url("Examples/minimal").path],
                                                    environment: Self.noServer.merging(hold.environment) { $1 }, in: folder)
        #expect(hold.waitUntilReached(validating))
        kill(validating.pid, signal)
        #expect(validating.waitUntilExit(within: 30))
        #expect(validating.terminatingSignal == nil, "the signal killed validate instead of stopping it")
        let stopped = validating.outcome()
        #expect(stopped.status == (signal == SIGTERM ? 143 : 130), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("stopped by \(signal == SIGTERM ? "SIGTERM" : "SIGINT")"), "\(stopped.stderr)")
        #expect(stopped.stdout.isEmpty)
    }

    /// In a workspace, neither its embedded cluster nor the database its scorecard.yaml names is used.
    @Test(arguments: ["", "database: {url: \"postgresql:///scorecard?host=/nonexistent-socket-dir\"}\n"])
    func aWorkspacesDatabaseIsNotUsed(_ databaseSection: String) throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-ci-ws-\(UUID().uuidString)")
        // Everything but the example's own state (.scorecard: a cluster `make demo` may have left running).
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: ProjectFiles.url("Examples/pall-mall").path) where name != ".scorecard" {
            try FileManager.default.copyItem(at: ProjectFiles.url("Examples/pall-mall/\(name)"), to: workspace.appendingPathComponent(name))
        }
        defer { try? FileManager.default.removeItem(at: workspace) }
        let config = workspace.appendingPathComponent("scorecard.yaml")
        try Data((try String(contentsOf: config, encoding: .utf8) + databaseSection).utf8).write(to: config)
        let result = try runWithoutDatabase(["validate"], environment: [:], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("data: valid (577 records in 11 files)\n"), "\(result.stdout)")
    }

    /// Asked for with --database-url, a load's checks in SQL run there too, with the same problems.
    @Test func aDatabaseURLAddsTheSQLChecks() throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try fixture.append("evidence.csv", DatasetValidationTests.evidence(actor: "atlantis"))
        let without = try runWithoutDatabase(["validate", fixture.directory.path], environment: Self.noServer)
        let with = try ScorecardProcess.run(["validate", "--database-url", try TestCluster.makeDatabase(prefix: "validateurl"), fixture.directory.path])
        #expect(without.status == 65 && with.status == 65)
        #expect(with.stdout == without.stdout && with.stdout == "evidence.csv:5: actor_id: unknown actor 'atlantis' (not in actors.csv)\n")
        let unreachable = try ScorecardProcess.run(["validate", "--database-url", "postgresql:///x?host=/nonexistent-socket-dir", fixture.directory.path])
        #expect(unreachable.status == 69, "\(unreachable.stderr)")
    }
}
