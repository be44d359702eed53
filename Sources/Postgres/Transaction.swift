extension Connection {
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// Not nestable, but inside `rehearsal`: a transaction is the unit that either lands whole or
    /// not at all, and hiding savepoints inside would blur that. In a rehearsal, which lands
    /// nothing anyway, each inner transaction is a savepoint, so the rehearsed code runs unchanged.
    public func transaction<T>(
        isolation: IsolationLevel = .readCommitted,
        _ body: (Connection) throws -> T
    ) throws -> T {
        if isRehearsing { return try savepoint(body) }
        precondition(!isInTransaction, "Connection.transaction does not nest")
        try executeUnsafeTrustedScript("BEGIN ISOLATION LEVEL \(isolation.rawValue)")
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackQuietly()
            throw error
        }
        do {
            try executeUnsafeTrustedScript("COMMIT")
        } catch {
            rollbackQuietly()
            throw error
        }
        return value
    }

    /// Runs `body` in a transaction that is always rolled back, whatever it does: what a change
    /// would write, seen and then undone (`scorecard preview`). Transactions inside it are savepoints.
    public func rehearsal<T>(_ body: (Connection) throws -> T) throws -> T {
        precondition(!isInTransaction, "Connection.rehearsal does not nest")
        try executeUnsafeTrustedScript("BEGIN ISOLATION LEVEL READ COMMITTED")
        isRehearsing = true
        defer {
            isRehearsing = false
            rollbackQuietly()
        }
        return try body(self)
    }

    private func savepoint<T>(_ body: (Connection) throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "rehearsed_\(savepointDepth)"
        try executeUnsafeTrustedScript("SAVEPOINT \(name)")
        do {
            let value = try body(self)
            try executeUnsafeTrustedScript("RELEASE SAVEPOINT \(name)")
            return value
        } catch {
            if isHealthy { try? executeEvenWhenInterrupted("ROLLBACK TO SAVEPOINT \(name)") }
            throw error
        }
    }

    public enum IsolationLevel: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
        case serializable = "SERIALIZABLE"
    }

    /// A failed ROLLBACK (say, on a broken connection) must not hide the error that caused it. It is
    /// sent even after a stop was requested (`Interruption`): it is how the stop leaves nothing behind.
    private func rollbackQuietly() {
        guard isHealthy, isInTransaction else { return }
        do { try executeEvenWhenInterrupted("ROLLBACK") } catch {
            logger.warning("rollback failed: \(error)")
        }
    }
}
