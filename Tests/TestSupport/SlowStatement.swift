import Foundation
import Postgres

/// A statement of the job that runs for ten minutes, on demand: a statement-level trigger (in schema
/// public, which the migrator leaves alone) that sleeps in the scoring's insert into
/// `scorecard.indicator_values`. For tests of what ends a long statement: a cancel, a timeout.
public enum SlowStatement {
    /// How long the statement sleeps: far longer than any test waits.
    public static let seconds = 600

    public static func install(on connection: Connection) throws {
        try connection.executeUnsafeTrustedScript("""
            CREATE FUNCTION public.slow_statement() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(\(seconds)); RETURN NULL; END $$;
            CREATE TRIGGER slow_statement AFTER INSERT ON scorecard.indicator_values
                FOR EACH STATEMENT EXECUTE FUNCTION public.slow_statement();
            """)
    }

    public static func remove(from connection: Connection) throws {
        try connection.executeUnsafeTrustedScript("""
            DROP TRIGGER slow_statement ON scorecard.indicator_values; DROP FUNCTION public.slow_statement()
            """)
    }

    /// Waits (up to `timeout` seconds) until a session of the database sleeps in the statement;
    /// returns the statement's text, or nil.
    public static func waitUntilRunning(seen connection: Connection, timeout: TimeInterval = 120) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let query = try sleepingStatement(seen: connection) { return query }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// The text of the statement a session of the database sleeps in, if one does.
    public static func sleepingStatement(seen connection: Connection) throws -> String? {
        try connection.query("""
            SELECT query FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND wait_event = 'PgSleep'
            """).first?.decode("query", as: String.self)
    }
}
