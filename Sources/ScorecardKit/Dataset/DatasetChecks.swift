import Postgres

/// The checks that need every file at once, run set-based over the staging tables:
/// duplicate keys and references to ids that no file defines.
enum DatasetChecks {
    /// Problems listed (at most `limit` per check) and how many more each check found.
    struct Found {
        var problems: [DatasetProblem] = []
        var unlisted = 0

        static func += (found: inout Found, more: Found) {
            found.problems += more.problems
            found.unlisted += more.unlisted
        }
    }

    static func run(on connection: Connection, package: DataPackage, limit: Int) throws -> Found {
        var problems = Found()
        let paths = Dictionary(uniqueKeysWithValues: package.resources.map { ($0.table.name, $0.path) })
        for resource in package.resources {
            let table = resource.table
            let stage = DatasetStager.stagingTable(table)
            problems += try duplicates(in: table, stage: stage, file: resource.path, connection: connection, limit: limit)
            for (position, field) in table.fields.enumerated() {
                guard let target = field.references, let targetTable = DatasetSchema.table(target) else { continue }
                let targetFile = paths[target] ?? targetTable.fileName
                problems += try unknownReferences(field: field, stage: stage, target: targetTable, targetFile: targetFile,
                                                  file: resource.path, position: position, connection: connection, limit: limit)
            }
        }
        return problems
    }

    /// One problem per duplicated key, on the line of its second record, pointing back to the first
    /// and naming the lines of the others (100,000 copies of one id are one problem, not 100,000).
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
                SELECT \(keyText) AS key, (array_agg(s.line ORDER BY s.line))[1:8]::text[] AS lines, count(*) AS copies
                FROM pg_temp.\(stage) s JOIN duplicated_keys USING (\(keyList))
                GROUP BY \(qualified.joined(separator: ", "))
            )
            SELECT key, lines, copies, count(*) OVER () AS total FROM grouped ORDER BY lines[2]::int LIMIT \(limit)
            """)
        let field = table.primaryKey.joined(separator: "+")
        var found = Found()
        for row in try connection.query(sql) {
            let lines = try row.decode("lines", as: [String].self).compactMap { Int($0) }
            let copies = try row.decode("copies", as: Int.self)
            var reason = "duplicate \(table.primaryKey.count == 1 ? "id" : "key") \(FieldConverter.quoted(Array(try row.decode("key", as: String.self).utf8)[...])) (first on line \(lines[0]))"
            if copies > 2 {
                let others = lines.dropFirst(2).prefix(5).map(String.init).joined(separator: ", ")
                reason += "; also on \(copies - 2) more line\(copies == 3 ? "" : "s"): \(others)\(copies > 7 ? ", …" : "")"
            }
            found.problems.append(DatasetProblem(file: file, line: lines[1], field: field, reason: reason,
                                                 position: table.fields.firstIndex { $0.name == table.primaryKey[0] } ?? -1))
            found.unlisted = try row.decode("total", as: Int.self) - limit
        }
        found.unlisted = max(0, found.unlisted)
        return found
    }

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
            ORDER BY s.line, v.value
            LIMIT \(limit)
            """)
        let noun = target.name == "evidence" ? "evidence" : String(target.name.dropLast())
        var found = Found()
        for row in try connection.query(sql) {
            found.problems.append(DatasetProblem(file: file, line: try row.decode("line"), field: field.name,
                                                 reason: "unknown \(noun.replacingOccurrences(of: "_", with: " ")) '\(try row.decode("value", as: String.self))' (not in \(targetFile))",
                                                 position: position))
            found.unlisted = max(0, try row.decode("total", as: Int.self) - limit)
        }
        return found
    }
}
