import Foundation

/// A workspace in a fresh temporary folder: a copy of a fixture dataset and methodology, and a
/// `scorecard.yaml` written from the options given. Removed on `remove()`.
public struct TestWorkspace {
    public let root: URL
    /// The database of `database.url`; nil for the workspace's embedded cluster.
    public let databaseURL: String?
    public var data: URL { root.appendingPathComponent("data", isDirectory: true) }
    public var reports: URL { root.appendingPathComponent("reports", isDirectory: true) }
    public var stateDirectory: URL { root.appendingPathComponent(".scorecard", isDirectory: true) }

    /// - Parameters:
    ///   - fixture: a folder with `data/` and `methodology.yaml`, relative to the package root.
    ///   - databaseURL: written as `database.url`; nil leaves the workspace on its embedded cluster.
    public init(fixture: String = "Tests/Fixtures/scoring", databaseURL: String?, extraConfig: String = "") throws {
        self.databaseURL = databaseURL
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-ws-\(UUID().uuidString)")
        root = parent.appendingPathComponent("ws", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ProjectFiles.url("\(fixture)/data"), to: data)
        try FileManager.default.copyItem(at: ProjectFiles.url("\(fixture)/methodology.yaml"), to: root.appendingPathComponent("methodology.yaml"))
        var config = """
            dataset: data
            methodology: methodology.yaml
            periods: all
            output:
              folder: reports
              formats: [text, json, markdown, html, csv]
              periods: all
            sensitivity:
              samples: 200
              seed: 7

            """
        if let databaseURL { config += "database:\n  url: \(databaseURL)\n" }
        config += extraConfig
        try Data(config.utf8).write(to: root.appendingPathComponent("scorecard.yaml"))
    }

    /// A copy of an example workspace (its own scorecard.yaml), with its output in `reports/` and
    /// the database given: what `make demo` runs, in a test's own database.
    public init(example: String, databaseURL: String) throws {
        self.databaseURL = databaseURL
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-ws-\(UUID().uuidString)")
        root = parent.appendingPathComponent("ws", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // Everything but the example's own state (.scorecard: its cluster, maybe running, and lock).
        for name in try FileManager.default.contentsOfDirectory(atPath: ProjectFiles.url(example).path) where name != ".scorecard" {
            try FileManager.default.copyItem(at: ProjectFiles.url("\(example)/\(name)"), to: root.appendingPathComponent(name))
        }
        let configURL = root.appendingPathComponent("scorecard.yaml")
        var config = try String(contentsOf: configURL, encoding: .utf8)
        config = config.replacingOccurrences(of: #"(?m)^(\s*folder:).*$"#, with: "$1 reports", options: .regularExpression)
        config += "\ndatabase:\n  url: \(databaseURL)\n"
        try Data(config.utf8).write(to: configURL)
    }

    /// Appends a line to a data file (a quick way to change the dataset).
    public func append(_ line: String, to file: String) throws {
        let handle = try FileHandle(forWritingTo: data.appendingPathComponent(file))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
    }

    /// The report files (paths inside the output folder, edition folders included:
    /// `scoring-fixture-2024/actors/alpha.json`) and their modification times.
    public func reportFiles() throws -> [String: Date] {
        var files: [String: Date] = [:]
        for name in reportPaths() {
            let attributes = try FileManager.default.attributesOfItem(atPath: reports.appendingPathComponent(name).path)
            files[name] = attributes[.modificationDate] as? Date
        }
        return files
    }

    public func reportContents() -> [String: Data] {
        Dictionary(uniqueKeysWithValues: reportPaths().map { ($0, FileManager.default.contents(atPath: reports.appendingPathComponent($0).path) ?? Data()) })
    }

    /// Every file under the output folder (hidden ones too: a writer's leftovers), relative to it.
    public func reportPaths() -> [String] { ProjectFiles.files(under: reports) }

    /// The top-level folders of the output folder: one per edition shown (`scoring-fixture-2025`).
    public func editionFolders() -> [String] {
        Array(Set(reportPaths().compactMap { $0.contains("/") ? String($0.split(separator: "/")[0]) : nil })).sorted()
    }

    /// The folder of an edition of the scoring fixture (`EditionLayout.folder`).
    public func edition(_ period: String, methodology: String = "scoring-fixture") -> URL {
        reports.appendingPathComponent("\(methodology)-\(period)", isDirectory: true)
    }

    /// Stops the workspace's embedded cluster if it has one, and deletes the folder.
    public func remove() {
        let cluster = stateDirectory.appendingPathComponent("postgres")
        if FileManager.default.fileExists(atPath: cluster.path) {
            _ = try? ScorecardProcess.run(["db", "stop", "--data-dir", cluster.path])
        }
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}

/// Holds a `scorecard` process at a failpoint (see ScorecardKit's `Failpoint`): start it with
/// `environment`, `waitUntilReached()`, do the damage, then `release()`.
public struct FailpointHold {
    public let name: String
    public let file: URL

    public init(_ name: String) {
        self.name = name
        file = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-failpoint-\(UUID().uuidString)")
    }

    public var environment: [String: String] { ["SCORECARD_FAILPOINT": name, "SCORECARD_FAILPOINT_FILE": file.path] }

    /// Waits (up to `timeout` seconds) until the process reaches the failpoint.
    public func waitUntilReached(_ process: ScorecardProcess.Running, timeout: TimeInterval = 120) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: file.path) { return true }
            if !process.isRunning { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    public func release() { try? FileManager.default.removeItem(at: file) }
}
