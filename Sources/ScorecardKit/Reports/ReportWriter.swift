import Crypto
import Foundation
import Postgres

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report files into a folder all or nothing, with a `SHA256SUMS` file beside them. Names
/// are paths inside the folder (`actors/nso-group.html`): their folders are made as needed.
///
/// - Every changed file is first written in full to a temporary file in the same folder and
///   flushed to disk; only then are the temporary files renamed over their targets, so a reader
///   never sees half a file.
/// - A file whose content is unchanged is not rewritten: it keeps its timestamp.
/// - If anything fails, the files already there are left as they were: temporary files are
///   removed, and targets already replaced are put back from hard-linked backups.
/// - `SHA256SUMS` (the format `sha256sum -c` reads: `<hex>  <name>`, sorted by name) lists every
///   file written now, and keeps the entries of files it listed before that are still in the folder
///   (re-hashed), so one checksum file covers every report in the folder. With `exact` (an edition
///   folder), the folder holds these files only: files the previous `SHA256SUMS` listed that are not
///   among them are removed, and it lists these alone.
public struct ReportWriter {
    public static let checksumsName = "SHA256SUMS"

    /// A file to write: its path in the folder, its SHA-256, and its content, produced in pieces when
    /// it is written (a file kept in parts in the database is never held whole).
    public struct File: Equatable {
        public let name: String
        public let sha256: String
        public let bytes: Int64
        let produce: (_ emit: (Data) throws -> Void) throws -> Void

        public init(name: String, sha256: String, bytes: Int64, produce: @escaping (_ emit: (Data) throws -> Void) throws -> Void) {
            self.name = name
            self.sha256 = sha256
            self.bytes = bytes
            self.produce = produce
        }

        public init(name: String, contents: Data) {
            self.init(name: name, sha256: SHA256.hexDigest(of: contents), bytes: Int64(contents.count)) { emit in try emit(contents) }
        }

        public init(name: String, text: String) { self.init(name: name, contents: Data(text.utf8)) }

        /// The whole content (for standard output and tests; writing streams it).
        public var contents: Data {
            var data = Data()
            try? produce { data.append($0) }
            return data
        }

        public static func == (a: File, b: File) -> Bool { a.name == b.name && a.sha256 == b.sha256 }
    }

    public struct Outcome: Sendable, Equatable {
        public let name: String
        /// False when the file already had exactly this content and was left alone.
        public let written: Bool
        public let sha256: String
    }

    public let directory: URL
    /// The folder is these files only (an edition folder); else other files' entries are kept.
    public let exact: Bool
    /// Tests only: the rename of this file fails, as a full disk or a crash between renames would.
    var failingRename: String?

    public init(directory: URL, exact: Bool = false) {
        self.directory = directory
        self.exact = exact
    }

    /// A path inside the folder: segments that are plain names, none starting with a dot.
    static func isInsidePath(_ name: String) -> Bool {
        let segments = name.split(separator: "/", omittingEmptySubsequences: false)
        return !segments.isEmpty && segments.allSatisfy { !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") }
    }

    /// Writes `files` (and `SHA256SUMS`); returns one outcome per file, `SHA256SUMS` last.
    /// - Throws: `ReportError.outputNotWritable` (exit 73) when a file or folder cannot be created or
    ///   renamed into place, `ReportError.outputFailed` (exit 74) when writing a created file failed;
    ///   either way with every previous file intact.
    @discardableResult
    public func write(_ files: [File]) throws -> [Outcome] {
        // The folder's checksums are computed here, from what is written (an edition's stored
        // SHA256SUMS lists the same files, and is left out).
        let files = files.filter { $0.name != ReportWriter.checksumsName }
        for file in files {
            precondition(ReportWriter.isInsidePath(file.name), "report file names are paths inside the folder")
        }
        try prepareDirectory()
        let previous = previousListing()
        for folder in Set(files.map { ($0.name as NSString).deletingLastPathComponent }) where !folder.isEmpty {
            try prepareDirectory(directory.appendingPathComponent(folder, isDirectory: true))
        }
        removeLeftovers()
        let hashes = Dictionary(files.map { ($0.name, $0.sha256) }, uniquingKeysWith: { _, last in last })
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
                if ReportWriter.sha256(ofFileAt: path) == file.sha256 { continue }
            }
            changed.append(file)
        }
        if !changed.isEmpty { try replace(changed) }
        if exact {
            let kept = Set(all.map(\.name))
            for name in previous where !kept.contains(name) { unlink(url(name).path) }
        }
        let changedNames = Set(changed.map(\.name))
        return all.map { Outcome(name: $0.name, written: changedNames.contains($0.name), sha256: $0.sha256) }
    }

    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    func prepareDirectory(_ directory: URL? = nil) throws {
        let directory = directory ?? self.directory
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

    /// The paths the folder's current `SHA256SUMS` lists (paths inside the folder only).
    func previousListing() -> [String] {
        guard let previous = try? String(contentsOf: url(ReportWriter.checksumsName), encoding: .utf8) else { return [] }
        return previous.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "  ") else { return nil }
            let name = String(line[range.upperBound...])
            return ReportWriter.isInsidePath(name) && name != ReportWriter.checksumsName ? name : nil
        }
    }

    /// The checksum file: these files, and (unless `exact`) the still-present files the previous one listed.
    func checksums(for hashes: [String: String]) -> String {
        var entries = hashes
        if !exact {
            for name in previousListing() where entries[name] == nil {
                guard let data = FileManager.default.contents(atPath: url(name).path) else { continue }
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
        for folder in [directory] + ReportWriter.subfolders.map({ directory.appendingPathComponent($0, isDirectory: true) }) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where name.hasPrefix(".") && (name.hasSuffix(".tmp") || name.hasSuffix(".bak")) {
                let parts = name.dropLast(4).split(separator: ".")
                guard parts.count >= 2, let pid = pid_t(parts[parts.count - 1]), pid > 0, pid != getpid() else { continue }
                if kill(pid, 0) == -1 && errno == ESRCH { unlink(folder.appendingPathComponent(name).path) }
            }
        }
    }

    /// The folders inside an edition folder where files are written (`EditionLayout`).
    static let subfolders = [EditionLayout.actorsFolder, EditionLayout.dataFolder]

    /// `actors/.nso-group.html.123.tmp`: beside its target, hidden.
    static func sidecar(_ name: String, _ suffix: String) -> String {
        let folder = (name as NSString).deletingLastPathComponent
        let base = (name as NSString).lastPathComponent
        return (folder.isEmpty ? "" : folder + "/") + ".\(base).\(suffix)"
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
            let temporary = url(ReportWriter.sidecar(file.name, "\(pid).tmp")).path
            do {
                try writeDurably(file, to: temporary)
                temporaries.append(temporary)
            } catch let failure as WriteFailure {
                unlink(temporary)
                cleanUp()
                // Not created (permissions, a name in the way) is 73; created but not written to
                // its end (a full disk, an I/O error) is 74, naming the report, not its temporary.
                throw failure.created
                    ? ReportError.outputFailed(path: url(file.name).path, reason: failure.reason)
                    : ReportError.outputNotWritable(path: directory.path, reason: "\(failure)")
            } catch {
                // The producer's own failure (a stop asked for while a stored file is read, the
                // database gone, a staged file unreadable) is not this folder's: it keeps its meaning
                // and its exit code.
                unlink(temporary)
                cleanUp()
                throw error
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
            let backup = url(ReportWriter.sidecar(file.name, "\(pid).bak")).path
            unlink(backup)
            if link(target, backup) != 0 {
                let reason = String(cString: strerror(errno))
                // Without hard links, a copy does.
                guard let data = FileManager.default.contents(atPath: target),
                      (try? writeDurably(File(name: file.name, contents: data), to: backup)) != nil else {
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
        /// False when the file could not even be created; true when a write, the flush or the close failed.
        let created: Bool
        var description: String { "\((path as NSString).lastPathComponent): \(reason)" }
    }

    /// Writes a file's pieces as they are produced, then flushes it to disk.
    private func writeDurably(_ file: File, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteFailure(path: path, reason: String(cString: strerror(errno)), created: false) }
        func failed() -> WriteFailure { WriteFailure(path: path, reason: String(cString: strerror(errno)), created: true) }
        do {
            try file.produce { data in
                try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                    guard let base = buffer.baseAddress else { return }
                    var offset = 0
                    while offset < buffer.count {
                        let n = posixWrite(descriptor, base + offset, buffer.count - offset)
                        if n < 0 {
                            if errno == EINTR { continue }
                            throw failed()
                        }
                        offset += n
                    }
                }
            }
            guard fsync(descriptor) == 0 else { throw failed() }
        } catch {
            close(descriptor)
            throw error
        }
        // Some file systems (NFS) report a failed write only when the file is closed.
        guard close(descriptor) == 0 else { throw failed() }
    }

    /// The SHA-256 of a file on disk, read 1 MB at a time; nil if it cannot be read.
    static func sha256(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { return nil }
            // nil or empty: the end of the file.
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().hex
    }

    /// Makes the renames themselves durable.
    private func syncDirectory() {
        for folder in [directory] + ReportWriter.subfolders.map({ directory.appendingPathComponent($0, isDirectory: true) }) {
            let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            fsync(descriptor)
            close(descriptor)
        }
    }
}

private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, bytes, count)
    #else
    return Darwin.write(descriptor, bytes, count)
    #endif
}
