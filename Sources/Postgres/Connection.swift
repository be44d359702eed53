import CLibPQ
import Foundation
import Logging

/// One connection to PostgreSQL. It owns its `PGconn` and closes it in `deinit`.
///
/// A connection is used by one thread at a time (libpq connections are not thread-safe),
/// so the type is deliberately not `Sendable`: open one per task.
public final class Connection {
    let handle: OpaquePointer
    public let logger: Logger
    private let noticeSink: NoticeSink
    /// Inside `rehearsal`: inner transactions are savepoints, and everything is rolled back.
    public internal(set) var isRehearsing = false
    var savepointDepth = 0
    /// Cursors declared so far on this connection (`forEachBatch`): each gets a name of its own.
    var cursorCount = 0
    /// Registered with `Interruption` while the connection is open, so a stop cancels its statement.
    private let cancelRequest: CancelRequest?

    /// Connects with a libpq connection string or URL
    /// (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING).
    /// An empty string uses libpq's defaults and the `PG*` environment variables. Scorecard's own
    /// defaults (a name, and a bound on every wait) come first: `ConnectionDefaults.swift`.
    public init(conninfo: String, logger: Logger) throws {
        self.logger = logger
        let (keywords, values) = Connection.parameters(conninfo)
        let connected: OpaquePointer? = keywords.withCStrings { keywordPointers in
            values.withCStrings { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let handle = connected else {
            throw PostgresError(kind: .connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let error = PostgresError(kind: .connection, connection: handle, query: nil)
            PQfinish(handle)  // a failed connect still owns memory
            throw error
        }
        self.handle = handle
        noticeSink = NoticeSink(logger: logger)
        cancelRequest = CancelRequest(connection: handle)
        cancelRequest.map(Interruption.register)
        PQsetNoticeReceiver(handle, { context, result in
            guard let context, let result else { return }
            Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue().receive(result)
        }, Unmanaged.passUnretained(noticeSink).toOpaque())
        // Fixed session settings make decoding and output independent of server defaults.
        try executeUnsafeTrustedScript("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; SET client_encoding = 'UTF8'")
    }

    deinit {
        cancelRequest.map(Interruption.unregister)
        PQfinish(handle)
    }

    /// Whether a server answers at `conninfo`, without logging in (libpq's `PQping`).
    public static func ping(conninfo: String) -> PingResult {
        let (keywords, values) = parameters(conninfo)
        let result = keywords.withCStrings { k in values.withCStrings { v in PQpingParams(k, v, 1) } }
        switch result {
        case PQPING_OK: return .accepting
        case PQPING_REJECT: return .rejecting
        case PQPING_NO_RESPONSE: return .noResponse
        default: return .badParameters
        }
    }

    public enum PingResult: String, Sendable {
        case accepting = "accepting connections"
        case rejecting = "rejecting connections (starting up or shutting down)"
        case noResponse = "no response"
        case badParameters = "invalid connection parameters"
    }

    /// The value libpq used for a connection keyword (e.g. `connect_timeout`), nil when unset.
    public func option(_ keyword: String) -> String? {
        guard let options = PQconninfo(handle) else { return nil }
        defer { PQconninfoFree(options) }
        var option = options
        while let name = option.pointee.keyword {
            if String(cString: name) == keyword { return option.pointee.val.map { String(cString: $0) } }
            option += 1
        }
        return nil
    }

    /// The connection's socket (for tests of its settings).
    var socketDescriptor: Int32 { PQsocket(handle) }

    /// The server's version number, e.g. 150018.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }
    public var databaseName: String { String(cString: PQdb(handle)) }
    public var userName: String { String(cString: PQuser(handle)) }

    /// Runs one parameterised statement and returns its rows.
    @discardableResult
    public func query(_ sql: SQL) throws -> QueryResult {
        try Interruption.checkpoint()
        let started = DispatchTime.now()
        let result = withParameters(sql) { types, values, lengths, formats in
            PQexecParams(handle, sql.text, Int32(sql.bindings.count), types, values, lengths, formats, 0)
        }
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            logger.trace("query", metadata: ["sql": "\(sql.text)", "seconds": "\(String(format: "%.3f", seconds))"])
        }
        return try check(result, sql: sql.text, expecting: [PGRES_TUPLES_OK, PGRES_COMMAND_OK])
    }

    /// Runs one parameterised statement and returns the number of rows it affected.
    @discardableResult
    public func execute(_ sql: SQL) throws -> Int {
        try query(sql).affectedRows
    }

    /// Runs several statements separated by semicolons, with no parameters (libpq's `PQexec`,
    /// the simple query protocol). Only for trusted text: migration files, fixed set-up.
    public func executeUnsafeTrustedScript(_ script: String) throws {
        try Interruption.checkpoint()
        try executeEvenWhenInterrupted(script)
    }

    /// `executeUnsafeTrustedScript` without the interruption's checkpoint: for the ROLLBACK that
    /// an interruption (or any error) unwinds through.
    func executeEvenWhenInterrupted(_ script: String) throws {
        logger.trace("script", metadata: ["bytes": "\(script.utf8.count)"])
        guard let first = PQexec(handle, script) else {
            throw PostgresError(kind: .query, connection: handle, query: script)
        }
        // PQexec returns the last statement's result; earlier ones are discarded by libpq.
        _ = try check(first, sql: script, expecting: [PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY])
    }

    /// Whether a transaction block is open on this connection.
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Whether the connection is still usable (not broken by a server crash or network loss).
    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// A statement that failed because the server went away (killed, shut down, network lost) is a
    /// connection failure, not a bad statement: callers tell "try again later" from "fix the input".
    func markingLostConnection(_ error: PostgresError) -> PostgresError {
        guard PQstatus(handle) == CONNECTION_BAD, error.kind != .connection else { return error }
        var lost = error
        lost.kind = .connection
        return lost
    }

    func check(_ result: OpaquePointer?, sql: String?, expecting: [ExecStatusType]) throws -> QueryResult {
        guard let result else {
            throw markingLostConnection(PostgresError(kind: .query, connection: handle, query: sql))
        }
        let status = PQresultStatus(result)
        guard expecting.contains(status) else {
            let error = PostgresError(kind: .query, result: result, query: sql)
            PQclear(result)
            throw Interruption.reason(for: markingLostConnection(error))
        }
        return QueryResult(result)
    }

    /// Lays the bindings out as the C arrays `PQexecParams` wants, valid only inside `body`.
    private func withParameters(
        _ sql: SQL,
        _ body: (UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> OpaquePointer?
    ) -> OpaquePointer? {
        let count = sql.bindings.count
        if count == 0 { return body(nil, nil, nil, nil) }
        let types = sql.bindings.map { Oid($0.typeOID) }
        // strdup gives each value a stable NUL-terminated buffer for the duration of the call.
        let values: [UnsafeMutablePointer<CChar>?] = sql.bindings.map { $0.value.map { strdup($0) } ?? nil }
        defer { values.forEach { free($0) } }
        let constValues = values.map { UnsafePointer($0) }
        return types.withUnsafeBufferPointer { typesBuffer in
            constValues.withUnsafeBufferPointer { valuesBuffer in
                body(typesBuffer.baseAddress, valuesBuffer.baseAddress, nil, nil)
            }
        }
    }
}

/// Routes server NOTICE and WARNING messages to the logger instead of libpq's default, stderr.
final class NoticeSink {
    let logger: Logger
    init(logger: Logger) { self.logger = logger }

    func receive(_ result: OpaquePointer) {
        let severity = PQresultErrorField(result, Int32(UInt8(ascii: "V"))).map { String(cString: $0) } ?? "NOTICE"
        let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? ""
        switch severity {
        case "WARNING": logger.warning("server: \(message)")
        case "NOTICE", "INFO": logger.debug("server: \(message)")
        default: logger.trace("server \(severity.lowercased()): \(message)")
        }
    }
}

private extension Array where Element == String {
    /// The strings as a NULL-terminated array of C strings, valid inside `body`.
    func withCStrings<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let duplicates = map { strdup($0) }
        defer { duplicates.forEach { free($0) } }
        let pointers = duplicates.map { UnsafePointer<CChar>($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
