import Foundation
import Postgres

/// A digest of what schema `scorecard` holds, per table, for "unchanged" and "equal" checks.
public enum DatabaseContent {
    /// Every table of schema `scorecard` (or only those named), each row as JSON, exactly: any change
    /// to any row changes the digest.
    /// `without`: columns left out of every row (one added by a later migration, say).
    public static func exact(_ connection: Connection, only: [String]? = nil, excluding: Set<String> = [],
                             without columns: [String] = []) throws -> [String: String] {
        var digests: [String: String] = [:]
        let removed = columns.map { " - '\($0)'" }.joined()
        for table in try only ?? tables(connection) where !excluding.contains(table) {
            digests[table] = try digest(connection, "SELECT to_jsonb(t)\(removed) AS row FROM scorecard.\(table) t")
        }
        return digests
    }

    /// What the data means, without the numbers a database hands out (batch and run ids, times):
    /// equal for two databases that loaded and scored the same inputs, whatever happened before.
    public static func meaning(_ connection: Connection) throws -> [String: String] {
        let runKey = "jsonb_build_object('period', r.period, 'basis', r.basis)"
        let queries: [String: String] = [
            "score_runs": "SELECT to_jsonb(r) - 'id' - 'load_batch_id' - 'computed_at' - 'previous_known_run_id' - 'aged_run_id' AS row FROM scorecard.score_runs r",
            "indicator_values": "SELECT to_jsonb(t) - 'run_id' || \(runKey) AS row FROM scorecard.indicator_values t JOIN scorecard.score_runs r ON r.id = t.run_id",
            "indicator_contributions": "SELECT to_jsonb(t) - 'run_id' || \(runKey) AS row FROM scorecard.indicator_contributions t JOIN scorecard.score_runs r ON r.id = t.run_id",
            "pillar_scores": "SELECT to_jsonb(t) - 'run_id' || \(runKey) AS row FROM scorecard.pillar_scores t JOIN scorecard.score_runs r ON r.id = t.run_id",
            "actor_scores": "SELECT to_jsonb(t) - 'run_id' - 'previous_run_id' || \(runKey) AS row FROM scorecard.actor_scores t JOIN scorecard.score_runs r ON r.id = t.run_id",
            "restatements": "SELECT to_jsonb(t) - 'run_id' - 'restated_run_id' || \(runKey) AS row FROM scorecard.restatements t JOIN scorecard.score_runs r ON r.id = t.run_id",
            "sensitivity_results": "SELECT to_jsonb(t) - 'run_id' || \(runKey) AS row FROM scorecard.sensitivity_results t JOIN scorecard.score_runs r ON r.id = t.run_id",
            "methodologies": "SELECT to_jsonb(t) - 'stored_at' AS row FROM scorecard.methodologies t",
            "editions": "SELECT to_jsonb(e) - 'id' - 'run_id' - 'known_run_id' - 'load_batch_id' - 'published_at' - 'previous_edition_id' - 'revisions_through' AS row FROM scorecard.editions e",
            "edition_files": "SELECT to_jsonb(f) - 'edition_id' || jsonb_build_object('period', e.period) AS row FROM scorecard.edition_files f JOIN scorecard.editions e ON e.id = f.edition_id",
            "edition_revisions": "SELECT jsonb_build_object('period', e.period, 'recorded_on', v.recorded_on, 'methodology_changed', v.methodology_changed) AS row FROM scorecard.edition_revisions v JOIN scorecard.editions e ON e.id = v.edition_id",
            "edition_restatements": "SELECT to_jsonb(x) - 'revision_id' || jsonb_build_object('period', e.period, 'recorded_on', v.recorded_on) AS row FROM scorecard.edition_restatements x JOIN scorecard.edition_revisions v ON v.id = x.revision_id JOIN scorecard.editions e ON e.id = v.edition_id",
            "restatement_causes": "SELECT to_jsonb(c) - 'revision_id' || jsonb_build_object('period', e.period, 'recorded_on', v.recorded_on) AS row FROM scorecard.restatement_causes c JOIN scorecard.edition_revisions v ON v.id = c.revision_id JOIN scorecard.editions e ON e.id = v.edition_id",
        ]
        var digests: [String: String] = [:]
        for (table, sql) in queries { digests[table] = try digest(connection, sql) }
        for table in ["principles", "actors", "sources", "actor_aliases", "actor_relations", "instruments", "provisions",
                      "commitments", "evidence_types", "evidence", "responses"] {
            digests[table] = try digest(connection, "SELECT to_jsonb(t) - 'first_batch_id' - 'changed_batch_id' AS row FROM scorecard.\(table) t")
        }
        return digests
    }

    static func tables(_ connection: Connection) throws -> [String] {
        try connection.query("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'scorecard' AND c.relkind IN ('r', 'p') ORDER BY c.relname
            """).map { try $0.decode("relname", as: String.self) }
    }

    /// md5 over the rows of `rows` (a query with one jsonb column `row`), in a fixed order, and their count.
    static func digest(_ connection: Connection, _ rows: String) throws -> String {
        try connection.query(SQL(unsafeTrusted: """
            SELECT count(*) || ':' || coalesce(md5(string_agg(row::text, E'\\n' ORDER BY row::text)), '') AS digest FROM (\(rows)) q
            """)).first!.decode("digest", as: String.self)
    }
}
