import CLibPQ

extension Connection {
    /// The SCRAM-SHA-256 verifier of `password` for `role`, computed here by libpq
    /// (`PQencryptPasswordConn`), so that `ALTER ROLE … PASSWORD` carries the verifier and the
    /// password itself never reaches the server, its logs or `pg_stat_activity`.
    public func scramSHA256Verifier(password: String, role: String) throws -> String {
        guard let verifier = PQencryptPasswordConn(handle, password, role, "scram-sha-256") else {
            throw PostgresError(kind: .query, connection: handle, query: nil)
        }
        defer { PQfreemem(verifier) }
        return String(cString: verifier)
    }
}
