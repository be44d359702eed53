import Foundation
import Logging
import Postgres

/// Stages a dataset for a load: temporary tables (one per table, dropped at the end of the
/// transaction) filled with COPY from one `DatasetScan` of the files, which checks every field,
/// record, key and reference on the way. Streaming: a file is never held in memory.
final class DatasetStager {
    let connection: Connection
    let scan: DatasetScan

    init(connection: Connection, scan: DatasetScan) {
        self.connection = connection
        self.scan = scan
    }

    static func stagingTable(_ table: TableDefinition) -> String { "stage_\(table.name)" }

    /// Creates every staging table (absent optional files stay empty) and fills them.
    func stageAll() throws {
        // Temporary tables live in local buffers; the default 8 MB makes a large load spill.
        try connection.executeUnsafeTrustedScript("SET LOCAL temp_buffers = '256MB'")
        for table in DatasetSchema.tables {
            let columns = (["line integer"] + table.columns.map { "\(SQL.quoteIdentifier($0.name)) \($0.sqlType)" }).joined(separator: ", ")
            try connection.executeUnsafeTrustedScript("CREATE TEMPORARY TABLE \(DatasetStager.stagingTable(table)) (\(columns)) ON COMMIT DROP")
        }
        for resource in scan.package.resources {
            let columnNames = (["line"] + resource.table.columns.map(\.name)).map(SQL.quoteIdentifier).joined(separator: ", ")
            try connection.copyFrom(SQL(unsafeTrusted: "COPY \(DatasetStager.stagingTable(resource.table)) (\(columnNames)) FROM STDIN")) { writer in
                try scan.read(resource, as: CopyTextRow.self) { row in try writer.write(row) }
            }
        }
        for table in DatasetSchema.tables {
            try connection.executeUnsafeTrustedScript("ANALYZE \(DatasetStager.stagingTable(table))")
        }
    }
}
