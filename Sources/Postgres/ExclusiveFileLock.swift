import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a file, held until `release()`: serialises processes (and threads)
/// that set up, start or stop the same cluster. The kernel drops it if the holder dies.
final class ExclusiveFileLock {
    private var descriptor: Int32

    /// Waits up to `timeout` seconds for the lock; tells the user once if it has to wait.
    init(path: String, timeout: TimeInterval, waitingNotice: String, logger: Logger) throws {
        // O_CLOEXEC: a server started while we hold the lock must not inherit it and keep it forever.
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw EmbeddedClusterError(.fileSystem, "Could not open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var toldUser = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                close(descriptor)
                throw EmbeddedClusterError(.fileSystem, "Could not lock \(path): \(String(cString: strerror(error)))")
            }
            guard Date() < deadline else {
                close(descriptor)
                throw EmbeddedClusterError(.lockTimedOut, "Another process has held \(path) for over \(Int(timeout)) s. If no other scorecard command is running, a stuck one holds it: end that process and retry.")
            }
            if !toldUser {
                logger.info("\(waitingNotice)")
                toldUser = true
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)  // closing the only descriptor releases the flock
        descriptor = -1
    }

    deinit { release() }
}
