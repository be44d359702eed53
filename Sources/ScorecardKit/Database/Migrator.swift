import Crypto
import Foundation
import Logging
import Postgres

/// Brings a database's schema up to date, in two parts (docs/architecture.md, "Schema objects"):
/// - the numbered SQL files of `Schemas/` (tables and data), applied once each, in order, each in its
///   own transaction and recorded with its SHA-256, which must never change afterwards;
/// - the files of `Schemas/objects/` (views, functions, policies, triggers), which may change: when
///   any of them differs from what the database recorded, or a migration was applied, every object is
///   dropped and re-created from the files, in their order, inside the same transaction.
public struct Migrator {
    public struct Migration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let sql: String
        public var sha256: String { SHA256.hexDigest(of: Data(sql.utf8)) }
    }

    /// One file of `Schemas/objects/`, by its path below that folder.
    public struct ObjectFile: Sendable, Equatable {
        public let file: String
        public let sql: String
        public var sha256: String { SHA256.hexDigest(of: Data(sql.utf8)) }
    }

    public let migrations: [Migration]
    public let objects: [ObjectFile]
    let logger: Logger

    /// The migrations and schema objects embedded in the binary.
    public init(logger: Logger) {
        self.init(migrations: Migrator.embeddedMigrations, objects: Migrator.embeddedObjects, logger: logger)
    }

    public init(migrations: [Migration], objects: [ObjectFile] = Migrator.embeddedObjects, logger: Logger) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.objects = objects.sorted { $0.file < $1.file }
        self.logger = logger
    }

    static let objectsFolder = "Schemas/objects/"

    /// How long re-creating the objects waits for other sessions' queries on the tables to end.
    public var objectsLockTimeoutSeconds = 60

    /// The files of `Schemas/objects/` in dependency order: their paths' order (numbered folders and files).
    public static var embeddedObjects: [ObjectFile] {
        EmbeddedResources.files.compactMap { file -> ObjectFile? in
            guard file.path.hasPrefix(objectsFolder), file.path.hasSuffix(".sql") else { return nil }
            return ObjectFile(file: String(file.path.dropFirst(objectsFolder.count)), sql: file.contents)
        }.sorted { $0.file < $1.file }
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

    /// Held while the first migration creates the schema: before `scorecard.schema_migrations` exists
    /// there is no table to lock (and no reader role has been granted anything yet).
    static let bootstrapLockKey: Int64 = 0x5C0E_CA4D_0000_0001

    public struct Outcome: Sendable, Equatable {
        public var applied: [String]
        public var current: Int
        /// True when the schema objects were re-created from `Schemas/objects/`.
        public var objectsRecreated: Bool = false
    }

    /// Brings the database up to date. Safe to run concurrently and repeatedly.
    ///
    /// Each step is one transaction that first locks `scorecard.schema_migrations` (SHARE ROW
    /// EXCLUSIVE: two migrators take turns, and a reader role, which may only SELECT, can neither
    /// take nor block it, as it could an advisory lock), then reads what is applied and applies the
    /// next migration, or re-creates the objects. A new database, which has no such table yet, is
    /// made under an advisory lock instead.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> Outcome {
        if try tableExists(connection) {
            return try migrateSteps(connection)
        }
        return try connection.withAdvisoryLock(Migrator.bootstrapLockKey) { try migrateSteps(connection) }
    }

    private func migrateSteps(_ connection: Connection) throws -> Outcome {
        var outcome = Outcome(applied: [], current: migrations.last?.version ?? 0)
        while true {
            let finished = try connection.transaction { connection -> Bool in
                if try tableExists(connection) {
                    try connection.executeUnsafeTrustedScript("LOCK TABLE scorecard.schema_migrations IN SHARE ROW EXCLUSIVE MODE")
                }
                let recorded = try appliedMigrations(connection)
                try verify(recorded: recorded)
                let pending = migrations.filter { recorded[$0.version] == nil }
                guard let migration = pending.first else {
                    // Nothing left to apply: the objects, if a file changed since they were made.
                    if try !objectsAreCurrent(connection) {
                        try recreateObjects(connection)
                        outcome.objectsRecreated = true
                    }
                    return true
                }
                logger.info("applying migration \(migration.name)")
                try connection.executeUnsafeTrustedScript(migration.sql)
                try connection.execute("""
                    INSERT INTO scorecard.schema_migrations (version, name, sha256)
                    VALUES (\(migration.version), \(migration.name), \(migration.sha256))
                    """)
                // A migration may drop or change what an object reads: the objects are re-made in
                // the transaction of the last one.
                if pending.count == 1 {
                    try recreateObjects(connection)
                    outcome.objectsRecreated = true
                }
                outcome.applied.append(migration.name)
                return pending.count == 1
            }
            if finished { return outcome }
        }
    }

    func tableExists(_ connection: Connection) throws -> Bool {
        try connection.query("SELECT to_regclass('scorecard.schema_migrations') IS NOT NULL AS present").first!.decode("present", as: Bool.self)
    }

    /// True when the database's schema objects were made from exactly the files of `objects`.
    public func objectsAreCurrent(_ connection: Connection) throws -> Bool {
        let exists = try connection.query("SELECT to_regclass('scorecard.schema_objects') IS NOT NULL AS present")
            .first!.decode("present", as: Bool.self)
        guard exists else { return objects.isEmpty }
        var recorded: [String: String] = [:]
        for row in try connection.query("SELECT file, sha256 FROM scorecard.schema_objects") {
            recorded[try row.decode("file")] = try row.decode("sha256")
        }
        return recorded == expectedRecord
    }

    /// What `scorecard.schema_objects` holds once the objects are made: each file's SHA-256, and
    /// that of the reference list written beside them (`ReferenceStates`), when there are objects
    /// (a migrator without them, in a test, writes no list either).
    private var expectedRecord: [String: String] {
        var record = Dictionary(uniqueKeysWithValues: objects.map { ($0.file, $0.sha256) })
        if !objects.isEmpty { record[ReferenceStates.recordedName] = ReferenceStates.sha256 }
        return record
    }

    /// Drops every view, function, policy and trigger of the schema and makes them again from the
    /// files, in order; then the reader roles get their grants on the new views.
    func recreateObjects(_ connection: Connection) throws {
        guard !objects.isEmpty else { return }
        logger.info("re-creating the schema objects of Schemas/objects/ (\(objects.count) files)")
        // Dropping a policy or trigger locks its table against readers: a reader's long query makes
        // this wait, and new readers queue behind it. Waiting is bounded so a run fails (exit 75,
        // try later) rather than hang and stall every analyst.
        try connection.executeUnsafeTrustedScript("SET LOCAL lock_timeout = '\(objectsLockTimeoutSeconds)s'")
        do {
            try connection.executeUnsafeTrustedScript(QueryFiles.text("migrator/drop_schema_objects"))
        } catch let error as PostgresError where error.sqlState == .lockNotAvailable {
            throw MigrationError.objectsBusy(seconds: objectsLockTimeoutSeconds)
        }
        for object in objects {
            do {
                try connection.executeUnsafeTrustedScript(object.sql)
            } catch let error as PostgresError {
                throw MigrationError.objectFailed(file: object.file, reason: error.message)
            }
        }
        try ReferenceStates.write(connection)
        try connection.execute("DELETE FROM scorecard.schema_objects")
        for (file, sha256) in expectedRecord.sorted(by: { $0.key < $1.key }) {
            try connection.execute("INSERT INTO scorecard.schema_objects (file, sha256) VALUES (\(file), \(sha256))")
        }
        try connection.executeUnsafeTrustedScript("SELECT scorecard.grant_reader_privileges()")
    }

    /// Throws unless the database is exactly at the latest version (for read-only commands).
    public func pendingMigrations(_ connection: Connection) throws -> [Migration] {
        let recorded = try appliedMigrations(connection)
        try verify(recorded: recorded)
        return migrations.filter { recorded[$0.version] == nil }
    }

    struct Recorded { let name: String; let sha256: String }

    func appliedMigrations(_ connection: Connection) throws -> [Int: Recorded] {
        guard try tableExists(connection) else { return [:] }
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
    case objectFailed(file: String, reason: String)
    case objectsBusy(seconds: Int)

    public var description: String {
        switch self {
        case let .checksumMismatch(name, recorded, current):
            return "migration \(name) was changed after it was applied (recorded SHA-256 \(recorded.prefix(12))…, file now \(current.prefix(12))…). Applied migrations must never change: restore the file and add a new migration instead."
        case let .unknownVersion(version, name):
            return "the database has migration \(version) (\(name)) that this scorecard does not know: it was migrated by a newer version. Upgrade scorecard."
        case let .objectsBusy(seconds):
            return "the schema's views and functions must be re-created, but other sessions' queries held the tables for \(seconds) s; nothing was changed: try again later"
        case let .objectFailed(file, reason):
            return "Schemas/objects/\(file) could not be applied: \(reason). Nothing was changed."
        }
    }
}
