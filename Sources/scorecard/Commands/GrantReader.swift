import ArgumentParser
import Foundation
import Logging
import Postgres
import ScorecardKit

struct GrantReader: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant-reader",
        abstract: "Create or update a login role that reads the views and public evidence, and writes nothing.",
        discussion: """
            The role becomes a member of the group role scorecard_reader (SELECT on every table and \
            view of schema scorecard); row-level security hides restricted evidence and everything \
            that names it. --restricted also makes it a member of scorecard_restricted_reader, which \
            sees restricted evidence; running the command again without --restricted revokes that. \
            The group roles are created when missing (they are shared by every database of the \
            server; the grants are made in this database).

            The password is the first line of --password-file. It is hashed here (SCRAM-SHA-256) and \
            only the hash is sent to the server. Without --password-file a new role gets no password \
            (it can log in only where pg_hba.conf allows it without one, e.g. peer) and an existing \
            role keeps the one it has.

            Refused (exit 78, saying why): a role that could do more than read, by what it is or \
            through any role it belongs to, directly or through others (superuser, BYPASSRLS, \
            CREATEROLE, CREATEDB, REPLICATION; pg_write_all_data or the server-file and program \
            roles; an owner of the schema or its objects; CREATE on the schema; write privileges; \
            ADMIN OPTION on a reader group).

            Needs a database user that owns the scorecard tables. Creating a role, setting a \
            password or creating the group roles also needs CREATEROLE (or a superuser, as in the \
            embedded cluster); making an existing login role a reader without --password-file needs \
            only ADMIN OPTION on scorecard_reader (and on scorecard_restricted_reader for \
            --restricted). See docs/analysts.md.
            """)

    @Argument(help: ArgumentHelp("The login role to create or update.", valueName: "role"))
    var role: String

    @Option(help: ArgumentHelp("A regular file whose first line is the role's password (keep it readable by you only).", valueName: "file"),
            completion: .file())
    var passwordFile: String?

    @Flag(help: "Also let the role see restricted evidence (without it, that is revoked).")
    var restricted = false

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard !role.isEmpty else { throw ValidationError("the role name cannot be empty") }
        guard role.utf8.count <= 63 else { throw ValidationError("the role name '\(role)' is longer than 63 bytes, PostgreSQL's limit") }
        guard !role.contains("\0") else { throw ValidationError("the role name cannot contain a NUL character") }
    }

    func run() throws {
        let logger = logging.makeLogger()
        let password = try passwordFile.map { try PasswordFile.readPassword(path: $0, logger: logger) }
        let connection = try database.connect(logger: logger, workspace: try workspaceOptions.resolve())
        try Migrator(logger: logger).migrate(connection)
        let verifier = try password.map { try connection.scramSHA256Verifier(password: $0, role: role) }
        let outcome: String
        do {
            outcome = try connection.query("SELECT scorecard.grant_reader(\(role), \(verifier), \(restricted)) AS outcome")
                .first!.decode("outcome", as: String.self)
        } catch let error as PostgresError {
            throw GrantReaderRefused(error, role: role, databaseUser: connection.userName) ?? error
        }
        guard !logging.quiet else { return }
        let reads = restricted ? "the views and all evidence, restricted evidence included" : "the views and public evidence only"
        print("\(outcome) login role \(role) in database \(connection.databaseName): reads \(reads); writes nothing")
        if password == nil {
            print(outcome == "created"
                ? "note: \(role) has no password, so it can log in only where pg_hba.conf allows it without one (e.g. peer); give --password-file to set one"
                : "note: password unchanged (give --password-file to set one)")
        }
    }
}

/// The first line of a password file: the password, without its line ending.
enum PasswordFile {
    static func readPassword(path: String, logger: Logger) throws -> String {
        if let reason = NonRegularFile.reason(atPath: path) { throw PasswordFileProblem.notAFile(path: path, reason: reason) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PasswordFileProblem.unreadable(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw PasswordFileProblem.notText(path: path) }
        let firstLine = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let password = firstLine.hasSuffix("\r") ? String(firstLine.dropLast()) : firstLine
        guard !password.isEmpty else { throw PasswordFileProblem.empty(path: path) }
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            logger.warning("password file \(path) can be read by other users (mode \(String(mode, radix: 8))); restrict it with: chmod 600 \(path)")
        }
        return password
    }
}

enum PasswordFileProblem: ScorecardError {
    case unreadable(path: String)
    /// A named pipe, a folder, a device: refused before it is opened (`NonRegularFile`).
    case notAFile(path: String, reason: String)
    case notText(path: String)
    case empty(path: String)

    var exitCode: ExitCode {
        switch self {
        case .unreadable, .notAFile: return .noInput
        case .notText, .empty: return .dataError
        }
    }

    var description: String {
        switch self {
        case let .unreadable(path): return "cannot read the password file \(path)"
        case let .notAFile(path, reason): return "the password file \(path) \(reason)"
        case let .notText(path): return "the password file \(path) is not UTF-8 text"
        case let .empty(path): return "the password file \(path) has an empty first line; write the password on it"
        }
    }
}

/// The server refused to make the role a reader: a bad or reserved role name (exit 64); a role that
/// would not be read-only, by its attributes or through a role it belongs to
/// (`scorecard.reader_escalation`), or a database user without the right to create and grant roles
/// (exit 78).
struct GrantReaderRefused: ScorecardError {
    let exitCode: ExitCode
    let description: String

    init?(_ error: PostgresError, role: String, databaseUser: String) {
        switch error.sqlState {
        case .insufficientPrivilege:
            exitCode = .configuration
            description = "the database user \(databaseUser) may not make \(role) a reader (\(error.message)): it must own the scorecard tables, and needs CREATEROLE (or to be a superuser) to create a role, set a password or create the group roles, or else ADMIN OPTION on the reader groups"
        case .invalidGrantOperation:
            exitCode = .configuration
            description = "cannot make \(role) a reader: \(error.message)"
        case .invalidName, .reservedName, .invalidParameterValue:
            exitCode = .usage
            description = "cannot make \(role) a reader: \(error.message)"
        default:
            return nil
        }
    }
}
