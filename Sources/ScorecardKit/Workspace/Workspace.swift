import Crypto
import Foundation

/// A folder holding `scorecard.yaml`, the dataset, the methodology and the output: everything a
/// monitor edits and publishes, and what `scorecard run` works on.
public struct Workspace: Sendable {
    public static let configName = "scorecard.yaml"

    /// The workspace folder, absolute.
    public let root: URL
    public let config: WorkspaceConfig
    /// SHA-256 of the config file's bytes (recorded in the run ledger).
    public let configSHA256: String

    public var configPath: String { root.appendingPathComponent(Workspace.configName).path }
    public var datasetDirectory: URL { resolve(config.dataset, directory: true) }
    public var methodologyPath: String { resolve(config.methodology, directory: false).path }
    public var outputDirectory: URL { resolve(config.outputFolder, directory: true) }
    /// Private state: the embedded cluster and the run lock.
    public var stateDirectory: URL { root.appendingPathComponent(".scorecard", isDirectory: true) }
    public var embeddedDatabaseRoot: URL { stateDirectory.appendingPathComponent("postgres", isDirectory: true) }

    func resolve(_ path: String, directory: Bool) -> URL {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path, isDirectory: directory)
                                      : root.appendingPathComponent(path, isDirectory: directory)
        return url.standardizedFileURL
    }

    /// The workspace named by `--workspace`, or else the current folder when it holds a config; nil otherwise.
    /// - Throws: `WorkspaceMissing` (66) for a named folder without a config, `WorkspaceConfigInvalid` (78).
    public static func locate(explicit: String?, currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> Workspace? {
        if let explicit {
            return try open(URL(fileURLWithPath: explicit, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL)
        }
        guard FileManager.default.fileExists(atPath: currentDirectory.appendingPathComponent(configName).path) else { return nil }
        return try open(currentDirectory.standardizedFileURL)
    }

    /// Reads the workspace at `root`.
    public static func open(_ root: URL) throws -> Workspace {
        let root = root.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkspaceMissing(path: root.path, reason: "no such folder (create one with: scorecard init \(root.path))")
        }
        let configURL = root.appendingPathComponent(configName)
        if let reason = NonRegularFile.reason(atPath: configURL.path) { throw WorkspaceMissing(path: configURL.path, reason: reason) }
        guard let data = FileManager.default.contents(atPath: configURL.path) else {
            throw WorkspaceMissing(path: configURL.path, reason: "no such file: the folder is not a workspace (create one with: scorecard init DIR)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkspaceConfigInvalid(path: configURL.path, problems: [
                MethodologyProblem(file: configURL.path, line: nil, reason: "is not valid UTF-8 text (save the file as UTF-8)"),
            ])
        }
        switch WorkspaceConfigParser.parse(text: text, file: configURL.path) {
        case .success(let config):
            return Workspace(root: root, config: config, configSHA256: SHA256.hexDigest(of: data))
        case .failure(let invalid):
            throw invalid
        }
    }
}

/// The workspace folder or its config file is not there, or the config is not a regular file (exit 66).
public struct WorkspaceMissing: ScorecardError {
    public let path: String
    public let reason: String
    public var exitCode: ExitCode { .noInput }
    public var description: String { "\(path): \(reason)" }
}

/// `scorecard.yaml` has problems (exit 78); each is `file:line: reason`.
public struct WorkspaceConfigInvalid: ScorecardError {
    public let path: String
    public let problems: [MethodologyProblem]
    public var exitCode: ExitCode { .configuration }
    public var description: String {
        "the workspace configuration \(path) has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
