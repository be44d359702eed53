import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a dataset may read: regular files inside its folder, symbolic links followed. Checked
/// before a file is opened, so that a FIFO cannot make a run wait for ever, a directory or a device
/// gets a clear message, and a link to a file elsewhere (a root-only file, say, in a hostile
/// contributor's pull request) is refused without reading a byte of it.
enum DatasetFileCheck {
    /// The problem with `relativePath` in `directory`, or nil when it may be read. A missing file is
    /// not a problem here (the caller says it is missing).
    static func problem(_ relativePath: String, in directory: URL) -> DatasetProblem? {
        let path = directory.appendingPathComponent(relativePath).path
        guard let folder = realPath(directory.path), let resolved = realPath(path) else { return nil }
        guard resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
            return DatasetProblem(file: relativePath, line: nil, field: nil, reason: "not inside the dataset folder (it leads out of it); nothing of it was read")
        }
        return NonRegularFile.reason(atPath: resolved).map { DatasetProblem(file: relativePath, line: nil, field: nil, reason: $0) }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
