import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

@Suite("Dataset loading")
struct DatasetLoadTests {
    @Test func reloadingAnUnchangedDatasetWritesNothing() throws {
        let connection = try migratedDatabase("reload")
        let fixture = try DatasetFixture()
        let first = try fixture.loader().load(connection: connection)
        #expect(first.changed)
        #expect(first.counts["evidence"]?.inserted == 3)
        let before = try databaseFingerprint(connection)
        let second = try fixture.loader().load(connection: connection)
        #expect(!second.changed)
        #expect(second.batchID == nil)
        #expect(second.datasetSHA256 == first.datasetSHA256)
        #expect(second.counts["evidence"] == TableLoadCounts(inserted: 0, updated: 0, deleted: 0, unchanged: 3))
        #expect(try databaseFingerprint(connection) == before)
    }

    /// A new database's evidence table has never been analyzed: analyzed empty, it reads as known to
    /// be empty, and the planner then scanned it once per inserted row (migration 0015's ANALYZE made a
    /// first load of 100,000 records take 197 s instead of 4; DatasetApply also forbids nested loops).
    @Test func aNewDatabaseHasNoStatisticsSayingItsTablesAreEmpty() throws {
        let connection = try migratedDatabase("unanalyzed")
        let tuples = try connection.query("SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'scorecard.evidence'::regclass").first!.decode("n", as: Double.self)
        #expect(tuples == -1)
    }

    @Test func aLoadLeavesPlannerStatisticsForTheTablesItChanged() throws {
        // Scoring right after a big load planned over tables without statistics took minutes, not seconds.
        let connection = try migratedDatabase("analyze")
        let fixture = try DatasetFixture()
        _ = try fixture.loader().load(connection: connection)
        let analyzed = try connection.query("""
            SELECT relname FROM pg_stat_user_tables
            WHERE schemaname = 'scorecard' AND last_analyze IS NOT NULL AND relname IN ('actors', 'evidence', 'sources', 'commitments')
            ORDER BY relname
            """).map { try $0.decode("relname", as: String.self) }
        #expect(analyzed == ["actors", "commitments", "evidence", "sources"])
    }

    /// What scoring reads of a record's sources (scorecard.evidence_source_facts) is kept by each load
    /// for what it changed only: after a source's grade and publisher change, a record's sources
    /// change and a record leaves, it is exactly what the evidence and sources give from scratch.
    @Test func whatARecordsSourcesAreFollowsEveryLoad() throws {
        let connection = try migratedDatabase("sourcefacts")
        let fixture = try DatasetFixture()
        func facts() throws -> [String] {
            try connection.query("""
                SELECT evidence_id || ' ' || array_to_string(reliabilities, '') || ' ' || array_to_string(publishers, '|') AS fact
                FROM scorecard.evidence_source_facts ORDER BY evidence_id
                """).map { try $0.decode("fact", as: String.self) }
        }
        func fromScratch() throws -> [String] {
            try connection.query("""
                SELECT e.id || ' ' || string_agg(DISTINCT s.reliability::text, '' ORDER BY s.reliability::text) || ' '
                       || string_agg(DISTINCT s.publisher, '|' ORDER BY s.publisher) AS fact
                FROM scorecard.evidence e CROSS JOIN LATERAL unnest(e.source_ids) AS u (id) JOIN scorecard.sources s ON s.id = u.id
                GROUP BY e.id ORDER BY e.id
                """).map { try $0.decode("fact", as: String.self) }
        }
        _ = try fixture.loader().load(connection: connection)
        #expect(try facts() == [
            "ev-freedonia-sanctions-acme AC Example Company Register|Example News",
            "ev-ruritania-journalists B Example Research Lab",
            "ev-ruritania-victim B Example Research Lab",
        ])
        #expect(try facts() == fromScratch())

        // A source regraded and republished: every record citing it follows, the others are not touched.
        try fixture.replace("sources.csv", "Example News,Freedonia sanctions spyware vendor,2025-11,C", with: "Example Wire,Freedonia sanctions spyware vendor,2025-11,E")
        _ = try fixture.loader().load(connection: connection)
        #expect(try facts().first == "ev-freedonia-sanctions-acme AE Example Company Register|Example Wire")
        #expect(try facts() == fromScratch())

        // A record's sources changed, and a record removed.
        try fixture.replace("evidence.csv", "src-news;src-register", with: "src-lab")
        let evidence = try fixture.read("evidence.csv").split(separator: "\n", omittingEmptySubsequences: false)
        try fixture.write("evidence.csv", evidence.filter { !$0.hasPrefix("ev-ruritania-victim,") }.joined(separator: "\n"))
        _ = try fixture.loader().load(connection: connection)
        #expect(try facts() == ["ev-freedonia-sanctions-acme B Example Research Lab", "ev-ruritania-journalists B Example Research Lab"])
        #expect(try facts() == fromScratch())
    }

    @Test func editRemoveAndAddRoundTripWithHistory() throws {
        let connection = try migratedDatabase("roundtrip")
        let fixture = try DatasetFixture()
        let first = try fixture.loader().load(connection: connection)
        try fixture.replace("actors.csv", "Republic of Ruritania", with: "Ruritania")
        try fixture.replace("responses.csv", "r-acme-denial,ev-ruritania-journalists,acme-intrusion,2025-09-12,Acme says it sells only to vetted government customers.,src-news\n", with: "")
        try fixture.append("actors.csv", "graustark,state,Graustark,XG,,,")
        let second = try fixture.loader().load(connection: connection)
        #expect(second.changed)
        #expect(second.counts["actors"] == TableLoadCounts(inserted: 1, updated: 1, deleted: 0, unchanged: 3))
        #expect(second.counts["responses"] == TableLoadCounts(inserted: 0, updated: 0, deleted: 1, unchanged: 0))
        let batch = second.batchID!
        #expect(batch > first.batchID!)

        let name = try connection.query("SELECT name, first_batch_id, changed_batch_id FROM scorecard.actors WHERE id = 'ruritania'").first!
        #expect(try name.decode("name", as: String.self) == "Ruritania")
        #expect(try name.decode("first_batch_id", as: Int64.self) == first.batchID!)
        #expect(try name.decode("changed_batch_id", as: Int64.self) == batch)

        let history = try connection.query("""
            SELECT table_name, record_key, change, previous ->> 'name' AS old_name, previous ->> 'summary' AS old_summary
            FROM scorecard.record_history WHERE batch_id = \(batch) ORDER BY table_name, record_key
            """)
        #expect(history.count == 2)
        #expect(try history[0].decode("table_name", as: String.self) == "actors")
        #expect(try history[0].decode("change", as: String.self) == "updated")
        #expect(try history[0].decode("old_name", as: String.self) == "Republic of Ruritania")
        #expect(try history[1].decode("record_key", as: String.self) == "r-acme-denial")
        #expect(try history[1].decode("change", as: String.self) == "deleted")
        #expect(try history[1].decode("old_summary", as: String.self) == "Acme says it sells only to vetted government customers.")

        let batchRow = try connection.query("SELECT counts -> 'actors' ->> 'updated' AS updated, jsonb_array_length(files) AS files FROM scorecard.load_batches WHERE id = \(batch)").first!
        #expect(try batchRow.decode("updated", as: String.self) == "1")
        #expect(try batchRow.decode("files", as: Int.self) == 11)
    }

    @Test func csvEdgeCasesLoadByteIdentical() throws {
        let connection = try migratedDatabase("edge")
        let fixture = try DatasetFixture()
        // BOM, CRLF record endings, quoted commas, doubled quotes, embedded LF and CRLF,
        // empty trailing fields, non-Latin text and emoji.
        let summaries = [
            "a, b, and c",
            "she said \"no\"",
            "line one\nline two",
            "windows\r\nline",
            "中文 العربية русский 🕵️‍♀️",
        ]
        var csv = "\u{FEFF}id,name,description\r\n"
        csv += "accountability,Accountability,\r\n"
        csv += "oversight,Oversight,\r\n"
        for (index, text) in summaries.enumerated() {
            csv += "p\(index),\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\",\r\n"
        }
        try fixture.write("principles.csv", csv)
        _ = try fixture.loader().load(connection: connection)
        for (index, text) in summaries.enumerated() {
            let row = try connection.query("SELECT name, description FROM scorecard.principles WHERE id = \("p\(index)")").first!
            #expect(Array(try row.decode("name", as: String.self).utf8) == Array(text.utf8))
            #expect(try row.decode("description", as: String?.self) == nil)
        }
    }

    @Test func recordsWithEmbeddedLineBreaksReportTheirFirstLine() throws {
        let connection = try migratedDatabase("lines")
        let fixture = try DatasetFixture()
        try fixture.append("evidence_types.csv", "multi,\"spans\nthree\nlines\",")
        try fixture.append("evidence_types.csv", "Bad,Bad,")
        #expect(problemsFoundEverywhere(fixture, connection) == [
            "evidence_types.csv:7: id: 'Bad' is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)",
        ])
    }

    @Test func evidenceMayComeAsJSONLines() throws {
        let connection = try migratedDatabase("jsonl")
        let fixture = try DatasetFixture()
        try fixture.remove("evidence.csv")
        try fixture.write("evidence.jsonl", """
            {"id": "ev-1", "actor_id": "ruritania", "evidence_type": "misuse_documented", "occurred_on": "2025-06", "published_on": "2025-09-10", "severity": 4, "certainty": "attributed", "sensitivity": "public", "summary": "Researchers attribute it, \\"likely\\".", "source_ids": ["src-lab", "src-news"]}
            {"id": "ev-2", "actor_id": "freedonia", "evidence_type": "sanction_imposed", "occurred_on": "2025", "published_on": "2025-11", "counterpart_id": null, "severity": 3, "certainty": "reported", "sensitivity": "public", "summary": "Sanctions.", "source_ids": ["src-news"]}

            """)
        try fixture.write("datapackage.json", try FrictionlessDescriptor.json(FrictionlessDescriptor.dataPackage(name: "jsonl", title: "JSON Lines", evidenceFormat: .jsonl)))
        try fixture.replace("responses.csv", "ev-ruritania-journalists", with: "ev-1")
        let summary = try fixture.loader().load(connection: connection)
        #expect(summary.counts["evidence"]?.inserted == 2)
        let row = try connection.query("SELECT summary, source_ids, occurred_precision FROM scorecard.evidence WHERE id = 'ev-1'").first!
        #expect(try row.decode("summary", as: String.self) == "Researchers attribute it, \"likely\".")
        #expect(try row.decode("source_ids", as: [String].self) == ["src-lab", "src-news"])
        #expect(try row.decode("occurred_precision", as: String.self) == "month")

        try fixture.write("evidence.jsonl", "{\"id\": \"ev-1\", \"colour\": \"red\"}\nnot json\n")
        #expect(problemsFoundEverywhere(fixture, connection) == [
            "evidence.jsonl:1: colour: unknown field",
            "evidence.jsonl:2: is not valid JSON: Invalid value around character 1. (each line must hold one complete JSON object)",
            "responses.csv:2: evidence_id: unknown evidence 'ev-1' (not in evidence.jsonl)",
        ])
    }

    @Test func partialDatesAreStoredAsDatePlusPrecision() throws {
        let connection = try migratedDatabase("precision")
        _ = try DatasetFixture().loader().load(connection: connection)
        let row = try connection.query("""
            SELECT occurred_on, occurred_precision, published_on, published_precision
            FROM scorecard.evidence WHERE id = 'ev-freedonia-sanctions-acme'
            """).first!
        #expect(try row.decode("occurred_on", as: CalendarDate.self).description == "2025-11-01")
        #expect(try row.decode("occurred_precision", as: String.self) == "month")
        let alias = try connection.query("SELECT valid_from, valid_from_precision FROM scorecard.actor_aliases").first!
        #expect(try alias.decode("valid_from", as: CalendarDate.self).description == "2015-01-01")
        #expect(try alias.decode("valid_from_precision", as: String.self) == "year")
    }

    @Test func theExampleDatasetsValidateAndLoad() throws {
        let connection = try migratedDatabase("examples")
        for example in ["Examples/minimal", "Examples/pall-mall/data"] {
            let loader = DatasetLoader(directory: ProjectFiles.url(example), today: .fixtureAsOf, logger: .quiet)
            try loader.validate(connection: connection)
            try loader.validate()
        }
        let summary = try DatasetLoader(directory: ProjectFiles.url("Examples/pall-mall/data"), today: .fixtureAsOf, logger: .quiet).load(connection: connection)
        #expect(summary.changed)
        #expect((summary.counts["evidence"]?.inserted ?? 0) > 100)
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.commitments_in_force('2025-12-31')").first!.decode("n", as: Int.self) > 20)
    }

    @Test func whoHadCommittedOnADateIsOneQuery() throws {
        let connection = try migratedDatabase("inforce")
        let fixture = try DatasetFixture()
        try fixture.replace("commitments.csv", "c-ruritania-code,ruritania,example-code,endorsed,2025-04-04,,", with: "c-ruritania-code,ruritania,example-code,endorsed,2025-04-04,2025-10,")
        _ = try fixture.loader().load(connection: connection)
        func committed(on date: String) throws -> [String] {
            try connection.query("SELECT actor_id FROM scorecard.commitments_in_force(\(CalendarDate(iso: date)!)) ORDER BY actor_id").map { try $0.decode("actor_id") }
        }
        #expect(try committed(on: "2025-04-03") == [])
        #expect(try committed(on: "2025-06-30") == ["freedonia", "ruritania"])
        #expect(try committed(on: "2025-12-31") == ["freedonia"])
    }
}
