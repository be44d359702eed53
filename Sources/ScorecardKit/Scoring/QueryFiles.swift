import Crypto
import Foundation
import Postgres

/// The named SQL queries of `Schemas/queries/`, embedded in the binary.
enum QueryFiles {
    static func text(_ name: String) -> String {
        let path = "Schemas/queries/\(name).sql"
        guard let file = EmbeddedResources.files.first(where: { $0.path == path }) else {
            fatalError("\(path) is not embedded (see scripts/embed-resources)")
        }
        return file.contents
    }

    /// What computes a score: the scoring queries and the rules they call (Schemas/objects/10_rules/).
    static let engineFolders = ["Schemas/queries/scoring/", "Schemas/objects/10_rules/"]

    /// SHA-256 over every scoring query and rule: part of each run's inputs, so that a run computed
    /// by other queries or rules is never taken for the same run.
    static let engineSHA256: String = {
        let files = EmbeddedResources.files.filter { file in engineFolders.contains { file.path.hasPrefix($0) } }
            .sorted { $0.path < $1.path }
        return SHA256.hexDigest(of: Data(files.map { "\($0.path)\n\($0.contents)" }.joined(separator: "\n").utf8))
    }()

    static func sql(_ name: String, _ parameters: [(any PostgresEncodable)?]) -> SQL {
        SQL(unsafeTrusted: text(name), parameters: parameters)
    }
}
