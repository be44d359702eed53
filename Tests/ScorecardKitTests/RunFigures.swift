import Postgres
import Testing

/// A run's stored figures, read back for tests that check them against hand-worked values.
struct RunFigures {
    let connection: Connection

    struct Indicator: Equatable {
        let state: String
        let value: Double?
        let count: Int
    }

    struct Actor {
        let positive: Double?
        let negative: Double?
        let combined: Double?
        let grade: String?
        let rank: Int?
        let events: Int?
        let records: Int
        let group: String?
    }

    func indicator(_ run: Int64, _ actor: String, _ code: String) throws -> Indicator {
        let row = try connection.query("""
            SELECT state, value::float8 AS value, evidence_count FROM scorecard.indicator_values
            WHERE run_id = \(run) AND actor_id = \(actor) AND indicator_code = \(code)
            """).first!
        return Indicator(state: try row.decode("state"), value: try row.decode("value"), count: try row.decode("evidence_count"))
    }

    func actor(_ run: Int64, _ actor: String) throws -> Actor {
        let row = try connection.query("""
            SELECT positive::float8 AS positive, negative::float8 AS negative, combined::float8 AS combined, grade, rank_in_kind,
                   events, evidence_count, group_id
            FROM scorecard.actor_scores WHERE run_id = \(run) AND actor_id = \(actor)
            """).first!
        return Actor(positive: try row.decode("positive"), negative: try row.decode("negative"), combined: try row.decode("combined"),
                     grade: try row.decode("grade"), rank: try row.decode("rank_in_kind"), events: try row.decode("events"),
                     records: try row.decode("evidence_count"), group: try row.decode("group_id"))
    }
}

/// Within the rounding of a stored score (3 decimals).
func expectClose(_ actual: Double?, _ expected: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else { Issue.record("\(what) is NULL, expected \(expected)", sourceLocation: sourceLocation); return }
    #expect(abs(actual - expected) < 0.002, "\(what): \(actual) ≠ \(expected)", sourceLocation: sourceLocation)
}
