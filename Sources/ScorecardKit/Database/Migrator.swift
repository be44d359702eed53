import Crypto
import Foundation
import Logging
import Postgres

/// Applies the numbered SQL files of `Schemas/` in order, each in its own transaction,
/// recording each with its SHA-256.
public struct Migrator {
    public struct Migration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let sql: String
        public var sha256: String { SHA256.hexDigest(of: Data(sql.utf8)) }
    }

    public let migrations: [Migration]
    let logger: Logger

    /// The migrations embedded in the binary.
    public init(logger: Logger) {
        self.init(migrations: Migrator.embeddedMigrations, logger: logger)
    }

    public init(migrations: [Migration], logger: Logger) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    public static var embeddedMigrations: [Migration] {
        EmbeddedResources.files.compactMap { file -> Migration? in
            // Only the numbered files at the top of Schemas/ are migrations (Schemas/queries/ is not).
            guard file.path.hasPrefix("Schemas/"), file.path.hasSuffix(".sql") else { return nil }
            let name = String(file.path.dropFirst("Schemas/".count))
            guard !name.contains("/"), let version = Int(name.prefix { $0.isNumber }) else { return nil }
            return Migration(version: version, name: name, sql: file.contents)
        }
    }

    /// Held while migrating, so two processes never apply the same file twice.
    static let lockKey: Int64 = 0x5C0E_CA4D_0000_0001

    public struct Outcome: Sendable, Equatable {
        public var applied: [String]
        public var current: Int
    }

    /// Brings the database up to date. Safe to run concurrently and repeatedly.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> Outcome {
        try connection.withAdvisoryLock(Migrator.lockKey) {
            let recorded = try appliedMigrations(connection)
            try verify(recorded: recorded)
            var applied: [String] = []
            for migration in migrations where recorded[migration.version] == nil {
                logger.info("applying migration \(migration.name)")
                try connection.transaction { connection in
                    try connection.executeUnsafeTrustedScript(migration.sql)
                    try connection.execute("""
                        INSERT INTO scorecard.schema_migrations (version, name, sha256)
                        VALUES (\(migration.version), \(migration.name), \(migration.sha256))
                        """)
                }
                applied.append(migration.name)
            }
            return Outcome(applied: applied, current: migrations.last?.version ?? 0)
        }
    }

    /// Throws unless the database is exactly at the latest version (for read-only commands).
    public func pendingMigrations(_ connection: Connection) throws -> [Migration] {
        let recorded = try appliedMigrations(connection)
        try verify(recorded: recorded)
        return migrations.filter { recorded[$0.version] == nil }
    }

    struct Recorded { let name: String; let sha256: String }

    func appliedMigrations(_ connection: Connection) throws -> [Int: Recorded] {
        let exists = try connection.query("SELECT to_regclass('scorecard.schema_migrations') IS NOT NULL AS present")
            .first!.decode("present", as: Bool.self)
        guard exists else { return [:] }
        var recorded: [Int: Recorded] = [:]
        for row in try connection.query("SELECT version, name, sha256 FROM scorecard.schema_migrations ORDER BY version") {
            recorded[try row.decode("version")] = Recorded(name: try row.decode("name"), sha256: try row.decode("sha256"))
        }
        return recorded
    }

    func verify(recorded: [Int: Recorded]) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for (version, row) in recorded.sorted(by: { $0.key < $1.key }) {
            guard let migration = known[version] else {
                throw MigrationError.unknownVersion(version: version, name: row.name)
            }
            guard migration.sha256 == row.sha256 else {
                throw MigrationError.checksumMismatch(name: migration.name, recorded: row.sha256, current: migration.sha256)
            }
        }
    }
}

public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case checksumMismatch(name: String, recorded: String, current: String)
    case unknownVersion(version: Int, name: String)

    public var description: String {
        switch self {
        case let .checksumMismatch(name, recorded, current):
            return "migration \(name) was changed after it was applied (recorded SHA-256 \(recorded.prefix(12))…, file now \(current.prefix(12))…). Applied migrations must never change: restore the file and add a new migration instead."
        case let .unknownVersion(version, name):
            return "the database has migration \(version) (\(name)) that this scorecard does not know: it was migrated by a newer version. Upgrade scorecard."
        }
    }
}
