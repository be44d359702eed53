import Foundation

/// `scripts/check-page` (the Nu HTML checker, then headless Chromium), run with the interpreter of
/// `.venv-test/`, which `make test-tools` makes. A missing tool is a failure that says how to
/// install it, never a skip.
public enum PageCheck {
    public static let python = ProjectFiles.url(".venv-test/bin/python")
    public static let script = ProjectFiles.url("scripts/check-page")

    public struct Outcome: Sendable {
        public let status: Int32
        /// What the script printed, stdout and stderr together: each failure names its file.
        public let output: String
    }

    /// `pages`: a file and, when given, the number of charts (`svg`) it must show.
    public static func run(_ pages: [(path: String, charts: Int?)], arguments: [String] = []) throws -> Outcome {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            return Outcome(status: 2, output: "\(python.path) is missing: run `make test-tools` (make test does)")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path] + arguments + pages.map { page in page.charts.map { "\(page.path)=\($0)" } ?? page.path }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("check-page-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return Outcome(status: process.terminationStatus, output: try String(contentsOf: output, encoding: .utf8))
    }
}
