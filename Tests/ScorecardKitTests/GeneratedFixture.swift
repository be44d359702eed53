import Foundation
import Testing
import Logging
import Postgres
@testable import ScorecardKit
import TestSupport

/// A CSV file's records as text, by column name, for a test to change.
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    func column(_ name: String) -> Int { header.firstIndex(of: name)! }

    subscript(_ row: Int, _ name: String) -> String {
        get { rows[row][column(name)] }
        set { rows[row][column(name)] = newValue }
    }
}

extension DatasetFixture {
    /// The dataset already in `directory`.
    init(directory: URL) { self.directory = directory }

    /// A dataset `scorecard generate` writes, in a temporary folder.
    init(generating dataset: SyntheticDataset) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-generated-\(UUID().uuidString)")
        try dataset.write(to: directory, today: SyntheticDataset.referenceDate)
    }

    func table(_ file: String) throws -> CSVTable {
        let records = try records(file)
        return CSVTable(header: records[0], rows: Array(records.dropFirst()))
    }

    func write(_ file: String, _ table: CSVTable) throws { try writeRecords(file, [table.header] + table.rows) }
}

/// One actor's row of scorecard.actor_scores, as compared between two runs.
struct ActorScoreRow: Equatable, CustomStringConvertible {
    var positive: Double?
    var negative: Double?
    var combined: Double?
    var grade: String?
    var rank: Int?
    var events: Int?
    var records: Int
    var group: String?

    var hasFiguresOfItsOwn: Bool { positive != nil || negative != nil || combined != nil || grade != nil || rank != nil }

    var description: String {
        func text(_ value: Double?) -> String { value.map { String($0) } ?? "–" }
        func text(_ value: Int?) -> String { value.map { String($0) } ?? "–" }
        let faces = "positive \(text(positive)) negative \(text(negative)) combined \(text(combined))"
        return faces + " grade \(grade ?? "–") rank \(text(rank)) events \(text(events)) records \(records) group \(group ?? "–")"
    }
}

/// One indicator value of one actor in a run.
struct IndicatorValueRow: Equatable {
    var state: String
    var value: Double?
    var count: Int
}

/// Loads a dataset into a fresh database and scores periods, for tests that compare two datasets' figures.
struct ScoredDataset {
    let connection: Connection
    let runs: [Int64]

    init(connection: Connection, runs: [Int64]) {
        self.connection = connection
        self.runs = runs
    }

    init(_ fixture: DatasetFixture, methodology: String, periods: [String], asOf: CalendarDate, prefix: String) throws {
        connection = try migratedDatabase(prefix)
        do {
            _ = try fixture.loader(today: asOf).load(connection: connection)
        } catch let invalid as DatasetInvalid {
            Issue.record("the fixture does not load: \(invalid.problems.prefix(5).map(\.description))")
            throw invalid
        }
        let file = try MethodologyFile.load(path: methodology)
        runs = try ScoringEngine(connection: connection, logger: .quiet).score(file, periods: .list(periods), asOf: asOf).map(\.runID)
    }

    func actorScores(_ run: Int64) throws -> [String: ActorScoreRow] {
        var scores: [String: ActorScoreRow] = [:]
        for row in try connection.query("""
            SELECT actor_id, positive::float8 AS positive, negative::float8 AS negative, combined::float8 AS combined, grade,
                   rank_in_kind, events, evidence_count, group_id
            FROM scorecard.actor_scores WHERE run_id = \(run)
            """) {
            scores[try row.decode("actor_id")] = ActorScoreRow(
                positive: try row.decode("positive"), negative: try row.decode("negative"), combined: try row.decode("combined"),
                grade: try row.decode("grade"), rank: try row.decode("rank_in_kind"), events: try row.decode("events"),
                records: try row.decode("evidence_count"), group: try row.decode("group_id"))
        }
        return scores
    }

    /// Keyed "actor indicator".
    func indicatorValues(_ run: Int64) throws -> [String: IndicatorValueRow] {
        var values: [String: IndicatorValueRow] = [:]
        for row in try connection.query("""
            SELECT actor_id, indicator_code, state, value::float8 AS value, evidence_count
            FROM scorecard.indicator_values WHERE run_id = \(run)
            """) {
            let key = "\(try row.decode("actor_id", as: String.self)) \(try row.decode("indicator_code", as: String.self))"
            values[key] = IndicatorValueRow(state: try row.decode("state"), value: try row.decode("value"), count: try row.decode("evidence_count"))
        }
        return values
    }
}
