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
                problems += try unknownReferences(field: field, stage: stage, target: targetTable, targetFile: targetFile,
                                                  file: resource.path, position: position, connection: connection, limit: limit)
            }
            if table.name == "evidence" {
                problems += try ConductChecksInSQL.run(on: connection, package: package, limit: limit)
            }
        }
        return problems
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
                SELECT \(keyText) AS key, (array_agg(s.line ORDER BY s.line))[1:\(CrossRecordProblems.linesKept)]::text[] AS lines, count(*) AS copies
                FROM pg_temp.\(stage) s JOIN duplicated_keys USING (\(keyList))
                GROUP BY \(qualified.joined(separator: ", "))
            )
            SELECT key, lines, copies, count(*) OVER () AS total FROM grouped ORDER BY lines[2]::int LIMIT \(limit)
            """)
        var found = Found()
        for row in try connection.query(sql) {
            let lines = try row.decode("lines", as: [String].self).compactMap { Int($0) }
            found.problems.append(CrossRecordProblems.duplicateKey(in: table, file: file, key: Array(try row.decode("key", as: String.self).utf8)[...],
                                                                   lines: lines, copies: try row.decode("copies", as: Int.self)))
            found.unlisted = try row.decode("total", as: Int.self) - limit
        }
        found.unlisted = max(0, found.unlisted)
        return found
    }

    /// Each value that is no id of `target`, by line and (within a list) by value, in byte order as
    /// `CrossRecordChecks` sorts, whatever the database's collation.
    private static func unknownReferences(field: FieldDefinition, stage: String, target: TableDefinition, targetFile: String,
                                          file: String, position: Int, connection: Connection, limit: Int) throws -> Found {
        let column = SQL.quoteIdentifier(field.name)
        let targetStage = DatasetStager.stagingTable(target)
        let targetKey = SQL.quoteIdentifier(target.primaryKey[0])
        let values = field.type.isList ? "unnest(s.\(column))" : "s.\(column)"
        let sql = SQL(unsafeTrusted: """
            SELECT s.line, v.value, count(*) OVER () AS total
            FROM pg_temp.\(stage) s CROSS JOIN LATERAL (SELECT \(values) AS value) v
            WHERE v.value IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM pg_temp.\(targetStage) t WHERE t.\(targetKey) = v.value)
            ORDER BY s.line, v.value COLLATE "C"
            LIMIT \(limit)
            """)
        var found = Found()
        for row in try connection.query(sql) {
            found.problems.append(CrossRecordProblems.unknownReference(to: target, targetFile: targetFile, value: try row.decode("value", as: String.self),
                                                                       field: field, position: position, file: file, line: try row.decode("line")))
            found.unlisted = max(0, try row.decode("total", as: Int.self) - limit)
        }
        return found
    }
}
