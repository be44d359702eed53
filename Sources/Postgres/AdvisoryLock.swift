/// Session-level advisory locks
/// (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS).
/// The server releases them when the session ends, so a killed process never leaves one held.
extension Connection {
    /// Takes the lock, waiting for as long as another session holds it.
    public func advisoryLock(_ key: Int64) throws {
        try query("SELECT pg_advisory_lock(\(key))")
    }

    /// Takes the lock if it is free; returns false at once if another session holds it.
    public func tryAdvisoryLock(_ key: Int64) throws -> Bool {
        try query("SELECT pg_try_advisory_lock(\(key)) AS acquired").first!.decode("acquired", as: Bool.self)
    }

    public func advisoryUnlock(_ key: Int64) throws {
        try query("SELECT pg_advisory_unlock(\(key))")
    }

    /// Runs `body` holding the lock. With `wait: false`, throws `AdvisoryLockBusy` when
    /// another session holds it.
    public func withAdvisoryLock<T>(_ key: Int64, wait: Bool = true, _ body: () throws -> T) throws -> T {
        if wait {
            try advisoryLock(key)
        } else if try !tryAdvisoryLock(key) {
            throw AdvisoryLockBusy(key: key)
        }
        defer {
            if isHealthy { _ = try? advisoryUnlock(key) }
        }
        return try body()
    }
}

/// Another session holds the advisory lock asked for.
public struct AdvisoryLockBusy: Error, Sendable, CustomStringConvertible {
    public let key: Int64
    public var description: String { "another session holds advisory lock \(key)" }
}
