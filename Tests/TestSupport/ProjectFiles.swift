import Foundation

/// Files of the project itself (examples, schemas, snapshots), found from this source file.
public enum ProjectFiles {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// Set SCORECARD_UPDATE_SNAPSHOTS=1 to rewrite committed expectations instead of comparing.
    public static var updatingSnapshots: Bool { ProcessInfo.processInfo.environment["SCORECARD_UPDATE_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the committed file, or rewrites it when updating snapshots.
    /// Returns nil when equal, else a message naming the file, how to update it (`update`), and
    /// where the two first differ (`TextDiff`).
    public static func compareSnapshot(_ actual: String, with relativePath: String,
                                       update: String = "make snapshots") -> String? {
        let url = url(relativePath)
        if updatingSnapshots {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "\(relativePath) is missing; run: \(update)"
        }
        return staleSnapshotMessage(expected: expected, actual: actual, relativePath: relativePath, update: update)
    }

    /// Nil when equal, else: the file is stale, how to update it, and where the texts first differ.
    public static func staleSnapshotMessage(expected: String, actual: String, relativePath: String, update: String) -> String? {
        guard let difference = TextDiff.firstDifference(expected: expected, actual: actual) else { return nil }
        return "\(relativePath) is stale; run: \(update) (then review the diff)\n"
            + "--- \(relativePath) (expected)\n+++ generated now (actual)\n" + difference
    }
}
