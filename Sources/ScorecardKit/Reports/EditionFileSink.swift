import Crypto
import Foundation

/// Receives an edition's files as they are rendered, one whole file at a time, each in pieces, so
/// that no file (a data file of a million contributions) and no edition need be held in memory.
/// Paths are edition-relative (`EditionLayout`). Where the files go (the database, a folder, a test's
/// memory) is the sink's business; renderers only emit.
public protocol EditionFileSink: AnyObject {
    /// Adds the file at `path`: `write` calls `emit` with its content in consecutive pieces.
    func add(_ path: String, _ write: (_ emit: (String) throws -> Void) throws -> Void) throws
}

extension EditionFileSink {
    /// Adds a file rendered whole.
    public func add(_ path: String, text: String) throws { try add(path) { emit in try emit(text) } }
}

/// Keeps the files in memory, in the order added: for tests and small editions.
public final class EditionFilesInMemory: EditionFileSink {
    public private(set) var files: [(path: String, contents: Data)] = []

    public init() {}

    public func add(_ path: String, _ write: (_ emit: (String) throws -> Void) throws -> Void) throws {
        var contents = Data()
        try write { contents.append(contentsOf: $0.utf8) }
        files.append((path, contents))
    }

    /// The files, for `ReportWriter`.
    public var writerFiles: [ReportWriter.File] { files.map { ReportWriter.File(name: $0.path, contents: $0.contents) } }

    public func text(_ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
    }
}

/// Stages the files in a private temporary folder as they are rendered, hashing them on the way,
/// so that writing an edition that is not stored in the database (`scorecard report` of a period
/// with no edition, the provisional current period) holds no file in memory. The folder is removed
/// when the sink goes.
public final class EditionFilesOnDisk: EditionFileSink {
    public let folder: URL
    private var staged: [(path: String, sha256: String, bytes: Int64)] = []

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-edition-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    public func add(_ path: String, _ write: (_ emit: (String) throws -> Void) throws -> Void) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw ReportError.outputNotWritable(path: folder.path, reason: "the temporary folder cannot be written")
        }
        guard let handle = FileHandle(forWritingAtPath: url.path) else {
            throw ReportError.outputNotWritable(path: folder.path, reason: "the temporary folder cannot be written")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes: Int64 = 0
        try write { piece in
            let data = Data(piece.utf8)
            hasher.update(data: data)
            bytes += Int64(data.count)
            // Created, but not written to its end (a full disk): exit 74, as for the report file itself.
            do { try handle.write(contentsOf: data) } catch {
                throw ReportError.outputFailed(path: url.path, reason: "staging the report in the temporary folder: \(FileErrorReason.of(error))")
            }
        }
        staged.append((path, hasher.finalize().hex, bytes))
    }

    /// The files, for `ReportWriter`: each read back from the staging folder 1 MB at a time. Each
    /// holds the sink (and so its folder) until it is gone.
    public var writerFiles: [ReportWriter.File] {
        staged.map { file in
            let url = folder.appendingPathComponent(file.path)
            return ReportWriter.File(name: file.path, sha256: file.sha256, bytes: file.bytes) { emit in
                try withExtendedLifetime(self) {
                    guard let handle = FileHandle(forReadingAtPath: url.path) else {
                        throw ReportError.outputNotWritable(path: self.folder.path, reason: "a staged file cannot be read back")
                    }
                    defer { try? handle.close() }
                    while true {
                        let chunk: Data?
                        do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                            throw ReportError.outputNotWritable(path: self.folder.path, reason: "a staged file cannot be read back (\(FileErrorReason.of(error)))")
                        }
                        guard let chunk, !chunk.isEmpty else { break }
                        try emit(chunk)
                    }
                }
            }
        }
    }
}
