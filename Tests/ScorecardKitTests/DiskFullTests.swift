import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A database whose disk fills during a load: always exit 69 with one line saying the disk is
/// full, nothing loaded (it gave 69 or 70 depending on which write failed first). The disk is a
/// small tmpfs under the database's tablespace, so only root can make it (CI runs as root).
@Suite("Faults: the database's disk is full")
struct DiskFullTests {
    @Test(.enabled(if: geteuid() == 0 && TestCluster.externalServerURL == nil, "mounting a small disk needs root and the embedded test cluster"))
    func aLoadThatFillsTheDiskExits69AndLoadsNothing() throws {
        let mount = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: mount) }
        #expect(try shell("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=24M", "tmpfs", mount.path]) == 0, "could not mount a tmpfs")
        defer { _ = try? shell("/usr/bin/umount", ["-l", mount.path]) }
        #expect(try shell("/usr/bin/chown", ["postgres:postgres", mount.path]) == 0)

        let cluster = try TestCluster.shared()
        let maintenance = cluster.connectionURL(database: "postgres")
        let name = "full_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        _ = try PSQLCommand.run("CREATE TABLESPACE \(name) LOCATION '\(mount.path)'", on: maintenance)
        defer { _ = try? PSQLCommand.run("DROP TABLESPACE IF EXISTS \(name)", on: maintenance) }
        _ = try PSQLCommand.run("CREATE DATABASE \(name) TABLESPACE \(name)", on: maintenance)
        defer {
            // DROP DATABASE waits for a checkpoint, which must first write the failed load's dirty
            // pages to that disk: give it room, or every checkpoint of the cluster waits for ever.
            _ = try? shell("/usr/bin/mount", ["-o", "remount,size=512M", mount.path])
            _ = try? PSQLCommand.run("DROP DATABASE IF EXISTS \(name)", on: maintenance)
        }
        let url = cluster.connectionURL(database: name)

        let dataset = FileManager.default.temporaryDirectory.appendingPathComponent("full-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dataset) }
        #expect(try ScorecardProcess.run(["generate", "--actors", "400", "--evidence", "120000", "--seed", "3", dataset.path]).status == 0)

        let load = try ScorecardProcess.run(["load", "--database-url", url, dataset.path])
        #expect(load.status == 69, "\(load.stderr)")
        #expect(load.stderr.contains("disk full") && load.stderr.split(separator: "\n").count == 1, "\(load.stderr)")
        let connection = try Connection(conninfo: url, logger: .quiet)
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.load_batches").first!.decode("n", as: Int.self) == 0)
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.evidence").first!.decode("n", as: Int.self) == 0)
    }

    private func shell(_ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
