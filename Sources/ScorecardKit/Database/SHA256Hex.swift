import Crypto
import Foundation

extension SHA256 {
    /// Lower-case hex SHA-256 of `data`.
    public static func hexDigest(of data: Data) -> String {
        hash(data: data).hex
    }
}

extension SHA256Digest {
    /// Lower-case hex, the form every digest in the database and the reports takes.
    public var hex: String { map { String(format: "%02x", $0) }.joined() }
}
