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
