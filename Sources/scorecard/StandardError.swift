@preconcurrency import Glibc

/// Writes diagnostics (the final error line, log lines, warnings, progress) to stderr with write(2),
/// going on after a partial write and after EINTR (a signal handled meanwhile, SIGTERM among them).
///
/// A diagnostic that cannot be written (stderr on a full disk, an I/O error, a closed descriptor)
/// is dropped, and the command goes on to its own exit code: there is nowhere left to say that
/// stderr failed, and the code still tells cron or a script how the command ended. Foundation's
/// `FileHandle.write` would instead stop the process with a fatal error (exit 132, a backtrace),
/// losing that code. (A closed pipe still ends the process with SIGPIPE, as for any Unix tool.)
enum StandardError {
    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDERR_FILENO, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
