import Postgres

/// The checks that need every file at once, run set-based over the staging tables:
/// duplicate keys and references to ids that no file defines.
enum DatasetChecks {
    static func run(on connection: Connection, package: DataPackage, limit: Int) throws -> [DatasetProblem] {
        var problems: [DatasetProblem] = []
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

    /// Every record after the first with the same key, pointing back to the first.
    private static func duplicates(in table: TableDefinition, stage: String, file: String, connection: Connection, limit: Int) throws -> [DatasetProblem] {
        let key = table.primaryKey.map(SQL.quoteIdentifier)
        let keyList = key.joined(separator: ", ")
        let notNull = key.map { "\($0) IS NOT NULL" }.joined(separator: " AND ")
        let qualified = key.map { "s.\($0)" }
        let keyText = qualified.count == 1 ? qualified[0] : "concat_ws('/', \(qualified.joined(separator: ", ")))"
        // Group first (cheap, hashed); only duplicated keys are then ranked by line.
        let sql = SQL(unsafeTrusted: """
            WITH duplicated_keys AS (
                SELECT \(keyList) FROM pg_temp.\(stage) WHERE \(notNull)
                GROUP BY \(keyList) HAVING count(*) > 1
            ), ranked AS (
                SELECT s.line, \(keyText) AS key,
                       min(s.line) OVER (PARTITION BY \(qualified.joined(separator: ", "))) AS first_line
                FROM pg_temp.\(stage) s JOIN duplicated_keys USING (\(keyList))
            )
            SELECT line, key, first_line FROM ranked WHERE line <> first_line ORDER BY line LIMIT \(limit)
            """)
        let field = table.primaryKey.joined(separator: "+")
        return try connection.query(sql).map { row in
            DatasetProblem(file: file, line: try row.decode("line"), field: field,
                           reason: "duplicate \(table.primaryKey.count == 1 ? "id" : "key") '\(try row.decode("key", as: String.self))' (first on line \(try row.decode("first_line", as: Int.self)))",
                           position: table.fields.firstIndex { $0.name == table.primaryKey[0] } ?? -1)
        }
    }

    private static func unknownReferences(field: FieldDefinition, stage: String, target: TableDefinition, targetFile: String,
                                          file: String, position: Int, connection: Connection, limit: Int) throws -> [DatasetProblem] {
        let column = SQL.quoteIdentifier(field.name)
        let targetStage = DatasetStager.stagingTable(target)
        let targetKey = SQL.quoteIdentifier(target.primaryKey[0])
        let values = field.type.isList ? "unnest(s.\(column))" : "s.\(column)"
        let sql = SQL(unsafeTrusted: """
            SELECT s.line, v.value
            FROM pg_temp.\(stage) s CROSS JOIN LATERAL (SELECT \(values) AS value) v
            WHERE v.value IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM pg_temp.\(targetStage) t WHERE t.\(targetKey) = v.value)
            ORDER BY s.line, v.value
            LIMIT \(limit)
            """)
        let noun = target.name == "evidence" ? "evidence" : String(target.name.dropLast())
        return try connection.query(sql).map { row in
            DatasetProblem(file: file, line: try row.decode("line"), field: field.name,
                           reason: "unknown \(noun.replacingOccurrences(of: "_", with: " ")) '\(try row.decode("value", as: String.self))' (not in \(targetFile))",
                           position: position)
        }
    }
}
