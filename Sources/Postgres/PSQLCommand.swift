import Foundation

/// Runs SQL through the `psql` program, for test setup and checks against any server URL
/// without going through libpq in-process.
public enum PSQLCommand {
    /// Runs `sql` on the server at `url` and returns psql's unaligned, tuples-only output
    /// (one row a line, columns separated by `|`). Never prompts for a password.
    public static func run(_ sql: String, on url: String) throws -> String {
        let psql = try executable()
        let outcome = try ProcessRunner.inheritingEnvironment().run(
            psql, ["--no-psqlrc", "--no-password", "--quiet", "--no-align", "--tuples-only",
                   "--set=ON_ERROR_STOP=1", "--dbname=\(url)", "--command=\(sql)"])
        guard outcome.succeeded else {
            throw EmbeddedClusterError(.commandFailed, "psql failed (exit \(outcome.exitStatus)) running `\(sql)`:\n\(outcome.combinedOutput)")
        }
        return outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func executable() throws -> URL {
        if let psql = PostgresBinaries.locateClient("psql") { return URL(fileURLWithPath: psql) }
        throw EmbeddedClusterError(.binariesNotFound, "psql was not found. Install the PostgreSQL client: on Debian/Ubuntu run `apt-get install -y postgresql-client`.")
    }
}
