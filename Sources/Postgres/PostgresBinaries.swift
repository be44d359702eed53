import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The folder holding the PostgreSQL server programs (initdb, pg_ctl, postgres) and,
/// beside them on Debian and Ubuntu, the client programs (createdb, pg_isready, psql).
public struct PostgresBinaries: Sendable {
    public let directory: URL

    /// The programs that must be in a folder for it to count as a PostgreSQL installation.
    static let serverPrograms = ["initdb", "pg_ctl", "postgres"]

    public func executable(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }

    /// Finds the installation on this machine: `pg_config --bindir` first, else the newest
    /// `/usr/lib/postgresql/<version>/bin`.
    public static func locate() throws -> PostgresBinaries {
        try locate(using: .system)
    }

    /// The path of a client program (psql, createdb, ...): the one beside the server programs
    /// when there are any, else the one on PATH; nil when there is neither.
    public static func locateClient(_ name: String) -> String? {
        if let installed = try? locate() {
            let program = installed.executable(name)
            if access(program.path, X_OK) == 0 { return program.path }
        }
        return ExecutableSearchPath.find(name)?.path
    }

    static func locate(using search: PostgresBinarySearch) throws -> PostgresBinaries {
        if let pgConfig = search.pgConfig,
           let directory = Self.binDirectory(reportedBy: pgConfig),
           Self.holdsServerPrograms(directory) {
            return PostgresBinaries(directory: directory)
        }
        for installRoot in search.versionedInstallRoots {
            for directory in Self.versionedBinDirectories(under: installRoot) where Self.holdsServerPrograms(directory) {
                return PostgresBinaries(directory: directory)
            }
        }
        let searched = [search.pgConfig.map { "`\($0.path) --bindir`" } ?? "pg_config (not on PATH)"]
            + search.versionedInstallRoots.map { "\($0.path)/*/bin" }
        throw EmbeddedClusterError(.binariesNotFound, """
            The PostgreSQL server programs (\(serverPrograms.joined(separator: ", "))) were not found \
            (looked in: \(searched.joined(separator: ", "))). Scorecard runs its own private PostgreSQL \
            when no database URL is given, so install PostgreSQL: on Debian/Ubuntu run \
            `apt-get install -y postgresql`. Or give the URL of an existing server instead.
            """)
    }

    private static func binDirectory(reportedBy pgConfig: URL) -> URL? {
        guard let outcome = try? ProcessRunner.isolatedFromPostgresEnvironment().run(pgConfig, ["--bindir"]),
              outcome.succeeded else { return nil }
        let path = outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : URL(fileURLWithPath: path, isDirectory: true)
    }

    private static func holdsServerPrograms(_ directory: URL) -> Bool {
        serverPrograms.allSatisfy { access(directory.appendingPathComponent($0).path, X_OK) == 0 }
    }

    /// `<root>/<version>/bin`, newest version first ("16" before "9.6").
    private static func versionedBinDirectories(under installRoot: URL) -> [URL] {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: installRoot.path)) ?? []
        return versions
            .compactMap { name -> (version: [Int], name: String)? in
                let parts = name.split(separator: ".").map { Int($0) }
                guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
                return (parts.map { $0! }, name)
            }
            .sorted { $0.version.lexicographicallyPrecedes($1.version) }
            .reversed()
            .map { installRoot.appendingPathComponent($0.name).appendingPathComponent("bin", isDirectory: true) }
    }
}

/// Where to look for PostgreSQL; tests substitute empty places to see the missing-binaries error.
struct PostgresBinarySearch: Sendable {
    /// The `pg_config` program to ask for `--bindir`, if any.
    var pgConfig: URL?
    /// Folders holding one `<version>/bin` folder per installed major version.
    var versionedInstallRoots: [URL]

    static var system: PostgresBinarySearch {
        PostgresBinarySearch(
            pgConfig: ExecutableSearchPath.find("pg_config"),
            versionedInstallRoots: [URL(fileURLWithPath: "/usr/lib/postgresql", isDirectory: true)]
        )
    }
}

/// Looks a program up on `PATH`, as a shell would.
enum ExecutableSearchPath {
    static func find(_ name: String, extraDirectories: [String] = []) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + extraDirectories
        for directory in directories where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if access(candidate.path, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
