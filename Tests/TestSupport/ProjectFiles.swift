import Foundation

/// Files of the project itself (examples, schemas, snapshots), found from this source file.
public enum ProjectFiles {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// Set SCORECARD_UPDATE_SNAPSHOTS=1 to rewrite committed expectations instead of comparing.
    public static var updatingSnapshots: Bool { ProcessInfo.processInfo.environment["SCORECARD_UPDATE_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the committed file, or rewrites it when updating snapshots.
    /// Returns nil when equal, else a message naming the file and how to update it.
    public static func compareSnapshot(_ actual: String, with relativePath: String) -> String? {
        let url = url(relativePath)
        if updatingSnapshots {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "\(relativePath) is missing; run: make snapshots"
        }
        return expected == actual ? nil : "\(relativePath) is stale; run: make snapshots (then review the diff)"
    }
}
