import Postgres

/// `ConductChecks` in SQL, over a load's staging tables: roles, measures and events, each check in
/// line order, then field order, capped at `limit`, worded through `CrossRecordProblems`. Where an
/// id is given twice, its first record counts (`DISTINCT ON … ORDER BY line`), as in Swift.
enum ConductChecksInSQL {
    static func run(on connection: Connection, package: DataPackage, limit: Int) throws -> DatasetChecks.Found {
        let evidence = DatasetSchema.table("evidence")!
        let file = CrossRecordProblems.file(of: evidence, in: package)
        let typesFile = CrossRecordProblems.file(of: DatasetSchema.table("evidence_types")!, in: package)
        func at(_ name: String) -> Int { evidence.fields.firstIndex { $0.name == name }! }
        var found = DatasetChecks.Found()

        // Roles: 0 the actor, 1 the counterpart.
        var roles = DatasetChecks.Found()
        for row in try connection.query(SQL(unsafeTrusted: """
            WITH kinds AS (SELECT DISTINCT ON (id) id, kind FROM pg_temp.stage_actors WHERE id IS NOT NULL ORDER BY id, line),
                 types AS (SELECT DISTINCT ON (id) id, actor_kinds, counterpart_kinds FROM pg_temp.stage_evidence_types
                           WHERE id IS NOT NULL ORDER BY id, line)
            SELECT s.line, r.role, k.kind, r.allowed, t.id AS evidence_type, count(*) OVER () AS total
            FROM pg_temp.stage_evidence s
            JOIN types t ON t.id = s.evidence_type
            CROSS JOIN LATERAL (VALUES (0, s.actor_id, t.actor_kinds), (1, s.counterpart_id, t.counterpart_kinds)) r (role, actor, allowed)
            JOIN kinds k ON k.id = r.actor
            WHERE r.allowed IS NOT NULL AND k.kind IS NOT NULL AND NOT (k.kind = ANY (r.allowed))
            ORDER BY s.line, r.role
            LIMIT \(limit)
            """)) {
            let position = try row.decode("role", as: Int.self) == 0 ? at("actor_id") : at("counterpart_id")
            roles.problems.append(CrossRecordProblems.wrongKind(
                field: evidence.fields[position], position: position, kind: try row.decode("kind"), evidenceType: try row.decode("evidence_type"),
                allowed: try row.decode("allowed", as: [String].self), typesFile: typesFile, file: file, line: try row.decode("line")))
            roles.unlisted = max(0, try row.decode("total", as: Int.self) - limit)
        }
        found += roles

        // Ends: the record itself, an unknown record, or a record whose type is no measure.
        var ends = DatasetChecks.Found()
        for row in try connection.query(SQL(unsafeTrusted: """
            WITH targets AS (SELECT DISTINCT ON (id) id, line, evidence_type FROM pg_temp.stage_evidence WHERE id IS NOT NULL ORDER BY id, line),
                 types AS (SELECT DISTINCT ON (id) id, measure FROM pg_temp.stage_evidence_types WHERE id IS NOT NULL ORDER BY id, line)
            SELECT s.line, s.ends, s.ends = s.id AS itself, t.id IS NULL AS unknown, t.line AS target_line, ty.id AS evidence_type,
                   count(*) OVER () AS total
            FROM pg_temp.stage_evidence s
            LEFT JOIN targets t ON t.id = s.ends
            LEFT JOIN types ty ON ty.id = t.evidence_type
            WHERE s.ends IS NOT NULL
              AND (s.ends = s.id IS TRUE OR t.id IS NULL OR (ty.id IS NOT NULL AND ty.measure IS NOT TRUE))
            ORDER BY s.line
            LIMIT \(limit)
            """)) {
            let line: Int = try row.decode("line")
            let value: String = try row.decode("ends")
            if try row.decode("itself", as: Bool?.self) == true {
                ends.problems.append(CrossRecordProblems.endsItself(position: at("ends"), file: file, line: line))
            } else if try row.decode("unknown", as: Bool.self) {
                ends.problems.append(CrossRecordProblems.unknownReference(to: evidence, targetFile: file, value: value, field: evidence.fields[at("ends")],
                                                                          position: at("ends"), file: file, line: line))
            } else {
                ends.problems.append(CrossRecordProblems.endsAnAct(value: value, targetLine: try row.decode("target_line"), evidenceType: try row.decode("evidence_type"),
                                                                   typesFile: typesFile, position: at("ends"), file: file, line: line))
            }
            ends.unlisted = max(0, try row.decode("total", as: Int.self) - limit)
        }
        found += ends

        // An end date on a record whose type is no measure.
        var endsOn = DatasetChecks.Found()
        for row in try connection.query(SQL(unsafeTrusted: """
            WITH types AS (SELECT DISTINCT ON (id) id, measure FROM pg_temp.stage_evidence_types WHERE id IS NOT NULL ORDER BY id, line)
            SELECT s.line, t.id AS evidence_type, count(*) OVER () AS total
            FROM pg_temp.stage_evidence s JOIN types t ON t.id = s.evidence_type
            WHERE s.ends_on IS NOT NULL AND t.measure IS NOT TRUE
            ORDER BY s.line
            LIMIT \(limit)
            """)) {
            endsOn.problems.append(CrossRecordProblems.endDateOfAnAct(evidenceType: try row.decode("evidence_type"), typesFile: typesFile,
                                                                      position: at("ends_on"), file: file, line: try row.decode("line")))
            endsOn.unlisted = max(0, try row.decode("total", as: Int.self) - limit)
        }
        found += endsOn

        // Events: each record against the event's first; 0 actor_id, 1 evidence_type.
        var events = DatasetChecks.Found()
        for row in try connection.query(SQL(unsafeTrusted: """
            WITH firsts AS (SELECT DISTINCT ON (event_id) event_id, line, actor_id, evidence_type FROM pg_temp.stage_evidence
                            WHERE event_id IS NOT NULL ORDER BY event_id, line)
            SELECT s.line, s.event_id, f.line AS first_line, d.field, count(*) OVER () AS total
            FROM pg_temp.stage_evidence s
            JOIN firsts f ON f.event_id = s.event_id
            CROSS JOIN LATERAL (VALUES (0, s.actor_id, f.actor_id), (1, s.evidence_type, f.evidence_type)) d (field, here, first)
            WHERE s.line <> f.line AND d.here <> d.first
            ORDER BY s.line, d.field
            LIMIT \(limit)
            """)) {
            let position = try row.decode("field", as: Int.self) == 0 ? at("actor_id") : at("evidence_type")
            events.problems.append(CrossRecordProblems.eventDiffers(field: evidence.fields[position], position: position, event: try row.decode("event_id"),
                                                                    firstLine: try row.decode("first_line"), file: file, line: try row.decode("line")))
            events.unlisted = max(0, try row.decode("total", as: Int.self) - limit)
        }
        found += events
        return found
    }
}
