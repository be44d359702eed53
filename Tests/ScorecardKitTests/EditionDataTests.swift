import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// An edition's `data/` folder (EditionData): the run's figures as CSV and NDJSON with their
/// Frictionless descriptor, public only, streamed in bounded pieces, the same bytes for the same run.
@Suite("Edition data")
struct EditionDataTests {
    static let fileNames = ["actors.csv", "pillars.csv", "indicators.csv", "contributions.csv", "actors.ndjson", "datapackage.json"]

    /// The scoring fixture (or `data`) loaded into a fresh database, 2023 and 2024 scored, 2024
    /// analysed (100 samples, seed 1), as ReportTests has it; and the 2024 run.
    static func scoredFixture(_ data: URL = ProjectFiles.url("Tests/Fixtures/scoring/data"), methodology: MethodologyFile? = nil,
                              prefix: String = "editiondata") throws -> (Connection, ScoreRuns.Run) {
        let connection = try migratedDatabase(prefix)
        _ = try DatasetLoader(directory: data, today: .fixtureAsOf, logger: .quiet).load(connection: connection)
        let file = try methodology ?? MethodologyFile.scoringFixture()
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        _ = try engine.score(file, periods: .period("2023"), asOf: .fixtureAsOf)
        let run = try engine.score(file, periods: .period("2024"), asOf: .fixtureAsOf)[0]
        _ = try SensitivityAnalysis(connection: connection).runAndStore(runID: run.runID, methodology: file.methodology, samples: 100, seed: 1)
        return (connection, try ScoreRuns.run(connection, id: run.runID))
    }

    static func emitted(_ connection: Connection, _ run: ScoreRuns.Run) throws -> EditionFilesInMemory {
        let sink = EditionFilesInMemory()
        try EditionData.emit(connection, run: run, into: sink)
        return sink
    }

    /// The files written under `folder/data/`, as an edition folder has them; returns the data folder.
    static func write(_ sink: EditionFilesInMemory) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("edition-data-\(UUID().uuidString)")
        for file in sink.files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url)
        }
        return folder.appendingPathComponent(EditionLayout.dataFolder)
    }

    static func count(_ connection: Connection, _ sql: SQL) throws -> Int {
        try connection.query(sql).first!.decode("n", as: Int.self)
    }

    /// The NDJSON lines, each an object.
    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) as? [String: Any])
        }
    }

    // MARK: The files and their rows

    @Test func everyFileHasTheRunsRowsAndTheHandCheckedFigures() throws {
        let (connection, run) = try Self.scoredFixture()
        let sink = try Self.emitted(connection, run)
        #expect(sink.files.map(\.path) == Self.fileNames.map(EditionLayout.data))
        let folder = try Self.write(sink)
        let data = DatasetFixture(directory: folder)

        let actors = try data.table("actors.csv")
        #expect(actors.header == EditionDataTables.actorFields.map(\.name))
        #expect(actors.rows.count == (try Self.count(connection, "SELECT count(*)::int AS n FROM scorecard.actor_scores WHERE run_id = \(run.id)")))
        #expect(actors.rows.map { $0[0] } == actors.rows.map { $0[0] }.sorted(), "actors.csv is in actor id order")
        func actor(_ id: String) throws -> [String: String] {
            let row = try #require(actors.rows.first { $0[0] == id }, "\(id) is not in actors.csv")
            return Dictionary(uniqueKeysWithValues: zip(actors.header, row))
        }
        // Tests/Fixtures/reports/scorecard-scoring-fixture-2024.csv has the same figures, worked out by hand in ScoringTests.
        let gamma = try actor("gamma")
        #expect(gamma["actor_name"] == "Gamma" && gamma["kind"] == "state" && gamma["iso_code"] == "GG")
        #expect(gamma["positive"] == "" && gamma["negative"] == "13.938" && gamma["combined"] == "43.031" && gamma["grade"] == "C")
        #expect(gamma["rank"] == "1" && gamma["ranked_in_kind"] == "4")
        #expect(gamma["rank_median"] == "1.0" && gamma["rank_p05"] == "1" && gamma["rank_p95"] == "1" && gamma["grade_change_share"] == "0.0000")
        let alpha = try actor("alpha")
        #expect(alpha["positive"] == "8.607" && alpha["negative"] == "50.594" && alpha["combined"] == "29.007" && alpha["rank"] == "4")
        #expect(alpha["events"] == "2" && alpha["evidence_records"] == "2" && alpha["no_conduct"] == "false" && alpha["insufficient_evidence"] == "false")
        let delta = try actor("delta")
        #expect(delta["combined"] == "" && delta["grade"] == "" && delta["rank"] == "" && delta["no_conduct"] == "true" && delta["events"] == "0")
        #expect(try actor("vend")["country"] == "AA")

        let pillars = try data.table("pillars.csv")
        #expect(pillars.header == EditionDataTables.pillars.fields.map(\.name))
        #expect(pillars.rows.count == (try Self.count(connection, "SELECT count(*)::int AS n FROM scorecard.pillar_scores WHERE run_id = \(run.id)")))
        let stored = try connection.query("""
            SELECT actor_id, pillar, coalesce(positive::text, '') AS positive, coalesce(negative::text, '') AS negative
            FROM scorecard.pillar_scores WHERE run_id = \(run.id)
            """)
        for row in stored {
            let id: String = try row.decode("actor_id")
            let pillar: String = try row.decode("pillar")
            let line = try #require(pillars.rows.first { $0[0] == id && $0[1] == pillar }, "\(id) \(pillar) is not in pillars.csv")
            let positive: String = try row.decode("positive")
            let negative: String = try row.decode("negative")
            #expect(line[3] == positive && line[4] == negative, "\(id) \(pillar)")
            #expect(!line[2].isEmpty, "\(id) \(pillar) has no pillar name")
        }

        let indicators = try data.table("indicators.csv")
        #expect(indicators.header == EditionDataTables.indicators.fields.map(\.name))
        #expect(indicators.rows.count == (try Self.count(connection, "SELECT count(*)::int AS n FROM scorecard.indicator_values WHERE run_id = \(run.id)")))
        let misuse = try #require(indicators.rows.first { $0[0] == "alpha" && $0[1] == "MISUSE" })
        #expect(misuse[indicators.column("state")] == "scored" && misuse[indicators.column("records")] == "1")

        // Every contribution of the run (it scored no restricted record), and they add up to each value.
        let contributions = try data.table("contributions.csv")
        #expect(contributions.header == EditionDataTables.contributions.fields.map(\.name))
        #expect(contributions.rows.count == (try Self.count(connection, "SELECT count(*)::int AS n FROM scorecard.indicator_contributions WHERE run_id = \(run.id)")))
        var sums: [String: Double] = [:]
        for row in contributions.rows { sums["\(row[0]) \(row[1])", default: 0] += Double(row[contributions.column("contribution")])! }
        var scored = 0
        for row in indicators.rows where row[indicators.column("state")] == "scored" {
            let value = Double(row[indicators.column("value")])!
            guard value > 0 else { continue }
            scored += 1
            let sum = try #require(sums["\(row[0]) \(row[1])"], "\(row[0]) \(row[1]) has a value and no contribution")
            #expect(abs(sum - value) < 0.01, "\(row[0]) \(row[1]): contributions add up to \(sum), the value is \(value)")
        }
        #expect(scored > 5)
        let alphaCode = try #require(contributions.rows.first { $0[0] == "alpha" && $0[1] == "COMMIT" })
        #expect(Array(alphaCode[2...5]) == ["commitment", "alpha-code", "", "true"])

        // actors.ndjson: the rows of actors.csv, typed, keys in the same order.
        let ndjson = try #require(sink.text(EditionLayout.data("actors.ndjson")))
        let objects = try Self.objects(ndjson)
        #expect(objects.count == actors.rows.count)
        for line in ndjson.split(separator: "\n") {
            var keys: [String] = []
            var rest = Substring(line)
            while let quote = rest.range(of: "\":") {  // every key, in order (values here hold no `":`)
                keys.append(String(rest[..<quote.lowerBound].split(separator: "\"").last!))
                rest = rest[quote.upperBound...]
            }
            #expect(keys == EditionDataTables.actorFields.map(\.name))
        }
        let gammaObject = try #require(objects.first { $0["actor_id"] as? String == "gamma" })
        #expect(gammaObject["positive"] is NSNull && (gammaObject["combined"] as? NSNumber)?.doubleValue == 43.031)
        #expect(gammaObject["rank"] as? Int == 1 && gammaObject["no_conduct"] as? Bool == false)
        #expect(ndjson.contains(#""combined":43.031,"#) && ndjson.contains(#""grade_change_share":0.0000,"#), "numbers as PostgreSQL prints them")
        for (row, object) in zip(actors.rows, objects) {
            for (index, field) in EditionDataTables.actorFields.enumerated() {
                let value = object[field.name]
                let text: String
                switch value {
                case is NSNull: text = ""
                case let string as String: text = string
                case let number as NSNumber where field.type == .boolean: text = number.boolValue ? "true" : "false"
                case let number as NSNumber: text = field.type == .integer ? String(number.intValue) : String(format: "%.4f", number.doubleValue)
                default: text = "?"
                }
                let expected = field.type == .number && !row[index].isEmpty ? String(format: "%.4f", Double(row[index])!) : row[index]
                #expect(text == expected, "\(row[0]) \(field.name): \(text) in actors.ndjson, \(row[index]) in actors.csv")
            }
        }
    }

    /// The data folder and the report read the same run: every figure of an actor's row is the one the
    /// report model shows, on the Pall Mall example (groups, events, commitment status, change parts).
    @Test func actorsAgreeWithTheReportModelOnTheExample() throws {
        let connection = try migratedDatabase("editiondata_example")
        _ = try DatasetLoader(directory: ProjectFiles.url("Examples/pall-mall/data"), today: .fixtureAsOf, logger: .quiet).load(connection: connection)
        let file = try MethodologyFile.load(path: ProjectFiles.url("Examples/pall-mall/methodology.yaml").path)
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        _ = try engine.score(file, periods: .list(["2025-Q3", "2025-Q4"]), asOf: .fixtureAsOf)
        let run = try #require(try ScoreRuns.published(connection, methodology: file, period: "2025-Q4"))
        _ = try SensitivityAnalysis(connection: connection).runAndStore(runID: run.id, methodology: file.methodology, samples: 20, seed: 1)
        let model = try ReportModel.load(connection, run: run)
        let sink = try Self.emitted(connection, run)
        let data = DatasetFixture(directory: try Self.write(sink))
        let actors = try data.table("actors.csv")
        let ranked = model.rankings.flatMap(\.actors)
        #expect(actors.rows.count == ranked.count && ranked.count > 50)
        var withStatus = 0, inGroup = 0, withParts = 0
        for actor in ranked {
            let row = try #require(actors.rows.first { $0[0] == actor.id }, "\(actor.id) is not in actors.csv")
            func cell(_ name: String) -> String { row[actors.column(name)] }
            func text(_ number: ReportNumber?) -> String { number?.text ?? "" }
            let expected: [String: String] = [
                "actor_name": actor.name, "kind": actor.kind, "positive": text(actor.positive), "negative": text(actor.negative),
                "combined": text(actor.combined), "grade": actor.grade ?? "", "rank": actor.rank.map(String.init) ?? "",
                "ranked_in_kind": String(actor.rankedInKind), "events": String(actor.events), "evidence_records": String(actor.evidenceRecords),
                "no_conduct": String(actor.noConduct), "insufficient_evidence": String(actor.insufficientEvidence), "group_id": actor.groupID ?? "",
                "commitment_status": Messages.english.status(actor), "change": text(actor.change.change),
"rank_median": text(actor.rankInterval?.median),
                "rank_p05": actor.rankInterval.map { String($0.p05) } ?? "", "grade_change_share": text(actor.rankInterval?.gradeChangeShare),
            ]
            // The report shows the parts only with the change; the data file has actor_scores' columns as they are.
            if let parts = actor.change.parts { #expect(cell("change_conduct") == parts.conduct.text, "\(actor.id) change_conduct") }
            for (name, value) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(cell(name) == value, "\(actor.id) \(name): \(cell(name)) in actors.csv, \(value) in the report")
            }
            if !cell("commitment_status").isEmpty { withStatus += 1 }
            if actor.groupID != nil { inGroup += 1 }
            if actor.change.parts != nil { withParts += 1 }
        }
        #expect(withStatus > 50 && inGroup > 0 && withParts > 10, "the example exercises status (\(withStatus)), groups (\(inGroup)), change parts (\(withParts))")
        try expectValid(data.directory.appendingPathComponent("datapackage.json"), "the Pall Mall example's data folder")
    }

    // MARK: Public only

    /// A run that scored no restricted record still has restricted rows near it: the dataset's
    /// restricted actors, sources and records (RestrictedNames), and here also rows a faulty scoring
    /// could have written (a restricted actor's scores, a restricted record's contribution).
    /// None of it, nor any restricted name, reaches a byte of data/.
    @Test func noRestrictedRecordOrNameInAnyByte() throws {
        let fixture = try RestrictedNames.fixture()
        let (connection, run) = try Self.scoredFixture(fixture.directory, prefix: "editiondata_restricted")
        try connection.execute("""
            INSERT INTO scorecard.actor_scores (run_id, actor_id, actor_kind, positive, negative, combined, grade, rank_in_kind, evidence_count, events)
            VALUES (\(run.id), 'jane-victim', 'organisation', NULL, 10, 45, 'C', 1, 1, 1),
                   (\(run.id), 'shadow-vendor', 'vendor', NULL, 10, 45, 'C', 2, 1, 1)
            """)
        try connection.execute("""
            INSERT INTO scorecard.pillar_scores (run_id, actor_id, pillar, positive, negative) VALUES (\(run.id), 'jane-victim', 'accountability', NULL, 10)
            """)
        try connection.execute("""
            INSERT INTO scorecard.indicator_values (run_id, actor_id, indicator_code, pillar, polarity, kind, state, value, evidence_count)
            VALUES (\(run.id), 'jane-victim', 'MISUSE', 'accountability', 'negative', 'evidence', 'scored', 10, 1)
            """)
        try connection.execute("""
            INSERT INTO scorecard.indicator_contributions (run_id, actor_id, indicator_code, evidence_id, weight, contribution, event_id, counts)
            VALUES (\(run.id), 'gamma', 'MISUSE', 'gamma-victim', 1, 0, 'gamma-victim', true),
                   (\(run.id), 'jane-victim', 'MISUSE', 'gamma-victim', 1, 10, 'gamma-victim', true)
            """)
        let sink = try Self.emitted(connection, run)
        #expect(sink.files.count == Self.fileNames.count)
        for file in sink.files {
            let text = String(decoding: file.contents, as: UTF8.self)
            for marker in RestrictedNames.markers + ["gamma-victim", "gamma-shadow", "gamma-restricted"] {
                #expect(!text.contains(marker), "\(file.path) shows '\(marker)'")
            }
        }
        // What is public stays.
        let actors = try #require(sink.text(EditionLayout.data("actors.csv")))
        #expect(actors.contains("\ngamma,Gamma,") && actors.contains("\nvend,Vend Ltd,"))
        let data = try Self.write(sink)
        try expectValid(data.appendingPathComponent("datapackage.json"), "a data folder of a dataset with restricted records")
    }

    @Test func aRunThatScoredRestrictedEvidenceIsRefusedAndNothingIsEmitted() throws {
        let fixture = try MethodologyFile.scoringFixture()
        let scoringRestricted = try MethodologyFile.parse(
            text: fixture.text.replacingOccurrences(of: "restricted_evidence: exclude", with: "restricted_evidence: include")
                .replacingOccurrences(of: "version: \"1\"", with: "version: \"1-internal\""),
            path: "internal.yaml")
        let (connection, run) = try Self.scoredFixture(methodology: scoringRestricted, prefix: "editiondata_refused")
        let sink = EditionFilesInMemory()
        #expect(throws: ReportError.restrictedEvidenceScored(methodologyID: "scoring-fixture", version: "1-internal", runID: run.id)) {
            try EditionData.emit(connection, run: run, into: sink)
        }
        #expect(sink.files.isEmpty)
    }

    // MARK: Determinism and the descriptor

    @Test func theSameRunGivesTheSameBytesTwiceAndInAnotherDatabase() throws {
        let (first, run) = try Self.scoredFixture(prefix: "editiondata_same")
        let once = try Self.emitted(first, run).files
        let twice = try first.transaction(isolation: .repeatableRead) { c in try Self.emitted(c, run).files }
        let (second, elsewhereRun) = try Self.scoredFixture(prefix: "editiondata_elsewhere")
        #expect(elsewhereRun.inputsSHA256 == run.inputsSHA256)
        let elsewhere = try Self.emitted(second, elsewhereRun).files
        for (index, file) in once.enumerated() {
            #expect(file.contents == twice[index].contents, "\(file.path) differs between two emissions")
            #expect(file.contents == elsewhere[index].contents, "\(file.path) differs between two databases")
        }
    }

    @Test func theDescriptorDescribesEveryFileAndNamesTheMethodologyAndTheRun() throws {
        let (connection, run) = try Self.scoredFixture(prefix: "editiondata_descriptor")
        let sink = try Self.emitted(connection, run)
        let text = try #require(sink.text(EditionDataTables.descriptorPath))
        let package = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(package["$schema"] as? String == FrictionlessDescriptor.dataPackageProfile)
        #expect(package["licenses"] == nil, "the licence is the monitor's to choose")
        #expect((package["description"] as? String)?.contains("licence") == true)
        let scorecard = try #require(package["scorecard"] as? [String: Any])
        #expect(scorecard["methodology"] as? [String: String] == ["id": run.methodologyID, "version": run.methodologyVersion, "sha256": run.methodologySHA256])
        #expect((scorecard["run"] as? [String: Any])?["inputs_sha256"] as? String == run.inputsSHA256)
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.map { $0["path"] as? String } == Self.fileNames.dropLast().map { Optional($0) })
        for resource in resources {
            let name = resource["name"] as? String ?? "?"
            #expect(resource["bytes"] == nil && resource["hash"] == nil, "\(name): SHA256SUMS covers the files")
            #expect(resource["encoding"] as? String == "utf-8" && resource["mediatype"] != nil && resource["format"] != nil, "\(name)")
            let schema = try #require(resource["schema"] as? [String: Any])
            let fields = try #require(schema["fields"] as? [[String: Any]])
            for field in fields {
                #expect(!(field["title"] as? String ?? "").isEmpty && !(field["description"] as? String ?? "").isEmpty, "\(name).\(field["name"] ?? "?")")
                #expect(["string", "integer", "number", "boolean"].contains(field["type"] as? String ?? ""), "\(name).\(field["name"] ?? "?")")
            }
            // The header of each CSV file is its schema's fields.
            if resource["format"] as? String == "csv" {
                let file = try #require(sink.text(EditionLayout.data(resource["path"] as! String)))
                #expect(file.prefix { $0 != "\n" } == fields.map { $0["name"] as! String }.joined(separator: ","), "\(name)")
            }
            #expect(schema["primaryKey"] as? [String] != nil, "\(name) has a primary key")
            if name != "actors" {
                let keys = try #require(schema["foreignKeys"] as? [[String: Any]], "\(name) refers to actors")
                #expect(keys.contains { ($0["reference"] as? [String: Any])?["resource"] as? String == "actors" })
            }
        }
        try expectValid(try Self.write(sink).appendingPathComponent("datapackage.json"), "the scoring fixture's data folder")
    }

    func expectValid(_ descriptor: URL, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try Frictionless.validate(descriptor.path)
        #expect(report.valid, "\(label): frictionless validate found:\n\(report.errors.joined(separator: "\n"))\n\(report.output.prefix(2000))",
                sourceLocation: sourceLocation)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: descriptor)) as? [String: Any])
        let leftovers = Frictionless.v1Leftovers(object, root: FrictionlessDescriptor.dataPackageProfile)
        #expect(leftovers.isEmpty, "\(label) is not in the v2 form: \(leftovers.joined(separator: "; "))", sourceLocation: sourceLocation)
    }

    // MARK: Bounded memory

    /// A sink that keeps nothing: the size of each piece and of each file.
    final class DiscardingSink: EditionFileSink {
        var largestPiece = 0
        var pieces: [String: Int] = [:]
        var bytes: [String: Int] = [:]

        func add(_ path: String, _ write: (_ emit: (String) throws -> Void) throws -> Void) throws {
            try write { piece in
                largestPiece = max(largestPiece, piece.utf8.count)
                pieces[path, default: 0] += 1
                bytes[path, default: 0] += piece.utf8.count
            }
        }
    }

    /// Thousands of generated records: each file reaches the sink in pieces of about
    /// `EditionData.pieceBytes`, never whole, read from the cursor in many batches (fewer rows a batch
    /// than in production, so that a run of this size needs many); the real validator accepts it all.
    @Test func aLargeRunIsEmittedInBoundedPieces() throws {
        let fixture = try DatasetFixture(generating: SyntheticDataset(actors: 60, evidence: 6000, seed: 5))
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let asOf = SyntheticDataset.referenceDate
        let scored = try ScoredDataset(fixture, methodology: ProjectFiles.url("Tests/Fixtures/bench/methodology.yaml").path,
                                       periods: ["2026-Q1"], asOf: asOf, prefix: "editiondata_large")
        let run = try ScoreRuns.run(scored.connection, id: scored.runs[0])
        let batch = 500
        let sink = DiscardingSink()
        try EditionData.emit(scored.connection, run: run, into: sink, batchRows: batch)
        let contributions = EditionLayout.data("contributions.csv")
        let stored = try Self.count(scored.connection, "SELECT count(*)::int AS n FROM scorecard.indicator_contributions WHERE run_id = \(run.id)")
        #expect(stored > 4 * batch, "the run has \(stored) contributions: several batches")
        let bytes = sink.bytes[contributions, default: 0]
        #expect(bytes > 3 * EditionData.pieceBytes, "contributions.csv: \(bytes) bytes")
        #expect(sink.pieces[contributions, default: 0] >= bytes / (2 * EditionData.pieceBytes), "contributions.csv came in \(sink.pieces[contributions, default: 0]) pieces")
        // A piece ends with the row that took it past pieceBytes: far below 1 MB, whatever the run's size.
        #expect(sink.largestPiece <= 2 * EditionData.pieceBytes && sink.largestPiece < 1 << 20, "a piece of \(sink.largestPiece) bytes")

        // Batches change nothing: the same bytes as one batch of the production size.
        let files = EditionFilesInMemory()
        try EditionData.emit(scored.connection, run: run, into: files)
        let small = EditionFilesInMemory()
        try EditionData.emit(scored.connection, run: run, into: small, batchRows: batch)
        #expect(files.files.map(\.contents) == small.files.map(\.contents))
        let lines = try #require(files.text(contributions)).split(separator: "\n").count - 1
        #expect(lines == stored)
        try expectValid(try Self.write(files).appendingPathComponent("datapackage.json"), "a generated run's data folder")
    }
}
