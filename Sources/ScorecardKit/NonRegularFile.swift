import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a path that is to be read as a file is not a regular one, symbolic links followed: a named
/// pipe (opening it for reading waits for a writer, for ever if none comes), a folder, a socket or a
/// device. Asked before the file is opened, by the dataset (`DatasetFileCheck`) and by every other
/// file a command reads (the methodology, `scorecard.yaml`, grant-reader's password file), so each
/// refuses them with the same words, whatever Foundation would do on opening one.
public enum NonRegularFile {
    /// The reason, as a predicate after the file's name (`is a named pipe (FIFO), …`), or nil when
    /// `path` is a regular file or cannot be looked at (the caller says it is missing or unreadable).
    public static func reason(atPath path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "is a folder, not a file"
        case S_IFIFO: return "is a named pipe (FIFO), not a regular file; it was not opened"
        case S_IFSOCK: return "is a socket, not a regular file; it was not opened"
        default: return "is a device, not a regular file; it was not opened"
        }
    }
}
