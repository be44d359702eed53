extension Connection {
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// Not nestable: a transaction is the unit that either lands whole or not at all, and
    /// hiding savepoints inside would blur that.
    public func transaction<T>(
        isolation: IsolationLevel = .readCommitted,
        _ body: (Connection) throws -> T
    ) throws -> T {
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
