import Foundation
import Postgres

/// An edition's `data/` folder (docs/reports.md, "The data folder"): the figures of its run as CSV
/// and NDJSON, described by a Frictionless data package, read straight from the database by run,
/// not through the report model. The tables are `EditionDataTables`'; each file is read through a
/// server-side cursor and handed to the sink in pieces of about `pieceBytes`, so that a run of a
/// million evidence records (millions of contributions) is never held whole.
///
/// Public only, like the report: a run whose methodology scored restricted evidence is refused, an
/// actor that is not public is left out (its name with it), and evidence enters only through
/// `scorecard.counts_for`. Numbers are written as PostgreSQL prints them, rows in the queries' order:
/// the same run gives the same bytes in any database.
public enum EditionData {
    /// Rows fetched at a time.
    static let batchRows = 10_000
    /// A file is handed to the sink in pieces of about this many bytes (a piece ends with a row).
    static let pieceBytes = 64 * 1024

    /// Writes every file of `data/`, the descriptor last, in one snapshot of the database (the
    /// caller's transaction when it is in one: an edition is emitted in the transaction that publishes it).
    /// - Throws: `ReportError.restrictedEvidenceScored` (exit 78) for a run that scored restricted
    ///   evidence, before anything is emitted; `ReportError.methodologyNotStored`.
    public static func emit(_ connection: Connection, run: ScoreRuns.Run, into sink: EditionFileSink) throws {
        try emit(connection, run: run, into: sink, batchRows: batchRows)
    }

    /// `batchRows`: rows fetched at a time (tests take fewer, to see many batches of a small run).
    static func emit(_ connection: Connection, run: ScoreRuns.Run, into sink: EditionFileSink, batchRows: Int) throws {
        if connection.isInTransaction { return try emitInSnapshot(connection, run: run, into: sink, batchRows: batchRows) }
        try connection.transaction(isolation: .repeatableRead) { try emitInSnapshot($0, run: run, into: sink, batchRows: batchRows) }
    }

    static func emitInSnapshot(_ connection: Connection, run: ScoreRuns.Run, into sink: EditionFileSink, batchRows: Int) throws {
        precondition(run.basis == "as_published", "an edition shows an as-published run, not a \(run.basis) one")
        guard let stored = try connection.query(QueryFiles.sql("report/methodology", [run.methodologyID, run.methodologyVersion])).first else {
            throw ReportError.methodologyNotStored(methodologyID: run.methodologyID, version: run.methodologyVersion)
        }
        if try stored.decode("scores_restricted", as: Bool.self) {
            throw ReportError.restrictedEvidenceScored(methodologyID: run.methodologyID, version: run.methodologyVersion, runID: run.id)
        }
        let methodology = try stored.decode("definition", as: JSONB.self).decode(Methodology.self)
        let title: String = try stored.decode("title")
        // The sensitivity analysis the report shows: the run's latest (report/run.sql).
        let runRow = try connection.query(QueryFiles.sql("report/run", [run.id])).first!
        let samples: Int? = try runRow.decode("samples")
        let seed: Int64? = try runRow.decode("seed")

        for table in EditionDataTables.all {
            let parameters: [(any PostgresEncodable)?] = table.query == EditionDataTables.actors.query ? [run.id, samples, seed] : [run.id]
            try sink.add(table.path) { emit in
                var piece = Piece()
                if table.format == .csv { try piece.append(table.fields.map { Escaping.csv($0.name) }.joined(separator: ",") + "\n", to: emit) }
                try connection.forEachBatch(QueryFiles.sql("report/\(table.query)", parameters), batchSize: batchRows) { batch in
                    var status: [String: String] = [:]
                    if table.fields.contains(where: { $0.name == "commitment_status" }) {
                        status = try statuses(connection, batch, run: run, instruments: methodology.statusInstruments)
                    }
                    for row in batch {
                        let cells = try table.fields.map { field -> String? in
                            guard field.name == "commitment_status" else { return try cell(row, field) }
                            let actor: String = try row.decode("actor_id")
                            return status[actor] ?? ""
                        }
                        try piece.append(table.format == .csv ? csvLine(cells, table.fields) : jsonLine(cells, table.fields), to: emit)
                    }
                }
                try piece.flush(to: emit)
            }
        }
        try sink.add(EditionDataTables.descriptorPath, text: try FrictionlessDescriptor.json(descriptor(run: run, title: title)))
    }

    /// Each actor's commitment status in one batch of actor rows, worded as the CSV report words it
    /// (`report/commitment_status.sql`, `Messages.status`).
    static func statuses(_ connection: Connection, _ batch: QueryResult, run: ScoreRuns.Run, instruments: [String]) throws -> [String: String] {
        guard !instruments.isEmpty else { return [:] }
        let ids = try batch.map { try $0.decode("actor_id", as: String.self) }
        var byActor: [String: [ReportModel.InstrumentStatus]] = [:]
        for row in try connection.query(QueryFiles.sql("report/commitment_status", [ids, instruments, run.periodEnd, run.knowledgeCutoff])) {
            byActor[try row.decode("actor_id"), default: []].append(ReportModel.InstrumentStatus(
                instrumentID: try row.decode("instrument_id"), instrumentName: try row.decode("instrument_name"),
                status: try row.decode("status"), committedOn: try row.decode("committed"), withdrawnOn: try row.decode("withdrawn")))
        }
        return byActor.mapValues { Messages.english.status($0) }
    }

    /// A field's value as PostgreSQL printed it (booleans as `true`/`false`), nil for NULL.
    static func cell(_ row: Row, _ field: EditionDataTables.Field) throws -> String? {
        guard let text = try row.text(field.name) else { return nil }
        switch field.type {
        case .string, .integer: return text
        // A plain decimal, digit for digit: JSON and CSV readers take it as PostgreSQL wrote it.
        case .number: return try ReportNumber(postgresText: text).text
        case .boolean: return try Bool(postgresText: text) ? "true" : "false"
        }
    }

    /// A CSV record (RFC 4180, `\n` line end); an empty field is a missing value. A text cell that
    /// a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`
    /// (OWASP, CSV injection): monitors' readers open these files in spreadsheets. Numbers are left as numbers.
    static func csvLine(_ cells: [String?], _ fields: [EditionDataTables.Field]) -> String {
        zip(cells, fields).map { cell, field in
            cell.map { Escaping.csv(field.type == .string ? Escaping.spreadsheetText($0) : $0) } ?? ""
        }.joined(separator: ",") + "\n"
    }

    /// A JSON object on one line, keys in the fields' order; numbers and booleans as JSON's own, NULL as null.
    static func jsonLine(_ cells: [String?], _ fields: [EditionDataTables.Field]) -> String {
        var line = "{"
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            line += Escaping.json(field.name) + ":"
            guard let value = cells[index] else { line += "null"; continue }
            line += field.type == .string ? Escaping.json(value) : value
        }
        return line + "}\n"
    }

    /// Collects rows into pieces of about `pieceBytes` for the sink.
    struct Piece {
        var text = ""

        mutating func append(_ line: String, to emit: (String) throws -> Void) throws {
            text += line
            if text.utf8.count >= EditionData.pieceBytes { try flush(to: emit) }
        }

        mutating func flush(to emit: (String) throws -> Void) throws {
            guard !text.isEmpty else { return }
            try emit(text)
            text = ""
        }
    }
}
