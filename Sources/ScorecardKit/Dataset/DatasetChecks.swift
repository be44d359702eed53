import Postgres

/// The checks that need every file at once, run set-based over a load's staging tables:
/// duplicate keys, references to ids that no file defines, and the checks of evidence against the
/// actors and types it names, its events and measures (`ConductChecksInSQL`). `CrossRecordChecks` runs the same
/// checks in Swift as the files stream (validation needs no database); a load runs both, as a
/// defence in depth, and they must agree (`CheckAgreementTests`).
enum DatasetChecks {
    /// Problems listed (at most `limit` per check) and how many more each check found.
    struct Found: Equatable {
        var problems: [DatasetProblem] = []
        var unlisted = 0

        static func += (found: inout Found, more: Found) {
            found.problems += more.problems
            found.unlisted += more.unlisted
        }

        /// What either found: `first`'s problems, then those of `second` it lacks.
        static func union(_ first: Found, _ second: Found) -> Found {
            let known = Set(first.problems)
            return Found(problems: first.problems + second.problems.filter { !known.contains($0) },
                         unlisted: max(first.unlisted, second.unlisted))
        }
    }

    static func run(on connection: Connection, package: DataPackage, limit: Int) throws -> Found {
        var problems = Found()
        for resource in package.resources {
            let table = resource.table
            let stage = DatasetStager.stagingTable(table)
            problems += try duplicates(in: table, stage: stage, file: resource.path, connection: connection, limit: limit)
            for (position, field) in table.fields.enumerated() {
                guard let target = field.references, let targetTable = DatasetSchema.table(target) else { continue }
                let targetFile = CrossRecordProblems.file(of: targetTable, in: package)
                problems += try unknownReferences(field: field, in: table, stage: stage, target: targetTable, targetFile: targetFile,
                                                  file: resource.path, position: position, connection: connection, limit: limit)
            }
            problems += try restrictedNames(in: table, stage: stage, file: resource.path,
                                            actorsFile: CrossRecordProblems.file(of: DatasetSchema.table("actors")!, in: package),
                                            connection: connection, limit: limit)
            if table.name == "evidence" {
                problems += try ConductChecksInSQL.run(on: connection, package: package, limit: limit)
            }
        }
        return problems
    }

    private static let actorsStage = "pg_temp.\(DatasetStager.stagingTable(DatasetSchema.table("actors")!))"
    private static let evidenceStage = "pg_temp.\(DatasetStager.stagingTable(DatasetSchema.table("evidence")!))"

    /// True (SQL, over the staged record `s`) when the record is restricted, so its problems withhold
    /// its values: the rule of `RestrictedRecords.Rule.isRestricted`, over the staging tables.
    static func restrictedRecord(_ table: TableDefinition) -> String {
        let actorMarked = "EXISTS (SELECT 1 FROM \(actorsStage) a WHERE a.id = %@ AND a.sensitivity = 'restricted')"
        switch table.name {
        case "actors": return "coalesce(s.sensitivity = 'restricted', false)"
        case "actor_aliases":
            return "(coalesce(s.sensitivity = 'restricted', false) OR \(actorMarked.replacingOccurrences(of: "%@", with: "s.actor_id")))"
        case "actor_relations":
            return "(\(actorMarked.replacingOccurrences(of: "%@", with: "s.actor_id")) OR \(actorMarked.replacingOccurrences(of: "%@", with: "s.related_actor_id")))"
        case "evidence": return "(s.sensitivity IS DISTINCT FROM 'public')"
        case "responses": return "EXISTS (SELECT 1 FROM \(evidenceStage) e WHERE e.id = s.evidence_id AND e.sensitivity IS DISTINCT FROM 'public')"
        default: return "false"
        }
    }

    /// Public records naming an actor marked restricted (`CrossRecordProblems.namesRestrictedActor`),
    /// by line and field, as `RestrictedRecords.Rule.namesRestrictedActors` finds them.
    private static func restrictedNames(in table: TableDefinition, stage: String, file: String, actorsFile: String,
                                        connection: Connection, limit: Int) throws -> Found {
        let named: (fields: [String], isPublic: String)
        switch table.name {
        case "commitments": named = (["actor_id"], "true")
        case "evidence": named = (["actor_id", "counterpart_id"], "s.sensitivity = 'public'")
        case "responses": named = (["actor_id"], "NOT \(restrictedRecord(table))")
        default: return Found()
        }
        let (fields, isPublic) = named
        let selects = fields.map { name in
            let position = table.fields.firstIndex { $0.name == name }!
            return """
                SELECT s.line, \(position) AS position FROM pg_temp.\(stage) s
                WHERE \(isPublic) AND EXISTS (SELECT 1 FROM \(actorsStage) a WHERE a.id = s.\(SQL.quoteIdentifier(name)) AND a.sensitivity = 'restricted')
                """
        }
        let sql = SQL(unsafeTrusted: """
            SELECT line, position, count(*) OVER () AS total FROM (\(selects.joined(separator: "\nUNION ALL\n"))) named
            ORDER BY line, position LIMIT \(limit)
            """)
        var found = Found()
        for row in try connection.query(sql) {
            let position: Int = try row.decode("position")
            found.problems.append(CrossRecordProblems.namesRestrictedActor(field: table.fields[position], position: position,
                                                                          actorsFile: actorsFile, file: file, line: try row.decode("line")))
            found.unlisted = max(0, try row.decode("total", as: Int.self) - limit)
        }
        return found
    }

    /// Each repeated key (`CrossRecordProblems.duplicateKey`), in the order of their second lines.
    private static func duplicates(in table: TableDefinition, stage: String, file: String, connection: Connection, limit: Int) throws -> Found {
        let key = table.primaryKey.map(SQL.quoteIdentifier)
        let keyList = key.joined(separator: ", ")
        let notNull = key.map { "\($0) IS NOT NULL" }.joined(separator: " AND ")
        let qualified = key.map { "s.\($0)" }
        let keyText = qualified.count == 1 ? qualified[0] : "concat_ws('/', \(qualified.joined(separator: ", ")))"
        // Group first (cheap, hashed); only the records of duplicated keys are then gathered by line.
        let sql = SQL(unsafeTrusted: """
            WITH duplicated_keys AS (
                SELECT \(keyList) FROM pg_temp.\(stage) WHERE \(notNull)
                GROUP BY \(keyList) HAVING count(*) > 1
            ), grouped AS (
                SELECT \(keyText) AS key, (array_agg(s.line ORDER BY s.line))[1:\(CrossRecordProblems.linesKept)]::text[] AS lines, count(*) AS copies,
                       bool_or(\(restrictedRecord(table))) AS withheld
                FROM pg_temp.\(stage) s JOIN duplicated_keys USING (\(keyList))
                GROUP BY \(qualified.joined(separator: ", "))
            )
            SELECT key, lines, copies, withheld, count(*) OVER () AS total FROM grouped ORDER BY lines[2]::int LIMIT \(limit)
            """)
        var found = Found()
        for row in try connection.query(sql) {
            let lines = try row.decode("lines", as: [String].self).compactMap { Int($0) }
            let withheld: Bool = try row.decode("withheld")
            found.problems.append(CrossRecordProblems.duplicateKey(in: table, file: file, key: withheld ? nil : Array(try row.decode("key", as: String.self).utf8)[...],
                                                                   lines: lines, copies: try row.decode("copies", as: Int.self)))
            found.unlisted = try row.decode("total", as: Int.self) - limit
        }
        found.unlisted = max(0, found.unlisted)
        return found
    }

    /// Each value that is no id of `target`, by line and (within a list) by value, in byte order as
    /// `CrossRecordChecks` sorts, whatever the database's collation.
    private static func unknownReferences(field: FieldDefinition, in table: TableDefinition, stage: String, target: TableDefinition, targetFile: String,
                                          file: String, position: Int, connection: Connection, limit: Int) throws -> Found {
        let column = SQL.quoteIdentifier(field.name)
        let targetStage = DatasetStager.stagingTable(target)
        let targetKey = SQL.quoteIdentifier(target.primaryKey[0])
        let values = field.type.isList ? "unnest(s.\(column))" : "s.\(column)"
        let sql = SQL(unsafeTrusted: """
            SELECT s.line, v.value, \(restrictedRecord(table)) AS withheld, count(*) OVER () AS total
            FROM pg_temp.\(stage) s CROSS JOIN LATERAL (SELECT \(values) AS value) v
            WHERE v.value IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM pg_temp.\(targetStage) t WHERE t.\(targetKey) = v.value)
            ORDER BY s.line, v.value COLLATE "C"
            LIMIT \(limit)
            """)
        var found = Found()
        for row in try connection.query(sql) {
            let withheld: Bool = try row.decode("withheld")
            found.problems.append(CrossRecordProblems.unknownReference(to: target, targetFile: targetFile, value: withheld ? nil : try row.decode("value", as: String.self),
                                                                       field: field, position: position, file: file, line: try row.decode("line")))
            found.unlisted = max(0, try row.decode("total", as: Int.self) - limit)
        }
        return found
    }
}
