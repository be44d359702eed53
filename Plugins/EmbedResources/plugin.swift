import Foundation
import PackagePlugin

/// Embeds every `Schemas/**/*.sql`, the default methodology and `Templates/**` into
/// ScorecardKit as `EmbeddedResources.swift`, written by `scripts/embed-resources`.
///
/// The command runs on every build, because SwiftPM re-plans the build (and so re-runs this
/// plugin, or any prebuild command) only when Package.swift or a target's own folder changes,
/// not when a file is added under `Schemas/`: a list of inputs made here would miss a file added
/// later, and a prebuild command would not run again at all (swiftlang/swift-package-manager#5476).
/// So the script scans the folders itself each time, and touches a stamp file that is one of the
/// command's inputs, which makes the command out of date on the next build. It takes about 0.1 s
/// and rewrites `EmbeddedResources.swift` only when its content changes, so an unchanged build
/// recompiles nothing.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let script = root.appending(path: "scripts/embed-resources")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        let stamp = context.pluginWorkDirectoryURL.appending(path: "run-again.stamp")
        if !FileManager.default.fileExists(atPath: stamp.path(percentEncoded: false)) {
            try FileManager.default.createDirectory(at: context.pluginWorkDirectoryURL, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: stamp.path(percentEncoded: false), contents: Data())
        }
        return [
            .buildCommand(
                displayName: "Embedding the SQL, the workspace templates and the default methodology",
                executable: URL(filePath: "/bin/bash"),
                arguments: [
                    script.path(percentEncoded: false),
                    "--out", output.path(percentEncoded: false),
                    "--stamp", stamp.path(percentEncoded: false),
                ],
                inputFiles: [script, stamp],
                outputFiles: [output]
            ),
        ]
    }
}
