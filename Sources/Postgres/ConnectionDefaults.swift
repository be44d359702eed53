import Foundation

/// What every connection gets unless the connection string or the `PG*` variables give their own: a
/// name, and a bound on every wait of the session (libpq and PostgreSQL wait for ever by default).
extension Connection {
    /// The name in `pg_stat_activity` and the server's logs: libpq's `fallback_application_name`,
    /// so a user's `application_name` or `PGAPPNAME` wins.
    public static let defaultApplicationName = "scorecard"

    /// Connecting to a server that accepts TCP and never answers (seconds; `connect_timeout`,
    /// replaced by the URL's or `PGCONNECT_TIMEOUT`).
    public static let defaultConnectTimeoutSeconds = 10

    /// A statement waiting for a lock another session holds: then it fails with lock_not_available
    /// (exit 75). Shorter than the statement timeout, so a lock wait says what it is.
    public static let defaultLockTimeoutSeconds = 300

    /// A statement running, lock waits included: then the server cancels it (query_canceled, exit
    /// 124). A batch job has one, generous: a run that never ends keeps the run lock, and every later
    /// run exits 75, which the documented systemd unit counts as success, so publication would stop
    /// without a word. The job's longest statement takes about 10 s at 1,000,000 evidence records:
    /// 30 minutes ends only a plan gone wrong or a server gone slow, and says so.
    public static let defaultStatementTimeoutSeconds = 1800

    /// The session settings above, as libpq's `options`; the URL's `options` or `PGOPTIONS` replace
    /// them, both at once.
    static var defaultOptions: String {
        "-c lock_timeout=\(defaultLockTimeoutSeconds)s -c statement_timeout=\(defaultStatementTimeoutSeconds)s"
    }

    /// A server that stops answering in the middle of a query (host gone, network cut, a server that
    /// stopped reading): data it has not acknowledged for 2 minutes (`tcp_user_timeout`), or, while
    /// waiting for a result, keepalive probes after 60 s of silence, every 10 s, 6 unanswered, close
    /// the connection (exit 69). A healthy server busy with a long statement still answers probes
    /// (its kernel does), so these never end a long statement: the statement timeout does. libpq
    /// applies them to TCP connections only, and each keyword in the URL or conninfo replaces its
    /// default (libpq has no environment variables for them).
    public static let defaultTCPSettings: KeyValuePairs<String, String> = [
        "keepalives": "1",
        "keepalives_idle": "60",
        "keepalives_interval": "10",
        "keepalives_count": "6",
        "tcp_user_timeout": "120000",
    ]

    /// libpq's keywords and values for `conninfo` with the defaults above. The defaults come first:
    /// libpq keeps the last value of a repeated keyword, and the connection string (expanded from
    /// dbname) comes after them, so whatever it sets overrides them.
    static func parameters(_ conninfo: String) -> (keywords: [String], values: [String]) {
        var keywords = ["fallback_application_name"]
        var values = [defaultApplicationName]
        let environment = ProcessInfo.processInfo.environment
        if environment["PGCONNECT_TIMEOUT"] == nil {
            keywords.append("connect_timeout")
            values.append(String(defaultConnectTimeoutSeconds))
        }
        if environment["PGOPTIONS"] == nil {
            keywords.append("options")
            values.append(defaultOptions)
        }
        for (keyword, value) in defaultTCPSettings {
            keywords.append(keyword)
            values.append(value)
        }
        return (keywords + ["dbname"], values + [conninfo])
    }
}
