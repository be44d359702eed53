import Foundation
import Logging

/// Which PostgreSQL a command talks to, resolved the way libpq users expect:
/// an explicit URL (`--database-url`), else the workspace's configured URL, else `DATABASE_URL`,
/// else the standard `PG*` environment variables (read by libpq itself), else the embedded
/// private cluster.
public enum DatabaseLocation: Sendable {
    case url(String, origin: Origin)
    /// libpq's defaults and the named `PG*` variables.
    case environment(variables: [String])
    case embedded(EmbeddedCluster)

    public enum Origin: String, Sendable {
        case option = "--database-url"
        case workspace = "the workspace's scorecard.yaml"
        case environment = "DATABASE_URL"
    }

    /// The variables libpq reads to choose a server (https://www.postgresql.org/docs/current/libpq-envars.html).
    public static let selectingVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE", "PGSERVICEFILE"]

    public static func resolve(
        explicitURL: String?,
        configuredURL: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        embeddedRoot: URL,
        logger: Logger
    ) -> DatabaseLocation {
        if let explicitURL, !explicitURL.isEmpty { return .url(explicitURL, origin: .option) }
        if let configuredURL, !configuredURL.isEmpty { return .url(configuredURL, origin: .workspace) }
        if let url = environment["DATABASE_URL"], !url.isEmpty { return .url(url, origin: .environment) }
        let present = selectingVariables.filter { !(environment[$0] ?? "").isEmpty }
        if !present.isEmpty { return .environment(variables: present) }
        return .embedded(EmbeddedCluster(root: embeddedRoot, logger: logger))
    }

    /// The conninfo string for libpq.
    public var conninfo: String {
        switch self {
        case let .url(url, _): return url
        case .environment: return ""
        case let .embedded(cluster): return cluster.connectionURL
        }
    }

    /// Says where the connection goes, without any password.
    public var summary: String {
        switch self {
        case let .url(url, origin): return "\(DatabaseLocation.redactingPassword(url)) (from \(origin.rawValue))"
        case let .environment(variables): return "libpq environment (\(variables.joined(separator: ", ")))"
        case let .embedded(cluster): return "embedded cluster at \(cluster.root.path)"
        }
    }

    /// Hides the password of a `postgresql://user:password@host/db` URL or a `password=` setting.
    public static func redactingPassword(_ conninfo: String) -> String {
        var text = conninfo
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") {
            let credentials = text[scheme.upperBound..<at]
            if let colon = credentials.firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: "***")
            }
        }
        if let range = text.range(of: #"password=[^&\s]*"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "password=***")
        }
        return text
    }

    /// Opens a connection, starting the embedded cluster first if that is the location.
    public func connect(logger: Logger) throws -> Connection {
        if case let .embedded(cluster) = self { try cluster.start() }
        return try Connection(conninfo: conninfo, logger: logger)
    }
}
