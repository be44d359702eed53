import Foundation

/// Runs the built `scorecard` binary, as a user or cron would.
public enum ScorecardProcess {
    /// The binary beside the test bundle (both are products of the same build).
    public static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("scorecard")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return ProjectFiles.url(".build/debug/scorecard")
    }

    public struct Outcome: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs to completion. Output goes through files, so a chatty command cannot block on a pipe.
    public static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Outcome {
        let process = try start(arguments, environment: environment, in: directory)
        process.process.waitUntilExit()
        return process.outcome()
    }

    public final class Running: @unchecked Sendable {
        public let process: Process
        let out: URL
        let err: URL
        init(process: Process, out: URL, err: URL) {
            self.process = process
            self.out = out
            self.err = err
        }

        public func outcome() -> Outcome {
            let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
            return Outcome(status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
    }

    public static func start(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Running {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") && $0.key != "DATABASE_URL" }
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let id = UUID().uuidString
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-\(id).out")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-\(id).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}
