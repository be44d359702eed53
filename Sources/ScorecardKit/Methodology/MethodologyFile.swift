import Crypto
import Foundation

/// A methodology file as read: its text and hash (which every score names) and the parsed model.
public struct MethodologyFile: Sendable {
    public let path: String
    public let text: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public let sha256: String
    public let methodology: Methodology

    /// Reads and parses the file at `path`.
    /// - Throws: `MethodologyMissing` (exit 66) when it cannot be read or is not a regular file (a
    ///   named pipe is not opened), `MethodologyInvalid` (exit 78) when it is not valid.
    public static func load(path: String) throws -> MethodologyFile {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw MethodologyMissing(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw MethodologyMissing(path: path, reason: "is a folder, not a methodology file")
        }
        if let reason = NonRegularFile.reason(atPath: url.path) { throw MethodologyMissing(path: path, reason: reason) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw MethodologyMissing(path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MethodologyInvalid(path: path, problems: [invalidUTF8(Array(data), path: path)])
        }
        return try parse(text: text, path: path, sha256: SHA256.hexDigest(of: data))
    }

    /// Where the bytes stop being UTF-8: the line, and the byte on that line.
    static func invalidUTF8(_ bytes: [UInt8], path: String) -> MethodologyProblem {
        let offset = UTF8Prefix.validLength(bytes)
        let before = bytes[..<min(offset, bytes.count)]
        let line = 1 + before.filter { $0 == 10 }.count
        let column = offset - (before.lastIndex(of: 10).map { $0 + 1 } ?? 0) + 1
        let byte = offset < bytes.count ? bytes[offset] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        return MethodologyProblem(file: path, line: line, reason: "is not valid UTF-8 text: byte 0x\(hex.count == 1 ? "0" : "")\(hex) "
            + "at byte \(column) of the line (save the file as UTF-8)")
    }

    /// Parses `text` as the content of the file at `path` (used in messages).
    /// - Throws: `MethodologyInvalid` listing every problem, sorted by line.
    public static func parse(text: String, path: String) throws -> MethodologyFile {
        try parse(text: text, path: path, sha256: SHA256.hexDigest(of: Data(text.utf8)))
    }

    private static func parse(text: String, path: String, sha256: String) throws -> MethodologyFile {
        switch MethodologyParser.parse(text: text, file: path) {
        case .success(let methodology):
            return MethodologyFile(path: path, text: text, sha256: sha256, methodology: methodology)
        case .failure(let invalid):
            throw invalid
        }
    }
}
