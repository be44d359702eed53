import Foundation

/// Writes a ready workspace (`scorecard init DIR`): the commented config, the default
/// methodology, every data file with its header (the vocabulary the default methodology uses
/// filled in), `datapackage.json`, a README for the monitor and a `.gitignore` for `.scorecard/`.
public enum WorkspaceTemplate {
    static let prefix = "Templates/workspace/"
    static let defaultMethodology = "Examples/pall-mall/methodology.yaml"

    /// The files to write, relative to the workspace folder, in a fixed order.
    public static func files() throws -> [(path: String, contents: String)] {
        var files: [(String, String)] = []
        for resource in EmbeddedResources.files where resource.path.hasPrefix(prefix) {
            let relative = String(resource.path.dropFirst(prefix.count))
            files.append((relative == "gitignore" ? ".gitignore" : relative, resource.contents))
        }
        let prefilled = Set(files.map(\.0))
        for table in DatasetSchema.tables where !prefilled.contains("data/\(table.fileName)") {
            files.append(("data/\(table.fileName)", table.fields.map(\.name).joined(separator: ",") + "\n"))
        }
        let package = FrictionlessDescriptor.dataPackage(name: "scorecard-dataset", title: "Scorecard dataset")
        files.append(("data/datapackage.json", try FrictionlessDescriptor.json(package)))
        guard let methodology = EmbeddedResources.files.first(where: { $0.path == defaultMethodology }) else {
            preconditionFailure("the default methodology is embedded by scripts/embed-resources")
        }
        files.append(("methodology.yaml", methodology.contents))
        return files.sorted { $0.0 < $1.0 }
    }

    /// Creates the workspace in `directory` (created if missing; it must not hold a config yet).
    /// - Throws: `WorkspaceNotCreated` (73) when it exists already or cannot be written.
    @discardableResult
    public static func create(at directory: URL) throws -> [String] {
        let manager = FileManager.default
        let config = directory.appendingPathComponent(Workspace.configName)
        if manager.fileExists(atPath: config.path) {
            throw WorkspaceNotCreated(path: directory.path, reason: "it is a workspace already (\(Workspace.configName) exists); nothing was changed")
        }
        let files = try files()
        for file in files where manager.fileExists(atPath: directory.appendingPathComponent(file.path).path) {
            throw WorkspaceNotCreated(path: directory.path, reason: "\(file.path) exists already; init writes into an empty or new folder, and nothing was changed")
        }
        do {
            for file in files {
                let url = directory.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw WorkspaceNotCreated(path: directory.path, reason: "cannot write there (\(error.localizedDescription))")
        }
        return files.map(\.path)
    }
}

/// `scorecard init` could not create the workspace (exit 73, EX_CANTCREAT).
public struct WorkspaceNotCreated: ScorecardError {
    public let path: String
    public let reason: String
    public var exitCode: ExitCode { .cannotCreate }
    public var description: String { "cannot create a workspace in \(path): \(reason)" }
}
