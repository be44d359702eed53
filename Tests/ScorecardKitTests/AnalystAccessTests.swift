import Foundation
import Logging
import Postgres
import Testing
import TestSupport

/// `scorecard grant-reader` and the row-level security behind it, tested by logging in as the
/// roles it makes, with their passwords, as an analyst would.
@Suite("Analyst access")
struct AnalystAccessTests {
    /// Text of restricted records (and of what names them) that a public reader must never see.
    static let restrictedMarkers = [
        "gamma-restricted", "named victim",            // restricted from the start, changed by the reload
        "alpha-misuse", "Alpha misused",               // public when scored, restricted by the reload
        "Alpha denies any misuse",                     // the reply to alpha-misuse
        "gamma-misuse-late", "published in 2025",      // cited by a restatement, restricted by the reload
    ]

    @Test func publicReaderSeesNoRestrictedEvidenceAndRestrictedReaderSeesIt() throws {
        let database = try RestrictedDataset.make()
        let publicRole = ReaderRole(prefix: "analyst_public")
        let restrictedRole = ReaderRole(prefix: "analyst_restricted")
        defer { ReaderRole.drop([publicRole, restrictedRole], url: database.url) }

        try publicRole.grant(url: database.url)
        try restrictedRole.grant(url: database.url, restricted: true)

        do {
            let analyst = try publicRole.connect(url: database.url)
            let everything = try dumpEverything(analyst)
            for marker in Self.restrictedMarkers {
                #expect(!everything.contains(marker), "the public reader sees '\(marker)'")
            }
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.evidence WHERE sensitivity <> 'public'") == 0)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.evidence") == 4)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.record_history WHERE table_name = 'evidence'") == 0)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.responses") == 0)
            // Runs of a methodology that scored restricted evidence are hidden as a whole.
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.score_runs WHERE methodology_version = '1-internal'") == 0)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.indicator_values WHERE run_id NOT IN (SELECT id FROM scorecard.score_runs)") == 0)
            // What is public stays readable: scores, other evidence, the public runs.
            // 2024 (the first evidence) and 2025 as published, 2024 restated, and the split of 2025's
            // change (2024 with 2025's knowledge, 2025 aged).
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.score_runs") == 5)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.latest_scores") > 0)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.indicator_evidence WHERE evidence_id = 'beta-misuse'") > 0)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.commitments_in_force('2024-06-30')") == 5)
        }

        do {
            let analyst = try restrictedRole.connect(url: database.url)
            let everything = try dumpEverything(analyst)
            for marker in Self.restrictedMarkers {
                #expect(everything.contains(marker), "the restricted reader does not see '\(marker)'")
            }
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.evidence WHERE sensitivity = 'restricted'") == 3)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.record_history WHERE record_key = 'gamma-restricted'") == 1)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.score_runs WHERE methodology_version = '1-internal'") == 5)
            #expect(try count(analyst, "SELECT count(*) AS n FROM scorecard.indicator_evidence WHERE evidence_id = 'gamma-restricted'") > 0)
        }
    }

    @Test func readersWriteNothing() throws {
        let database = try RestrictedDataset.make()
        let publicRole = ReaderRole(prefix: "analyst_public")
        let restrictedRole = ReaderRole(prefix: "analyst_restricted")
        defer { ReaderRole.drop([publicRole, restrictedRole], url: database.url) }
        try publicRole.grant(url: database.url)
        try restrictedRole.grant(url: database.url, restricted: true)

        let writes = [
            "INSERT INTO scorecard.evidence_types (id, name, first_batch_id, changed_batch_id) VALUES ('x', 'x', 1, 1)",
            "UPDATE scorecard.actors SET name = 'renamed'",
            "DELETE FROM scorecard.sources",
            "UPDATE scorecard.evidence SET summary = 'edited'",
            "DELETE FROM scorecard.record_history",
            "INSERT INTO scorecard.score_runs (methodology_id) VALUES ('x')",
            "TRUNCATE scorecard.load_batches",
            "CREATE TABLE scorecard.mine (x integer)",
            "CREATE VIEW scorecard.mine AS SELECT 1 AS x",
            "SELECT scorecard.grant_reader('someone_else', NULL, true)",
        ]
        for role in [publicRole, restrictedRole] {
            let analyst = try role.connect(url: database.url)
            for statement in writes {
                let error = #expect(throws: PostgresError.self, "\(role.name) could run: \(statement)") {
                    try analyst.execute(SQL(unsafeTrusted: statement))
                }
                #expect(error?.sqlState == .insufficientPrivilege, "\(statement): \(String(describing: error))")
            }
        }
    }

    @Test func runningAgainWithoutRestrictedRevokesItAndWrongPasswordsAreRefused() throws {
        let database = try RestrictedDataset.make()
        let role = ReaderRole(prefix: "analyst_revoked")
        defer { ReaderRole.drop([role], url: database.url) }
        let restrictedRows = "SELECT count(*) AS n FROM scorecard.evidence WHERE sensitivity = 'restricted'"

        let created = try role.grant(url: database.url, restricted: true)
        #expect(created.hasPrefix("created login role \(role.name) in database "))
        #expect(try count(try role.connect(url: database.url), restrictedRows) == 3)

        let updated = try role.grant(url: database.url)
        #expect(updated.hasPrefix("updated login role \(role.name) "))
        #expect(updated.contains("public evidence only"))
        #expect(try count(try role.connect(url: database.url), restrictedRows) == 0)

        // Without --password-file the password stays as it was.
        let kept = try ScorecardProcess.run(["grant-reader", role.name, "--database-url", database.url])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("password unchanged"))
        #expect(try count(try role.connect(url: database.url), restrictedRows) == 0)

        let wrong = ReaderRole(name: role.name, password: role.password + "x")
        let refused = #expect(throws: PostgresError.self) { try wrong.connect(url: database.url) }
        #expect(refused?.kind == .connection)
        #expect(refused?.message.contains("password authentication failed") == true, "\(String(describing: refused))")

        // A new password replaces the old one.
        let renewed = ReaderRole(name: role.name, password: "a new passphrase, 'quoted' and \"double-quoted\"")
        try renewed.grant(url: database.url)
        #expect(throws: PostgresError.self) { try role.connect(url: database.url) }
        #expect(try count(try renewed.connect(url: database.url), restrictedRows) == 0)
    }

    /// A database owned by a role without CREATEROLE that holds ADMIN OPTION on the reader groups:
    /// its grant-reader makes an existing login role a reader; setting a password needs CREATEROLE
    /// (PostgreSQL's rule) and says so, exit 78.
    @Test func anOwnerWithAdminOptionOnTheGroupsMakesAnExistingRoleAReader() throws {
        let url = try TestCluster.makeDatabase(prefix: "admin_option")
        let superuser = try Connection(conninfo: url, logger: .quiet)
        let owner = ReaderRole(prefix: "sc_owner")
        let alice = ReaderRole(prefix: "alice_admin")
        defer {
            _ = try? superuser.execute("DROP OWNED BY \(identifier: owner.name) CASCADE")
            _ = try? superuser.execute("DROP OWNED BY \(identifier: alice.name) CASCADE")
            ReaderRole.drop([alice, owner], url: url)
        }
        // The groups exist (the first grant-reader of a server makes them); the owner may hand them out.
        try ReaderRole(prefix: "seed").grant(url: url)
        for role in [owner, alice] {
            // A utility statement takes no parameters: the server quotes the password with format().
            let statement = try superuser.query("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', \(role.name)::text, \(role.password)::text) AS s")
                .first!.decode("s", as: String.self)
            try superuser.executeUnsafeTrustedScript(statement)
        }
        try superuser.execute("GRANT scorecard_reader, scorecard_restricted_reader TO \(identifier: owner.name) WITH ADMIN OPTION")
        let fresh = try TestCluster.makeDatabase(prefix: "admin_option_db")
        let freshName = String(fresh.split(separator: "/").last!.split(separator: "?").first!)
        try superuser.execute("ALTER DATABASE \(identifier: freshName) OWNER TO \(identifier: owner.name)")
        let ownerURL = ReaderRole.loginURL(fresh, user: owner.name, password: owner.password)
        let migrate = try ScorecardProcess.run(["migrate", "--database-url", ownerURL])
        #expect(migrate.status == 0, "\(migrate.stderr)")

        let granted = try ScorecardProcess.run(["grant-reader", alice.name, "--database-url", ownerURL])
        #expect(granted.status == 0, "\(granted.stderr)")
        let reader = try alice.connect(url: fresh)
        #expect(try reader.query("SELECT count(*) AS n FROM scorecard.actors").first!.decode("n", as: Int.self) == 0)
        #expect(throws: PostgresError.self) { try reader.execute("DELETE FROM scorecard.actors") }

        let file = try ReaderRole.passwordFile(containing: "another password\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let withPassword = try ScorecardProcess.run(["grant-reader", alice.name, "--password-file", file.path, "--database-url", ownerURL])
        #expect(withPassword.status == 78, "\(withPassword.stderr)")
        #expect(withPassword.stderr.contains("CREATEROLE"), "\(withPassword.stderr)")
    }

    @Test func dangerousRolesAndBadPasswordFilesAreRefused() throws {
        let url = try TestCluster.makeDatabase(prefix: "grantrefused")
        let superuser = try ScorecardProcess.run(["grant-reader", "postgres", "--database-url", url])
        #expect(superuser.status == 78)
        #expect(superuser.stderr.contains("is a superuser or bypasses row-level security"), "\(superuser.stderr)")

        let group = try ScorecardProcess.run(["grant-reader", "scorecard_reader", "--database-url", url])
        #expect(group.status == 64)
        #expect(group.stderr.contains("reserved"), "\(group.stderr)")

        // Roles that could escalate or write are refused, whatever they are called (exit 78), and
        // keep what they had.
        let owner = try Connection(conninfo: url, logger: .quiet)
        let plain = ReaderRole(prefix: "grant_plain")  // so the group roles exist and this database is granted
        defer { ReaderRole.drop([plain], url: url) }
        _ = try plain.grant(url: url)
        let suffix = "\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let escalating = ["createrole": "CREATEROLE", "createdb": "CREATEDB", "replication": "REPLICATION"]
        var made: [String] = []
        defer { for role in made { try? owner.executeUnsafeTrustedScript("DROP ROLE IF EXISTS \"\(role)\"") } }
        for (name, attribute) in escalating.sorted(by: { $0.key < $1.key }) {
            let role = "esc_\(name)_\(suffix)"
            try owner.executeUnsafeTrustedScript("CREATE ROLE \"\(role)\" LOGIN \(attribute)")
            made.append(role)
            let refused = try ScorecardProcess.run(["grant-reader", role, "--database-url", url])
            #expect(refused.status == 78, "\(attribute): \(refused.stderr)")
            #expect(refused.stderr.contains("has \(attribute), so it is not read-only"), "\(refused.stderr)")
        }
        let writer = "esc_writer_\(suffix)"
        try owner.executeUnsafeTrustedScript("CREATE ROLE \"\(writer)\" LOGIN IN ROLE pg_write_all_data")
        made.append(writer)
        let refusedWriter = try ScorecardProcess.run(["grant-reader", writer, "--database-url", url])
        #expect(refusedWriter.status == 78, "\(refusedWriter.stderr)")
        #expect(refusedWriter.stderr.contains("pg_write_all_data"), "\(refusedWriter.stderr)")
        #expect(try owner.query("SELECT count(*) AS n FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = \(writer) AND m.roleid = 'scorecard_reader'::regrole").first!.decode("n", as: Int.self) == 0)
        // A reader may connect to the database through its group, whatever PUBLIC may.
        #expect(try owner.query("SELECT has_database_privilege('scorecard_reader', current_database(), 'CONNECT') AS ok").first!.decode("ok", as: Bool.self))

        let empty = try ReaderRole.passwordFile(containing: "\nsecond line\n")
        let emptyRun = try ScorecardProcess.run(["grant-reader", "nobody_\(getpid())", "--password-file", empty.path, "--database-url", url])
        #expect(emptyRun.status == 65)
        #expect(emptyRun.stderr.contains("empty first line"))

        let missing = try ScorecardProcess.run(["grant-reader", "nobody_\(getpid())", "--password-file", "/nonexistent/password", "--database-url", url])
        #expect(missing.status == 66)
        let roles = try Connection(conninfo: url, logger: .quiet)
            .query("SELECT count(*) AS n FROM pg_roles WHERE rolname = \("nobody_\(getpid())")").first!.decode("n", as: Int.self)
        #expect(roles == 0)
    }

    /// A member of a role can act as it (SET ROLE), whether or not it inherits its privileges, and
    /// through any chain of memberships: so a role is refused (78, saying which role and why) when a
    /// role it belongs to is a superuser or has BYPASSRLS, CREATEROLE, …, is one of the server's
    /// file or program roles, owns an object of the schema or may create in it; and when it holds
    /// ADMIN OPTION on a reader group (it could hand out access, restricted evidence included). A
    /// refused role keeps what it had.
    @Test func rolesThatCouldEscalateThroughTheRolesTheyBelongToAreRefused() throws {
        let url = try TestCluster.makeDatabase(prefix: "grantmember")
        let owner = try Connection(conninfo: url, logger: .quiet)
        let plain = ReaderRole(prefix: "grant_plain")  // so the group roles exist and this database is granted
        defer { ReaderRole.drop([plain], url: url) }
        _ = try plain.grant(url: url)
        let suffix = "\(getpid())_\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        var made: [String] = []
        defer {
            for role in made.reversed() {
                try? owner.executeUnsafeTrustedScript("DROP OWNED BY \"\(role)\" CASCADE; DROP ROLE IF EXISTS \"\(role)\"")
            }
        }
        /// A role unique to this test, made by the superuser with these attributes and memberships.
        func role(_ name: String, _ options: String) throws -> String {
            let role = "esc_\(name)_\(suffix)"
            try owner.executeUnsafeTrustedScript("CREATE ROLE \"\(role)\" \(options)")
            made.append(role)
            return role
        }
        func isReader(_ role: String) throws -> Bool {
            try owner.query("SELECT pg_has_role(\(role), 'scorecard_reader', 'MEMBER') AS r").first!.decode("r", as: Bool.self)
        }
        func expectRefused(_ role: String, saying fragments: [String], _ comment: String) throws {
            let wasReader = try isReader(role)
            let refused = try ScorecardProcess.run(["grant-reader", role, "--database-url", url])
            #expect(refused.status == 78, "\(comment): \(refused.stdout)\(refused.stderr)")
            for fragment in fragments {
                #expect(refused.stderr.contains(fragment), "\(comment): no '\(fragment)' in \(refused.stderr)")
            }
            #expect(try isReader(role) == wasReader, "\(comment): the refused role's memberships changed")
        }

        // BYPASSRLS: the role's own, then a group's, then a superuser two memberships away.
        let bypassing = try role("bypassrls", "LOGIN BYPASSRLS")
        try expectRefused(bypassing, saying: ["bypasses row-level security"], "BYPASSRLS itself")
        let bypassGroup = try role("bypass_group", "NOLOGIN BYPASSRLS")
        let bypassMember = try role("bypass_member", "LOGIN IN ROLE \"\(bypassGroup)\"")
        try expectRefused(bypassMember, saying: ["is a member of \(bypassGroup)", "BYPASSRLS"], "a member of a BYPASSRLS role")
        let superGroup = try role("super_group", "NOLOGIN SUPERUSER")
        let middle = try role("middle", "NOLOGIN IN ROLE \"\(superGroup)\"")
        let farMember = try role("far_member", "LOGIN NOINHERIT IN ROLE \"\(middle)\"")
        try expectRefused(farMember, saying: ["is a member of \(superGroup)", "SUPERUSER"], "a superuser two memberships away")
        let creatorGroup = try role("createrole_group", "NOLOGIN CREATEROLE CREATEDB")
        let creatorMiddle = try role("createrole_middle", "NOLOGIN IN ROLE \"\(creatorGroup)\"")
        let creatorMember = try role("createrole_member", "LOGIN IN ROLE \"\(creatorMiddle)\"")
        try expectRefused(creatorMember, saying: ["is a member of \(creatorGroup)", "CREATEROLE, CREATEDB"], "CREATEROLE through a chain")

        // The server's own roles that read or write its files, run its programs, or end other sessions.
        for predefined in ["pg_read_server_files", "pg_write_server_files", "pg_execute_server_program", "pg_signal_backend"] {
            let member = try role("\(predefined.dropFirst(3))", "LOGIN IN ROLE \(predefined)")
            try expectRefused(member, saying: ["is a member of \(predefined)"], predefined)
        }

        // ADMIN OPTION on a reader group: it could grant itself restricted evidence, or give others access.
        let readerAdmin = try role("reader_admin", "LOGIN")
        try owner.executeUnsafeTrustedScript("GRANT scorecard_reader TO \"\(readerAdmin)\" WITH ADMIN OPTION")
        try expectRefused(readerAdmin, saying: ["ADMIN OPTION on scorecard_reader"], "ADMIN OPTION on scorecard_reader")
        let restrictedAdmin = try role("restricted_admin", "LOGIN")
        try owner.executeUnsafeTrustedScript("GRANT scorecard_restricted_reader TO \"\(restrictedAdmin)\" WITH ADMIN OPTION")
        try expectRefused(restrictedAdmin, saying: ["ADMIN OPTION on scorecard_restricted_reader"], "ADMIN OPTION on scorecard_restricted_reader")
        #expect(try owner.query("SELECT count(*) AS n FROM pg_auth_members WHERE member = \(restrictedAdmin)::regrole AND roleid = 'scorecard_restricted_reader'::regrole AND admin_option").first!.decode("n", as: Int.self) == 1,
                "the refused role lost what it had")

        // A role that may create in the schema, or owns an object of it: a NOINHERIT member does not
        // hold its privileges but can SET ROLE to it.
        let creator = try role("schema_creator", "NOLOGIN")
        try owner.executeUnsafeTrustedScript("GRANT CREATE ON SCHEMA scorecard TO \"\(creator)\"")
        let creatorNoInherit = try role("creator_member", "LOGIN NOINHERIT IN ROLE \"\(creator)\"")
        try expectRefused(creatorNoInherit, saying: ["is a member of \(creator)", "create"], "a NOINHERIT member of a role with CREATE on the schema")
        let objectOwner = try role("object_owner", "NOLOGIN")
        try owner.executeUnsafeTrustedScript("CREATE TABLE scorecard.\"esc_owned_\(suffix)\" (x integer); ALTER TABLE scorecard.\"esc_owned_\(suffix)\" OWNER TO \"\(objectOwner)\"")
        let ownerMember = try role("owner_member", "LOGIN NOINHERIT IN ROLE \"\(objectOwner)\"")
        try expectRefused(ownerMember, saying: ["is a member of \(objectOwner)", "owns"], "a NOINHERIT member of an owner of a table of the schema")

        // A role with none of these is still made a reader, and one that is a member of a harmless group.
        let harmless = try role("harmless_group", "NOLOGIN")
        let fine = try role("fine_member", "LOGIN IN ROLE \"\(harmless)\"")
        let granted = try ScorecardProcess.run(["grant-reader", fine, "--database-url", url])
        #expect(granted.status == 0, "\(granted.stderr)")
        #expect(try isReader(fine))
    }

    /// Every row of every table and view of schema scorecard the connection can read, as text.
    func dumpEverything(_ connection: Connection) throws -> String {
        let relations = try connection.query("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'scorecard' AND c.relkind IN ('r', 'v', 'm') ORDER BY c.relname
            """).map { try $0.decode("relname", as: String.self) }
        #expect(relations.count >= 30)
        var dump = ""
        for relation in relations {
            let rows = try connection.query("SELECT coalesce(string_agg(t::text, E'\\n'), '') AS rows FROM scorecard.\(identifier: relation) t")
            dump += "\(relation):\n" + (try rows.first!.decode("rows", as: String.self)) + "\n"
        }
        return dump
    }
}

func count(_ connection: Connection, _ query: String) throws -> Int {
    try connection.query(SQL(unsafeTrusted: query)).first!.decode("n", as: Int.self)
}

/// A database holding the scoring fixture with restricted evidence in every place it can hide:
/// scored under a public methodology and under one that scores restricted evidence, then reloaded
/// with a restricted record changed and two scored public records re-marked restricted (one has a
/// reply, one is cited by a restatement).
enum RestrictedDataset {
    struct Database { let url: String }

    static func make() throws -> Database {
        let url = try TestCluster.makeDatabase(prefix: "analystaccess")
        let fixture = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        let methodology = ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml")
        let internalMethodology = fixture.directory.deletingLastPathComponent().appendingPathComponent("internal-\(UUID().uuidString).yaml")
        try Data(try String(contentsOf: methodology, encoding: .utf8)
            .replacingOccurrences(of: "version: \"1\"", with: "version: \"1-internal\"")
            .replacingOccurrences(of: "restricted_evidence: exclude", with: "restricted_evidence: include").utf8).write(to: internalMethodology)

        try run(["load", "--quiet", "--database-url", url, fixture.directory.path])
        try run(["score", "--quiet", "--database-url", url, "--methodology", methodology.path, "--all-periods"])
        try run(["score", "--quiet", "--database-url", url, "--methodology", internalMethodology.path, "--all-periods"])

        try fixture.replace("evidence.csv", "A named victim (restricted).", with: "A named victim (restricted; renamed).")
        try fixture.replace("evidence.csv", "public,Alpha misused", with: "restricted,Alpha misused")
        try fixture.replace("evidence.csv", "public,Gamma misused spyware after endorsing the Code; published in 2025.",
                            with: "restricted,Gamma misused spyware after endorsing the Code; published in 2025.")
        try run(["load", "--quiet", "--database-url", url, fixture.directory.path])
        return Database(url: url)
    }

    static func run(_ arguments: [String]) throws {
        let outcome = try ScorecardProcess.run(arguments)
        #expect(outcome.status == 0, "scorecard \(arguments.joined(separator: " ")): \(outcome.stdout)\(outcome.stderr)")
    }
}

/// A login role made by `scorecard grant-reader`, unique to one test (roles belong to the whole
/// server, which concurrent test processes share).
struct ReaderRole {
    let name: String
    let password: String

    init(prefix: String) {
        name = "\(prefix)_\(getpid())_\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        password = "pw \(UUID().uuidString) ' \" \\ ;"
    }

    init(name: String, password: String) {
        self.name = name
        self.password = password
    }

    /// Runs `scorecard grant-reader` with a password file; returns its output.
    @discardableResult
    func grant(url: String, restricted: Bool = false) throws -> String {
        let file = try Self.passwordFile(containing: password + "\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try ScorecardProcess.run(["grant-reader", name, "--password-file", file.path, "--database-url", url]
                                                + (restricted ? ["--restricted"] : []))
        #expect(outcome.status == 0, "grant-reader \(name): \(outcome.stderr)")
        return outcome.stdout
    }

    /// Logs in as the role with its password, to the database of `url`.
    func connect(url: String) throws -> Connection {
        try Connection(conninfo: Self.loginURL(url, user: name, password: password), logger: .quiet)
    }

    static func passwordFile(containing text: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("password-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        try Data(text.utf8).write(to: file)
        return file
    }

    /// `url` with its user and password replaced: a `postgresql://` URL, as the test cluster gives.
    static func loginURL(_ url: String, user: String, password: String) -> String {
        var base = url
        var query: [String] = []
        if let mark = url.firstIndex(of: "?") {
            base = String(url[..<mark])
            query = url[url.index(after: mark)...].split(separator: "&").map(String.init)
                .filter { !$0.hasPrefix("user=") && !$0.hasPrefix("password=") }
        }
        // Drop any user:password@ of the authority.
        if let scheme = base.range(of: "://") {
            let authorityEnd = base[scheme.upperBound...].firstIndex(of: "/") ?? base.endIndex
            if let at = base[scheme.upperBound..<authorityEnd].lastIndex(of: "@") {
                base.removeSubrange(scheme.upperBound...at)
            }
        }
        query += ["user=\(percentEncoded(user))", "password=\(percentEncoded(password))"]
        return base + "?" + query.joined(separator: "&")
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    /// Drops the roles (they own nothing; their memberships go with them).
    static func drop(_ roles: [ReaderRole], url: String) {
        guard let owner = try? Connection(conninfo: url, logger: .quiet) else { return }
        for role in roles {
            _ = try? owner.execute("DROP ROLE IF EXISTS \(identifier: role.name)")
        }
    }
}
