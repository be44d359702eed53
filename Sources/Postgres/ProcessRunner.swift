import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a finished child process printed and how it ended.
struct ProcessOutcome: Sendable {
    let commandLine: String
    /// The exit code, or 128 + the signal number if a signal ended it (as shells report it).
    let exitStatus: Int32
    let standardOutput: String
    let standardError: String

    var succeeded: Bool { exitStatus == 0 }

    /// Both streams, trimmed, for error messages and debug logs.
    var combinedOutput: String {
        [standardOutput, standardError]
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}

/// Runs a program to completion and captures its output, so tool chatter never reaches our stderr.
///
/// Built on posix_spawn and waitpid rather than Foundation's `Process`: on Linux, `Process` learns
/// that a child exited when a socket it hands to the child closes, and `pg_ctl start` leaves a
/// server running that inherits that socket, so the wait would never end.
struct ProcessRunner: Sendable {
    /// The child's whole environment.
    var environment: [String: String]

    /// Our environment without the `PG*` variables (PGDATA, PGPORT, PGHOST, ...), which would
    /// silently redirect the server tools, and with C messages so failures read the same everywhere.
    static func isolatedFromPostgresEnvironment() -> ProcessRunner {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        environment["LC_ALL"] = "C"
        environment["LANG"] = "C"
        return ProcessRunner(environment: environment)
    }

    /// Our environment as it is: for tools pointed at a server the user chose (it may need PGPASSWORD).
    static func inheritingEnvironment() -> ProcessRunner {
        ProcessRunner(environment: ProcessInfo.processInfo.environment)
    }

    func run(_ executable: URL, _ arguments: [String]) throws -> ProcessOutcome {
        let commandLine = ([executable.path] + arguments).joined(separator: " ")
        // Output goes to unlinked temporary files rather than pipes: a full pipe cannot stall the
        // child, and a server that pg_ctl leaves running cannot keep us waiting for end-of-file.
        let standardOutput = try AnonymousTemporaryFile()
        let standardError = try AnonymousTemporaryFile()

        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&fileActions, standardOutput.descriptor, 1)
        posix_spawn_file_actions_adddup2(&fileActions, standardError.descriptor, 2)

        // Threads of this process may block or ignore signals; the child (and a server it leaves
        // behind) must start with the defaults.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid = pid_t()
        let spawnError = posix_spawn(&pid, executable.path, &fileActions, &attributes, argv, envp)
        guard spawnError == 0 else {
            throw EmbeddedClusterError(.commandFailed, "Could not run \(commandLine): \(String(cString: strerror(spawnError)))")
        }

        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1 {
            guard errno == EINTR else {
                throw EmbeddedClusterError(.commandFailed, "Lost track of \(commandLine): \(String(cString: strerror(errno)))")
            }
        }
        let terminatingSignal = waitStatus & 0x7f
        let exitStatus = terminatingSignal == 0 ? (waitStatus >> 8) & 0xff : 128 + terminatingSignal

        return ProcessOutcome(
            commandLine: commandLine,
            exitStatus: exitStatus,
            standardOutput: standardOutput.contents(),
            standardError: standardError.contents()
        )
    }
}

/// A temporary file that exists only as an open descriptor (it is unlinked at once).
private final class AnonymousTemporaryFile {
    let descriptor: Int32

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/scorecard-output-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        // Close-on-exec, so that only the child's dup2 copies reach it, not other children's.
        guard descriptor >= 0, fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0 else {
            throw EmbeddedClusterError(.fileSystem, "Could not create a temporary file in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    func contents() -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[..<count])
            offset += off_t(count)
        }
        return String(decoding: data, as: UTF8.self)
    }

    deinit { close(descriptor) }
}
