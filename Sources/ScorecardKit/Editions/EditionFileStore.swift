import Crypto
import Foundation
import Postgres

/// Keeps an edition's files in the database as they are rendered (`scorecard.edition_files`), a
/// large file in parts of about `partSize` bytes (`edition_file_parts`), so that no file is held
/// whole: its SHA-256 and size are computed as the pieces pass. Used inside the transaction that
/// publishes the edition: a crash leaves a whole edition or none.
final class EditionFileStore: EditionFileSink {
    static let partSize = 1 << 20

    let connection: Connection
    let editionID: Int64
    private(set) var count = 0

    init(connection: Connection, editionID: Int64) {
        self.connection = connection
        self.editionID = editionID
    }

    func add(_ path: String, _ write: (_ emit: (String) throws -> Void) throws -> Void) throws {
        var hasher = SHA256()
        var bytes: Int64 = 0
        var buffer = ""
        var parts: Int32 = 0
        func flush() throws {
            try connection.execute(QueryFiles.sql("editions/insert_file_part", [editionID, path, parts, buffer]))
            parts += 1
            buffer = ""
        }
        try write { piece in
            hasher.update(data: Data(piece.utf8))
            bytes += Int64(piece.utf8.count)
            buffer += piece
            if buffer.utf8.count >= EditionFileStore.partSize { try flush() }
        }
        if parts > 0 && !buffer.isEmpty { try flush() }
        let sha = hasher.finalize().hex
        try connection.execute(QueryFiles.sql("editions/insert_file", [editionID, path, sha, bytes, parts > 0 ? nil : buffer]))
        count += 1
    }
}
