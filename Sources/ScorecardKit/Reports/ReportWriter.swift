import Crypto
import Foundation
import Postgres

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report files into a folder all or nothing, with a `SHA256SUMS` file beside them.
///
/// - Every changed file is first written in full to a temporary file in the same folder and
///   flushed to disk; only then are the temporary files renamed over their targets, so a reader
///   never sees half a file.
/// - A file whose content is unchanged is not rewritten: it keeps its timestamp.
/// - If anything fails, the files already there are left as they were: temporary files are
///   removed, and targets already replaced are put back from hard-linked backups.
/// - `SHA256SUMS` (the format `sha256sum -c` reads: `<hex>  <name>`, sorted by name) lists every
///   file written now, and keeps the entries of files it listed before that are still in the folder
///   (re-hashed), so one checksum file covers every report in the folder.
public struct ReportWriter {
    public static let checksumsName = "SHA256SUMS"

    public struct File: Sendable, Equatable {
        public let name: String
        public let contents: Data

        public init(name: String, contents: Data) {
            self.name = name
            self.contents = contents
        }

        public init(name: String, text: String) { self.init(name: name, contents: Data(text.utf8)) }
    }

    public struct Outcome: Sendable, Equatable {
        public let name: String
        /// False when the file already had exactly this content and was left alone.
        public let written: Bool
        public let sha256: String
    }

    public let directory: URL
    /// Tests only: the rename of this file fails, as a full disk or a crash between renames would.
    var failingRename: String?

    public init(directory: URL) { self.directory = directory }

    /// Writes `files` (and `SHA256SUMS`); returns one outcome per file, `SHA256SUMS` last.
    /// - Throws: `ReportError.outputNotWritable` (exit 73), with every previous file intact.
    @discardableResult
    public func write(_ files: [File]) throws -> [Outcome] {
        for file in files {
            precondition(!file.name.contains("/") && !file.name.hasPrefix(".") && file.name != ReportWriter.checksumsName,
                         "report file names are plain names")
        }
        try prepareDirectory()
        removeLeftovers()
        let hashes = Dictionary(files.map { ($0.name, SHA256.hexDigest(of: $0.contents)) }, uniquingKeysWith: { _, last in last })
        let sums = File(name: ReportWriter.checksumsName, text: checksums(for: hashes))
        let all = files.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) } + [sums]

        var changed: [File] = []
        for file in all {
            let path = url(file.name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    throw ReportError.outputNotWritable(path: path, reason: "a folder is in the way of the file")
                }
                if FileManager.default.contents(atPath: path) == file.contents { continue }
            }
            changed.append(file)
        }
        if !changed.isEmpty { try replace(changed) }
        let changedNames = Set(changed.map(\.name))
        return all.map { Outcome(name: $0.name, written: changedNames.contains($0.name), sha256: hashes[$0.name] ?? SHA256.hexDigest(of: $0.contents)) }
    }

    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    func prepareDirectory() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ReportError.outputNotWritable(path: directory.path, reason: "it is a file, not a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError.outputNotWritable(path: directory.path, reason: "the folder cannot be created")
        }
    }

    /// The checksum file: these files, and the still-present files the previous one listed.
    func checksums(for hashes: [String: String]) -> String {
        var entries = hashes
        if let previous = try? String(contentsOf: url(ReportWriter.checksumsName), encoding: .utf8) {
            for line in previous.split(separator: "\n") {
                guard let range = line.range(of: "  ") else { continue }
                let name = String(line[range.upperBound...])
                guard entries[name] == nil, !name.contains("/"), !name.hasPrefix("."), name != ReportWriter.checksumsName,
                      let data = FileManager.default.contents(atPath: url(name).path) else { continue }
                entries[name] = SHA256.hexDigest(of: data)
            }
        }
        return entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\(entries[$0]!)  \($0)\n" }.joined()
    }

    // MARK: All or nothing

    /// Temporary files and backups (`.NAME.PID.tmp`, `.NAME.PID.bak`) that a writer killed mid-way left
    /// in the folder, removed when their process is gone: a live writer's (another `scorecard
    /// report` into the same folder) are left alone.
    func removeLeftovers() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") && (name.hasSuffix(".tmp") || name.hasSuffix(".bak")) {
            let parts = name.dropLast(4).split(separator: ".")
            guard parts.count >= 2, let pid = pid_t(parts[parts.count - 1]), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { unlink(url(name).path) }
        }
    }

    private func replace(_ files: [File]) throws {
        let pid = getpid()
        var temporaries: [String] = []
        var backups: [String: String] = [:]  // target path → backup path
        func cleanUp() {
            for path in temporaries { unlink(path) }
            for path in backups.values { unlink(path) }
        }
        // 1. Every new content in full, on disk, beside its target.
        for file in files {
            let temporary = url(".\(file.name).\(pid).tmp").path
            do {
                try writeDurably(file.contents, to: temporary)
                temporaries.append(temporary)
            } catch {
                unlink(temporary)
                cleanUp()
                throw ReportError.outputNotWritable(path: directory.path, reason: "\(error)")
            }
        }
        Failpoint.replace.pause()
        // The last moment a stop can leave the reports as they were: after it, every file is replaced.
        do { try Interruption.checkpoint() } catch {
            cleanUp()
            throw error
        }
        // 2. A backup of every file about to be replaced (a hard link: no copy, same disk).
        for file in files {
            let target = url(file.name).path
            guard FileManager.default.fileExists(atPath: target) else { continue }
            let backup = url(".\(file.name).\(pid).bak").path
            unlink(backup)
            if link(target, backup) != 0 {
                let reason = String(cString: strerror(errno))
                // Without hard links, a copy does.
                guard let data = FileManager.default.contents(atPath: target), (try? writeDurably(data, to: backup)) != nil else {
                    cleanUp()
                    throw ReportError.outputNotWritable(path: target, reason: "cannot keep a backup: \(reason)")
                }
            }
            backups[target] = backup
        }
        // 3. Rename into place; on failure, put back what was replaced.
        var replaced: [String] = []
        for (file, temporary) in zip(files, temporaries) {
            let target = url(file.name).path
            let failed = file.name == failingRename ? true : rename(temporary, target) != 0
            if failed {
                let reason = file.name == failingRename ? "simulated failure" : String(cString: strerror(errno))
                for path in replaced {
                    if let backup = backups[path] { rename(backup, path) } else { unlink(path) }
                }
                cleanUp()
                throw ReportError.outputNotWritable(path: target, reason: reason)
            }
            replaced.append(target)
        }
        temporaries.removeAll()
        cleanUp()
        syncDirectory()
    }

    struct WriteFailure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\((path as NSString).lastPathComponent): \(reason)" }
    }

    private func writeDurably(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteFailure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = posixWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteFailure(path: path, reason: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
        guard fsync(descriptor) == 0 else { throw WriteFailure(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Makes the renames themselves durable.
    private func syncDirectory() {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, bytes, count)
    #else
    return Darwin.write(descriptor, bytes, count)
    #endif
}
