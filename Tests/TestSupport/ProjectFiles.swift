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

    /// Every file under `folder`, hidden ones too, as paths relative to it, sorted by byte order.
    public static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Compares a whole folder (an edition) with the committed one, or rewrites the committed folder
    /// (removing files no longer generated) when updating snapshots. Returns nil when every file is
    /// equal and none is missing or extra; else a message naming the missing and extra files and,
    /// for the first file that differs, where it first differs (`TextDiff`).
    public static func compareSnapshotFolder(_ files: [(path: String, contents: Data)], with relativeFolder: String,
                                             update: String = "make snapshots") -> String? {
        let folder = url(relativeFolder)
        let generated = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { _, last in last })
        if updatingSnapshots {
            for path in self.files(under: folder) where generated[path] == nil {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
            }
            for (path, contents) in generated {
                let target = folder.appendingPathComponent(path)
                try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if FileManager.default.contents(atPath: target.path) != contents { try? contents.write(to: target, options: .atomic) }
            }
            return nil
        }
        let committed = Set(self.files(under: folder))
        let missing = committed.subtracting(generated.keys).sorted()
        let extra = Set(generated.keys).subtracting(committed).sorted()
        var problems: [String] = []
        if !missing.isEmpty { problems.append("not generated now, but committed in \(relativeFolder): \(missing.joined(separator: ", "))") }
        if !extra.isEmpty { problems.append("generated now, but missing from \(relativeFolder): \(extra.joined(separator: ", "))") }
        for path in generated.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where committed.contains(path) {
            let expected = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) ?? Data()
            guard expected != generated[path]! else { continue }
            let message = staleSnapshotMessage(expected: String(decoding: expected, as: UTF8.self),
                                               actual: String(decoding: generated[path]!, as: UTF8.self),
                                               relativePath: "\(relativeFolder)/\(path)", update: update)
            problems.append(message ?? "\(relativeFolder)/\(path) differs in its bytes (not as UTF-8 text); run: \(update)")
            break
        }
        if problems.isEmpty { return nil }
        return "\(relativeFolder) is stale; run: \(update) (then review the diff)\n" + problems.joined(separator: "\n")
    }
}
