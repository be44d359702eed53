import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The files a command reads outside the dataset (the methodology, `scorecard.yaml`, the password
/// file of grant-reader) are refused when they are not regular files, before they are opened: a
/// named pipe with no writer would make the command wait for ever (opening it for reading blocks).
/// Exit 66, as each already answers a folder, and a message naming the file. The dataset's own files
/// are `DatasetFilesTests`.
@Suite("Non-regular input files")
struct NonRegularInputTests {
    /// A fresh folder holding a named pipe called `name`.
    func fifo(named name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-fifo-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name)
        #expect(mkfifo(path.path, 0o600) == 0)
        return path
    }

    /// Runs the command; a regression would wait on the pipe for ever, so after 30 s it is killed and
    /// the test fails instead of hanging.
    func runWithin30Seconds(_ arguments: [String]) throws -> ScorecardProcess.Outcome? {
        let running = try ScorecardProcess.start(arguments)
        guard running.waitUntilExit(within: 30) else {
            kill(running.pid, SIGKILL)
            _ = running.outcome()
            Issue.record("scorecard \(arguments.joined(separator: " ")) still waited after 30 s: it opened the named pipe")
            return nil
        }
        return running.outcome()
    }

    @Test func aMethodologyFileThatIsANamedPipeIsRefusedUnopened() throws {
        let methodology = try fifo(named: "methodology.yaml")
        defer { try? FileManager.default.removeItem(at: methodology.deletingLastPathComponent()) }
        let outcome = try #require(try runWithin30Seconds(["methodology", "check", methodology.path]))
        #expect(outcome.status == 66, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(methodology.path): is a named pipe (FIFO), not a regular file; it was not opened"), "\(outcome.stderr)")
    }

    @Test func aWorkspaceConfigurationThatIsANamedPipeIsRefusedUnopened() throws {
        let config = try fifo(named: "scorecard.yaml")
        let workspace = config.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let outcome = try #require(try runWithin30Seconds(["validate", "--workspace", workspace.path]))
        #expect(outcome.status == 66, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("scorecard.yaml: is a named pipe (FIFO), not a regular file; it was not opened"), "\(outcome.stderr)")
    }

    @Test func aPasswordFileThatIsANamedPipeIsRefusedUnopened() throws {
        let password = try fifo(named: "alice.password")
        defer { try? FileManager.default.removeItem(at: password.deletingLastPathComponent()) }
        // The file is read before any connection: no server is needed to see the refusal.
        let outcome = try #require(try runWithin30Seconds(["grant-reader", "alice_fifo", "--password-file", password.path,
                                                           "--database-url", "postgresql:///unused?host=/nonexistent"]))
        #expect(outcome.status == 66, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("the password file \(password.path) is a named pipe (FIFO), not a regular file; it was not opened"), "\(outcome.stderr)")
    }
}
