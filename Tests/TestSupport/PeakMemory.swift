import Foundation

/// Runs the built `scorecard` under /usr/bin/time, to bound the memory a command takes.
public enum PeakMemory {
    public struct Measured: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Peak resident memory, in KB.
        public let peakKB: Int
        public let seconds: Double
    }

    /// Runs `scorecard ARGUMENTS`, without the caller's PG* variables and DATABASE_URL (plus
    /// `environment`), in `directory` (default: the current one), and returns its peak resident memory.
    public static func measure(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL? = nil) throws -> Measured {
        let peak = FileManager.default.temporaryDirectory.appendingPathComponent("peak-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: peak) }
        let started = Date()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", peak.path, ScorecardProcess.binary.path] + arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") && $0.key != "DATABASE_URL" }
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("err-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let peakText = try String(contentsOf: peak, encoding: .utf8).split(separator: "\n").last.map(String.init) ?? ""
        return Measured(status: process.terminationStatus,
                        stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                        stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
                        peakKB: Int(peakText.trimmingCharacters(in: .whitespaces)) ?? Int.max,
                        seconds: Date().timeIntervalSince(started))
    }
}
