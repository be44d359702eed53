import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Reports of the scoring fixture (Tests/Fixtures/scoring): periods 2023 and 2024 scored, so that
/// 2024 has a change, and a sensitivity analysis (100 samples, seed 1) for the rank intervals.
/// Snapshots are in Tests/Fixtures/reports/ (rewrite with SCORECARD_UPDATE_SNAPSHOTS=1, then review).
@Suite("Report")
struct ReportTests {
    static let restrictedID = "gamma-restricted"
    static let restrictedSummary = "A named victim (restricted)."
    static let hostile = "<script>alert(1)</script> | *bold* _x_"

    let file: MethodologyFile

    init() throws {
        file = try MethodologyFile.scoringFixture()
    }

    /// A fresh database with `data` loaded, 2023 and 2024 scored and 2024 analysed.
    func scoredDatabase(_ data: URL = ProjectFiles.url("Tests/Fixtures/scoring/data"), methodology: MethodologyFile? = nil) throws -> Connection {
        let connection = try migratedDatabase("report")
        _ = try DatasetLoader(directory: data, today: .fixtureAsOf, logger: .quiet).load(connection: connection)
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        let m = methodology ?? file
        _ = try engine.score(m, periods: .period("2023"), asOf: .fixtureAsOf)
        let run = try engine.score(m, periods: .period("2024"), asOf: .fixtureAsOf)[0]
        _ = try SensitivityAnalysis(connection: connection).runAndStore(runID: run.runID, methodology: m.methodology, samples: 100, seed: 1)
        return connection
    }

    func model(_ connection: Connection, period: String = "2024", actor: String? = nil, methodology: MethodologyFile? = nil) throws -> ReportModel {
        let run = try #require(try ScoreRuns.published(connection, methodology: methodology ?? file, period: period))
        return try ReportModel.load(connection, run: run, actorID: actor)
    }

    /// The whole edition folder of the period's as-published run, rendered now in memory.
    func edition(_ connection: Connection, period: String = "2024", options: EditionOptions = EditionOptions(),
                 methodology: MethodologyFile? = nil) throws -> EditionFilesInMemory {
        let run = try #require(try ScoreRuns.published(connection, methodology: methodology ?? file, period: period))
        return try EditionRenderer.render(connection, run: run, options: options)
    }

    /// Every file of a folder as text, by path.
    func texts(_ files: EditionFilesInMemory) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    /// The pages of one format: the summary and every card.
    func pages(_ files: EditionFilesInMemory, _ format: ReportFormat) -> [String: String] {
        texts(files).filter { $0.key.hasSuffix(".\(format.fileExtension)") && $0.key != EditionLayout.checksums }
    }

    /// The fixture dataset with hostile text in a public record, and a reply to the restricted record.
    func hostileDataset() throws -> DatasetFixture {
        let fixture = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        try fixture.append("evidence.csv", "alpha-hostile,alpha,sanction_imposed,2024-03-01,2024-03-02,vend2,,2,confirmed,public,\"\(Self.hostile)\",src-b")
        try fixture.append("responses.csv", "gamma-restricted-reply,gamma-restricted,gamma,2024-10-15,Reply to the restricted record.,src-c")
        return fixture
    }

    static let snapshotFolder = "Tests/Fixtures/reports/scoring-fixture-2024"

    // MARK: Snapshots and determinism

    @Test func everyFileOfTheEditionFolderMatchesItsSnapshot() throws {
        let connection = try scoredDatabase()
        let files = try edition(connection)
        let run = try #require(try ScoreRuns.published(connection, methodology: file, period: "2024"))
        #expect("Tests/Fixtures/reports/" + EditionLayout.folder(methodologyID: run.methodologyID, period: run.period) == Self.snapshotFolder)
        if let problem = ProjectFiles.compareSnapshotFolder(files.files, with: Self.snapshotFolder) { Issue.record("\(problem)") }
    }

    /// The snapshot comparison itself: a changed, a missing and an extra file are each reported.
    @Test func theFolderSnapshotComparisonReportsChangedMissingAndExtraFiles() throws {
        guard !ProjectFiles.updatingSnapshots else { return }
        let committed = ProjectFiles.files(under: ProjectFiles.url(Self.snapshotFolder))
        try #require(committed.count > 3, "the snapshot folder is empty; run make snapshots")
        let same = try committed.map { (path: $0, contents: try Data(contentsOf: ProjectFiles.url("\(Self.snapshotFolder)/\($0)"))) }
        #expect(ProjectFiles.compareSnapshotFolder(same, with: Self.snapshotFolder) == nil)
        var changed = same
        let index = try #require(changed.firstIndex { $0.path == "index.txt" })
        changed[index].contents = Data(String(decoding: changed[index].contents, as: UTF8.self).replacingOccurrences(of: "Gamma", with: "Gxmma").utf8)
        let changedMessage = try #require(ProjectFiles.compareSnapshotFolder(changed, with: Self.snapshotFolder))
        #expect(changedMessage.contains("\(ReportTests.snapshotFolder)/index.txt") && changedMessage.contains("Gxmma"), "\(changedMessage)")
        let missing = try #require(ProjectFiles.compareSnapshotFolder(Array(same.dropFirst()), with: Self.snapshotFolder))
        #expect(missing.contains(same[0].path), "\(missing)")
        let extra = try #require(ProjectFiles.compareSnapshotFolder(same + [(path: "actors/surprise.txt", contents: Data("x".utf8))], with: Self.snapshotFolder))
        #expect(extra.contains("actors/surprise.txt"), "\(extra)")
    }

    @Test func renderingIsByteIdenticalTwiceAndAcrossDatabases() throws {
        let first = try scoredDatabase()
        let once = try edition(first).files
        let twice = try edition(first).files
        let elsewhere = try edition(try scoredDatabase()).files
        #expect(once.map(\.path) == twice.map(\.path) && once.map(\.path) == elsewhere.map(\.path))
        for (index, file) in once.enumerated() {
            #expect(file.contents == twice[index].contents, "\(file.path) differs between two renderings")
            #expect(file.contents == elsewhere[index].contents, "\(file.path) differs between two databases")
        }
        #expect(once.count > 10)
    }

    @Test func theModelHasTheFiguresOfTheRun() throws {
        let connection = try scoredDatabase()
        let model = try model(connection)
        #expect(model.run.period == "2024" && model.run.previousPeriod == "2023")
        #expect(model.run.sensitivity == ReportModel.SensitivityInfo(samples: 100, seed: 1))
        #expect(model.rankings.map(\.kind) == ["state", "vendor"])
        // Stable order: rank, then id; unranked last.
        #expect(model.rankings[0].actors.map(\.id) == ["gamma", "beta", "epsilon", "alpha", "delta"])
        let alpha = try #require(model.ranked("alpha"))
        // In 2023 alpha had only words (the Code): no combined score, so no change and no cause
        // (a change's split and cause are MethodologyV2Tests').
        #expect(alpha.change.change == nil && alpha.change.direction == .none && alpha.change.cause == nil)
        #expect(alpha.rankInterval != nil)
        let delta = try #require(model.ranked("delta"))
        #expect(delta.grade == nil && delta.rank == nil && delta.noConduct && !delta.insufficientEvidence && delta.rankInterval == nil)
        // Numbers exactly as stored.
        let stored = try connection.query("SELECT combined::text AS t FROM scorecard.actor_scores WHERE run_id = (SELECT id FROM scorecard.score_runs WHERE inputs_sha256 = \(model.run.id)) AND actor_id = 'alpha'")
            .first!.decode("t", as: String.self)
        #expect(alpha.combined?.text == stored)
        // States of indicators: no evidence and not applicable are never values.
        let gamma = try #require(model.actors.first { $0.id == "gamma" })
        let gammaBreach = try #require(gamma.indicators.first { $0.code == "BREACH" })
        #expect(gammaBreach.state == "no evidence" && gammaBreach.value == nil)
        let vend = try #require(model.actors.first { $0.id == "vend" })
        let vendMisuse = try #require(vend.indicators.first { $0.code == "MISUSE" })
        #expect(vendMisuse.state == "not applicable" && vendMisuse.value == nil)
        #expect(gamma.restatements.isEmpty && model.edition == ReportModel.EditionInfo(published: false, publishedOn: nil, backfill: false,
                                                                                         previous: nil, restatements: []))
        #expect(model.actors.first { $0.id == "alpha" }?.responses.map(\.id) == ["alpha-reply"])
        #expect(model.coverage.actorsWithoutEvidence.map(\.id) == ["delta", "vend2"])
        #expect(model.coverage.thinIndicators.map(\.code) == ["SANCTIONS", "SANCTIONED", "BREACH"])
        #expect(model.trend.periods == ["2023", "2024"])
        let one = try self.model(connection, actor: "alpha")
        #expect(one.actors.map(\.id) == ["alpha"])
        #expect(throws: ScoringError.unknownActor("atlantis")) { try self.model(connection, actor: "atlantis") }
        // A card is the model's figures for its actor, read in the same snapshot.
        let run = try #require(try ScoreRuns.published(connection, methodology: file, period: "2024"))
        try connection.transaction(isolation: .repeatableRead) { connection in
            let snapshot = try ReportModel.snapshot(connection, run: run, eventsPerIndicator: nil)
            #expect(snapshot.actorIDs == model.rankings.flatMap(\.actors).map(\.id))
            let card = try #require(try snapshot.cards(["alpha"]).first)
            #expect(card.actor == alpha && card.detail == model.actors.first { $0.id == "alpha" })
            #expect(card.history.periods == ["2023", "2024"])
            #expect(try snapshot.cards(["atlantis"]).isEmpty)
        }
        #expect(EditionLayout.card("alpha", .text) == "actors/alpha.txt")
    }

    // MARK: The JSON format

    /// The JSON documents of the folder: the summary and every card.
    func jsonDocuments(_ folder: String = ReportTests.snapshotFolder) -> [String] {
        ProjectFiles.files(under: ProjectFiles.url(folder)).filter { $0.hasSuffix(".json") && ($0 == "index.json" || $0.hasPrefix("actors/")) }
            .map { ProjectFiles.url("\(folder)/\($0)").path }
    }

    @Test func theJSONSnapshotsValidateStrictlyAgainstTheirSchemas() throws {
        let documents = jsonDocuments()
        #expect(documents.count > 5, "the snapshot folder has no JSON documents; run make snapshots")
        let result = try runValidator(["--strict"] + documents)
        #expect(result.status == 0, "scripts/validate-json-reports failed:\n\(result.output)")
        #expect(result.output.contains("index.json: valid") && result.output.contains("actors/alpha.json: valid"), "\(result.output)")
        // And the validator does reject what the schemas forbid, and with --strict what they do not describe.
        for (document, schema) in [("index.json", "edition"), ("actors/alpha.json", "actor-card")] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bad-report-\(UUID().uuidString)/actors")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let bad = document == "index.json" ? folder.deletingLastPathComponent().appendingPathComponent("index.json")
                                               : folder.appendingPathComponent("alpha.json")
            var json = try #require(try JSONSerialization.jsonObject(
                with: Data(contentsOf: ProjectFiles.url("\(Self.snapshotFolder)/\(document)"))) as? [String: Any])
            json["surprise"] = true
            try JSONSerialization.data(withJSONObject: json).write(to: bad)
            let open = try runValidator([bad.path])
            #expect(open.status == 0, "\(schema): an undescribed member is refused without --strict (the schemas are open):\n\(open.output)")
            let strict = try runValidator(["--strict", bad.path])
            #expect(strict.status == 1 && strict.output.contains("surprise"), "\(schema): --strict let an undescribed member pass:\n\(strict.output)")
            json["schema_version"] = 1
            try JSONSerialization.data(withJSONObject: json).write(to: bad)
            let rejected = try runValidator([bad.path])
            #expect(rejected.status == 1 && rejected.output.contains("schema_version"), "\(schema): an invalid document passed:\n\(rejected.output)")
        }
    }

    /// Runs scripts/validate-json-reports; a missing python3 or jsonschema is a failure, not a skip.
    func runValidator(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ProjectFiles.url("scripts/validate-json-reports")
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        defer { try? FileManager.default.removeItem(at: output) }
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }

    /// Both schemas document every object and property; objects stay open (a minor version adds
    /// members), so `--strict` is what checks that every member written is documented.
    @Test(arguments: ["Schemas/edition.schema.json", "Schemas/actor-card.schema.json"])
    func theSchemaDocumentsEveryPropertyAndStaysOpen(path: String) throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: ProjectFiles.url(path))) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] is String)
        var objects = 0
        func walk(_ node: Any, _ path: String) {
            if let list = node as? [Any] { for (i, item) in list.enumerated() { walk(item, "\(path)/\(i)") }; return }
            guard let node = node as? [String: Any] else { return }
            if node["type"] as? String == "object" {
                objects += 1
                #expect(node["additionalProperties"] as? Bool != false, "\(path) is closed: a minor version could not add a member")
                #expect(node["title"] is String, "\(path) has no title")
                for (name, property) in node["properties"] as? [String: Any] ?? [:] {
                    #expect((property as? [String: Any])?["description"] is String, "\(path)/properties/\(name) has no description")
                }
            }
            for (key, value) in node { walk(value, "\(path)/\(key)") }
        }
        walk(schema, "#")
        #expect(objects > 20)
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: ProjectFiles.url("\(Self.snapshotFolder)/\(path.contains("edition") ? "index.json" : "actors/alpha.json")"))) as? [String: Any])
        #expect(json["schema_version"] as? String == JSONReport.schemaVersion)
    }

    @Test func jsonKeysAreSortedAndNumbersKeepTheirDecimals() throws {
        let files = try edition(try scoredDatabase())
        for path in ["index.json", "actors/alpha.json", "actors/gamma.json"] {
            let json = try #require(files.text(path), "\(path)")
            // Two-space indentation: a key's siblings are the keys at its indentation since the
            // last line that opened an object or array at a shallower one.
            var lastKey: [Int: String] = [:]
            var checked = 0
            for line in json.split(separator: "\n") {
                let indent = line.prefix { $0 == " " }.count
                let body = line.dropFirst(indent)
                if body.hasPrefix("\""), let close = body.range(of: "\": ") {
                    let key = String(body[body.index(after: body.startIndex)..<close.lowerBound])
                    if let previous = lastKey[indent] {
                        #expect(Array(previous.utf8).lexicographicallyPrecedes(Array(key.utf8)), "\(path): \(previous) comes before \(key)")
                        checked += 1
                    }
                    lastKey[indent] = key
                }
                if body.hasSuffix("{") || body.hasSuffix("[") { lastKey = lastKey.filter { $0.key <= indent } }
            }
            #expect(checked > 30, "\(path)")
        }
        #expect(files.text("index.json")?.contains("\"combined\": 43.031") == true)  // gamma: three decimals, as stored
        #expect(files.text("actors/gamma.json")?.contains("\"combined\": 43.031") == true)
    }

    // MARK: Restricted evidence

    @Test func restrictedEvidenceAppearsInNoFileOfTheFolder() throws {
        let connection = try scoredDatabase(try hostileDataset().directory)
        let model = try model(connection)
        let files = texts(try edition(connection))
        #expect(files.keys.contains("actors/gamma.html") && files.keys.contains("index.md"))
        for (path, text) in files {
            #expect(!text.contains(Self.restrictedID), "\(path) names the restricted record")
            #expect(!text.contains(Self.restrictedSummary), "\(path) shows the restricted summary")
            #expect(!text.contains("Reply to the restricted record."), "\(path) shows a reply to the restricted record")
            #expect(!text.contains("gamma-restricted-reply"), "\(path) names a reply to the restricted record")
        }
        // Evidence counts are counts of public evidence: gamma has two records by the cutoff, one restricted.
        #expect(model.ranked("gamma")?.evidenceRecords == 1)
        for ranking in model.rankings {
            for actor in ranking.actors {
                let publicRecords = try connection.query("""
                    SELECT count(DISTINCT c.evidence_id)::int AS n FROM scorecard.indicator_contributions c
                    JOIN scorecard.evidence e ON e.id = c.evidence_id AND e.sensitivity = 'public'
                    WHERE c.run_id = (SELECT id FROM scorecard.score_runs WHERE inputs_sha256 = \(model.run.id)) AND c.actor_id = \(actor.id)
                    """).first!.decode("n", as: Int.self)
                #expect(actor.evidenceRecords == publicRecords, "\(actor.id)")
                #expect(model.actors.first { $0.id == actor.id }?.evidence.count == publicRecords, "\(actor.id)")
                // In the JSON too: every card's evidence_records equals the public evidence it lists.
                let cardText = try #require(files["actors/\(actor.id).json"])
                let card = try #require(try JSONSerialization.jsonObject(with: Data(cardText.utf8)) as? [String: Any])
                let standing = try #require(card["standing"] as? [String: Any])
                #expect(standing["evidence_records"] as? Int == publicRecords, "\(actor.id)")
                #expect(((card["actor"] as? [String: Any])?["evidence"] as? [Any])?.count == publicRecords, "\(actor.id)")
            }
        }
        // And the summary's standings say the same.
        let summaryText = try #require(files["index.json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(summaryText.utf8)) as? [String: Any])
        for ranking in summary["rankings"] as! [[String: Any]] {
            for actor in ranking["actors"] as! [[String: Any]] {
                let id = actor["actor_id"] as! String
                #expect(actor["evidence_records"] as? Int == model.ranked(id)?.evidenceRecords, "\(id)")
            }
        }
    }

    /// Even with every safeguard of scoring removed (a methodology that scores restricted
    /// evidence), the report refuses: its numbers would reveal what is restricted.
    @Test func aRunThatScoredRestrictedEvidenceIsRefused() throws {
        let scoringRestricted = try MethodologyFile.parse(
            text: file.text.replacingOccurrences(of: "restricted_evidence: exclude", with: "restricted_evidence: include")
                .replacingOccurrences(of: "version: \"1\"", with: "version: \"1-internal\""),
            path: "internal.yaml")
        #expect(scoringRestricted.methodology.restrictedEvidence == .include)
        let connection = try scoredDatabase(methodology: scoringRestricted)
        let run = try #require(try ScoreRuns.published(connection, methodology: scoringRestricted, period: "2024"))
        do {
            _ = try ReportModel.load(connection, run: run)
            Issue.record("a run that scored restricted evidence was loaded")
        } catch let error as ReportError {
            #expect(error == .restrictedEvidenceScored(methodologyID: "scoring-fixture", version: "1-internal", runID: run.id))
        }
        do {
            _ = try EditionRenderer.render(connection, run: run)
            Issue.record("a run that scored restricted evidence was rendered")
        } catch let error as ReportError {
            #expect(error == .restrictedEvidenceScored(methodologyID: "scoring-fixture", version: "1-internal", runID: run.id))
            #expect(error.exitCode == .configuration)
            #expect(error.description.contains("restricted_evidence: include"))
        }
    }

    // MARK: Escaping

    @Test func hostileTextIsEscapedInHTMLAndMarkdown() throws {
        let files = try edition(try scoredDatabase(try hostileDataset().directory))
        // The hostile record is alpha's: its card in every format shows it.
        for (path, text) in pages(files, .html) {
            #expect(!text.contains("<script"), "\(path) contains a script element")
        }
        let html = try #require(files.text("actors/alpha.html"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | *bold* _x_"))
        for (path, markdown) in pages(files, .markdown) {
            #expect(!markdown.contains("<script"), "\(path)")
            // No table row gains a column from a | in the data.
            for table in markdown.components(separatedBy: "\n\n") where table.hasPrefix("| ") {
                let rows = table.split(separator: "\n").map { row in
                    row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
                }
                #expect(Set(rows).count == 1, "\(path): a Markdown table has rows of different widths:\n\(table)")
            }
        }
        let markdown = try #require(files.text("actors/alpha.md"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*bold\\* \\_x\\_"))
        // The text and JSON carry the summary as it is (JSON string-escaped).
        #expect(files.text("actors/alpha.txt")?.contains(Self.hostile) == true)
        #expect(files.text("actors/alpha.json")?.contains("\"summary\": \"\(Self.hostile)\"") == true)
        #expect(Escaping.csv("a,\"b\"\r\nc") == "\"a,\"\"b\"\"\r\nc\"")
        #expect(Escaping.html("\"'&") == "&quot;&#39;&amp;")
        #expect(Escaping.safeURL("javascript:alert(1)") == nil)
        #expect(Escaping.markdownLink("x", "javascript:alert(1)") == "x (javascript:alert(1))")
        #expect(Escaping.markdownParagraph("- not a list") == "\\- not a list")
        #expect(Escaping.markdownParagraph("1. not a list") == "1\\. not a list")
    }

    // MARK: Text

    /// Every text page (the summary and every card) fits in 80 columns, counted in characters (the
    /// bars and dashes are several bytes each), and is coloured only when asked.
    @Test func theTextSummaryAndEveryTextCardFitIn80ColumnsAndAreColouredOnlyWhenAsked() throws {
        let connection = try scoredDatabase(try hostileDataset().directory)
        let files = try edition(connection)
        let text = pages(files, .text)
        #expect(text.count == 1 + (try model(connection)).rankings.flatMap(\.actors).count)
        var wide = 0
        for (path, page) in text {
            for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line.count <= TextEdition.width, "\(path): a line of \(line.count) characters: \(line)")
                if line.utf8.count > line.count { wide += 1 }
            }
            #expect(!page.contains("\u{1B}"), "\(path) is coloured")
        }
        #expect(wide > 0, "no line has a character of several bytes: the check would not tell characters from bytes")
        #expect(text.values.contains { $0.contains("█") })
        let run = try #require(try ScoreRuns.published(connection, methodology: file, period: "2024"))
        try connection.transaction(isolation: .repeatableRead) { connection in
            let snapshot = try ReportModel.snapshot(connection, run: run, eventsPerIndicator: EditionOptions.defaultEventsPerIndicator)
            let coloured = TextEdition.summary(snapshot.model, color: true)
            #expect(coloured.contains("\u{1B}["))
            #expect(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == text["index.txt"])
            let card = try #require(try snapshot.cards(["alpha"]).first)
            let colouredCard = TextEdition.card(snapshot.model, card, color: true)
            #expect(colouredCard.contains("\u{1B}["))
            #expect(colouredCard.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == text["actors/alpha.txt"])
        }
        for line in TextLayout.wrap(String(repeating: "x", count: 200) + " short", width: 80, indent: "    ") {
            #expect(line.count <= 80)
        }
    }

    /// The example workspace's edition, as of the fixture date.
    func exampleEdition(options: EditionOptions = EditionOptions()) throws -> (connection: Connection, files: EditionFilesInMemory) {
        let connection = try migratedDatabase("report-example")
        // The example publishes no restricted record; one is added (a victim named in its summary),
        // so that the check that none reaches a page checks something.
        let data = try DatasetFixture(copying: "Examples/pall-mall/data")
        defer { try? FileManager.default.removeItem(at: data.directory) }
        try data.append("evidence.csv", "ev-2025-restricted-victim,nso-group,product_misuse_documented,2025-06-01,2025-06-02,,,4,attributed,restricted,"
                        + "Restricted: the targeted journalist Jane Example was named by the lab.,pogowasright-2021-07-pegasus-project,,,")
        _ = try DatasetLoader(directory: data.directory, today: .fixtureAsOf, logger: .quiet).load(connection: connection)
        let example = try MethodologyFile.load(path: ProjectFiles.url("Examples/pall-mall/methodology.yaml").path)
        _ = try ScoringEngine(connection: connection, logger: .quiet).score(example, periods: .latest, asOf: .fixtureAsOf)
        let run = try #require(try ScoreRuns.published(connection, methodology: example, period: nil))
        return (connection, try EditionRenderer.render(connection, run: run, options: options))
    }

    @Test func theExampleEditionRendersIn80ColumnsWithoutRestrictedEvidence() throws {
        let (connection, files) = try exampleEdition()
        for (path, page) in pages(files, .text) {
            for line in page.split(separator: "\n") { #expect(line.count <= 80, "\(path): a line of \(line.count) characters: \(line)") }
        }
        let all = texts(files)
        for (path, output) in all {
            #expect(!output.isEmpty, "\(path)")
            #expect(!output.contains("<script"), "\(path)")
        }
        let restricted = try connection.query("SELECT id, summary FROM scorecard.evidence WHERE sensitivity = 'restricted'")
        #expect(restricted.count > 0, "the example has no restricted evidence: the check below checks nothing")
        for row in restricted {
            let id: String = try row.decode("id"), summary: String = try row.decode("summary")
            for (path, output) in all {
                #expect(!output.contains(id) && !output.contains(summary), "\(path) shows restricted evidence \(id)")
            }
        }
    }

    /// Issue #14: the summary is a page a reader takes in at once, about 150 lines at most.
    @Test func theExampleTextSummaryIsAtMostAbout150Lines() throws {
        let summary = try #require(try exampleEdition().files.text("index.txt"))
        let lines = summary.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(lines <= 150, "the example's index.txt has \(lines) lines: \(lines - 150) over the issue's bound of about 150")
    }

    // MARK: Writing files

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under the folder (hidden ones too), by path inside it.
    func contents(of folder: URL) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: ProjectFiles.files(under: folder).map {
            ($0, FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) ?? Data())
        })
    }

    /// The edition folder's files (nested paths: actors/alpha.html), without its SHA256SUMS.
    func reportFiles(_ connection: Connection) throws -> [ReportWriter.File] {
        try edition(connection).writerFiles.filter { $0.name != ReportWriter.checksumsName }
    }

    @Test func writesEveryFileWithChecksumsAndLeavesUnchangedFilesAlone() throws {
        let folder = try temporaryFolder().appendingPathComponent("Reports")
        let files = try reportFiles(try scoredDatabase())
        #expect(files.contains { $0.name.hasPrefix("actors/") })
        let first = try ReportWriter(directory: folder).write(files)
        #expect(first.allSatisfy { $0.written })
        #expect(first.map(\.name) == files.map(\.name).sorted() + ["SHA256SUMS"])
        let sums = try String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        #expect(sums == first.dropLast().map { "\($0.sha256)  \($0.name)\n" }.joined())
        #expect(try sha256sumCheck(folder) == 0, "sha256sum -c SHA256SUMS fails")
        #expect(Set(ProjectFiles.files(under: folder)) == Set(files.map(\.name) + ["SHA256SUMS"]))

        // Unchanged content: nothing rewritten, timestamps kept.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for name in ProjectFiles.files(under: folder) {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.appendingPathComponent(name).path)
        }
        let second = try ReportWriter(directory: folder).write(files)
        #expect(second.allSatisfy { !$0.written })
        for name in ProjectFiles.files(under: folder) {
            let date = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date
            #expect(date == old, "\(name) was rewritten")
        }
        // One changed file: only it and SHA256SUMS are written; the other entries stay listed.
        var changed = files
        changed[0] = ReportWriter.File(name: files[0].name, text: "changed\n")
        let third = try ReportWriter(directory: folder).write([changed[0]])
        #expect(third.filter { $0.written }.map(\.name).sorted() == [files[0].name, "SHA256SUMS"].sorted())
        let listed = try String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        #expect(listed.split(separator: "\n").count == files.count)
        #expect(try sha256sumCheck(folder) == 0, "sha256sum -c SHA256SUMS fails after a partial update")
    }

    /// `sha256sum -c SHA256SUMS` in the folder, as a reader of the published reports would check them.
    func sha256sumCheck(_ folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", "--quiet", "-c", "SHA256SUMS"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Previous files, then a write that cannot happen: a read-only folder (for a user other than
    /// root, which chmod does not stop) or, for root, a folder where a report file would go.
    @Test func anUnwritableFolderIsExit73AndLeavesThePreviousFiles() throws {
        let folder = try temporaryFolder()
        let files = try reportFiles(try scoredDatabase())
        try ReportWriter(directory: folder).write(files.map { ReportWriter.File(name: $0.name, text: "previous \($0.name)\n") })
        if getuid() != 0 {
            #expect(chmod(folder.path, 0o555) == 0)
        } else {
            // Root writes anywhere: put a folder in the way of one report file instead.
            try FileManager.default.removeItem(at: folder.appendingPathComponent(files[2].name))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(files[2].name), withIntermediateDirectories: false)
        }
        defer { chmod(folder.path, 0o755) }
        let before = try contents(of: folder)
        do {
            try ReportWriter(directory: folder).write(files)
            Issue.record("writing into an unwritable folder succeeded")
        } catch let error as ReportError {
            #expect(error.exitCode == .cannotCreate)
            #expect(error.description.contains("left as they were"))
        }
        #expect(try contents(of: folder) == before, "the previous files changed, or temporary files were left")
    }

    @Test func aFolderInTheWayOfAReportFileIsExit73() throws {
        let folder = try temporaryFolder()
        let files = try reportFiles(try scoredDatabase())
        try ReportWriter(directory: folder).write(files.map { ReportWriter.File(name: $0.name, text: "previous \($0.name)\n") })
        try FileManager.default.removeItem(at: folder.appendingPathComponent("SHA256SUMS"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("SHA256SUMS"), withIntermediateDirectories: false)
        let before = try contents(of: folder)
        #expect(throws: ReportError.self) { try ReportWriter(directory: folder).write(files) }
        #expect(try contents(of: folder) == before)
        // An output "folder" that is a file.
        let plain = folder.appendingPathComponent(files[0].name)
        do {
            try ReportWriter(directory: plain).write(files)
            Issue.record("a file was used as the output folder")
        } catch let error as ReportError {
            #expect(error.exitCode == .cannotCreate)
        }
    }

    /// A rename that fails after others succeeded: the files already replaced are put back.
    @Test func aFailedRenameRestoresTheFilesAlreadyReplaced() throws {
        let folder = try temporaryFolder()
        let files = try reportFiles(try scoredDatabase())
        try ReportWriter(directory: folder).write(files.map { ReportWriter.File(name: $0.name, text: "previous \($0.name)\n") })
        let before = try contents(of: folder)
        var writer = ReportWriter(directory: folder)
        writer.failingRename = files.map(\.name).sorted()[3]
        do {
            try writer.write(files)
            Issue.record("the simulated failure did not fail")
        } catch let error as ReportError {
            #expect(error.exitCode == .cannotCreate)
        }
        #expect(try contents(of: folder) == before)
        // And the next write succeeds.
        try ReportWriter(directory: folder).write(files)
        #expect(try contents(of: folder)[files[0].name] == files[0].contents)
    }
}

/// The `scorecard report` command, run as a user or cron would.
@Suite("Report command")
struct ReportCommandTests {
    let methodology = ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml").path

    func scored(methodology: String? = nil) throws -> String {
        let url = try TestCluster.makeDatabase(prefix: "report_cli")
        let m = methodology ?? self.methodology
        for arguments in [
            ["load", "--database-url", url, ProjectFiles.url("Tests/Fixtures/scoring/data").path],
            ["score", "--database-url", url, "--methodology", m, "--period", "2023"],
            ["score", "--database-url", url, "--methodology", m, "--period", "2024"],
            ["sensitivity", "--database-url", url, "--methodology", m, "--period", "2024", "--samples", "100", "--seed", "1"],
        ] {
            let result = try ScorecardProcess.run(arguments)
            #expect(result.status == 0, "\(arguments[0]): \(result.stderr)")
        }
        return url
    }

    @Test func writesTheSnapshotsAndThenLeavesThemAlone() throws {
        let url = try scored()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-reports-\(UUID().uuidString)")
        let result = try ScorecardProcess.run(["report", "--database-url", url, "--methodology", methodology, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        // The edition folder, every file as the committed snapshot (which the engine-level test checks too).
        let folder = out.appendingPathComponent("scoring-fixture-2024", isDirectory: true)
        let written = ProjectFiles.files(under: folder).map { (path: $0, contents: FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) ?? Data()) }
        #expect(ProjectFiles.files(under: out).allSatisfy { $0.hasPrefix("scoring-fixture-2024/") }, "\(ProjectFiles.files(under: out))")
        if !ProjectFiles.updatingSnapshots, let problem = ProjectFiles.compareSnapshotFolder(written, with: ReportTests.snapshotFolder) { Issue.record("\(problem)") }
        let again = try ScorecardProcess.run(["report", "--database-url", url, "--methodology", methodology, "--period", "2024", "--out", out.path])
        #expect(again.status == 0)
        #expect(!again.stdout.contains("wrote"))
        #expect(again.stdout.contains("unchanged"))
        // One format to standard output: not a terminal, and NO_COLOR set, so no colour.
        let text = try ScorecardProcess.run(["report", "--database-url", url, "--methodology", methodology, "--format", "text", "--out", "-"])
        #expect(text.status == 0)
        #expect(text.stdout == (try String(contentsOf: ProjectFiles.url("\(ReportTests.snapshotFolder)/index.txt"), encoding: .utf8)))
    }

    @Test func refusesInEveryFormatARunThatScoredRestrictedEvidence() throws {
        let text = try String(contentsOfFile: methodology, encoding: .utf8)
            .replacingOccurrences(of: "restricted_evidence: exclude", with: "restricted_evidence: include")
            .replacingOccurrences(of: "version: \"1\"", with: "version: \"1-internal\"")
        let scoringRestricted = FileManager.default.temporaryDirectory.appendingPathComponent("internal-\(UUID().uuidString).yaml")
        try text.write(to: scoringRestricted, atomically: true, encoding: .utf8)
        let url = try scored(methodology: scoringRestricted.path)
        for format in ReportFormat.allCases {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("refused-\(UUID().uuidString)")
            let result = try ScorecardProcess.run(["report", "--database-url", url, "--methodology", scoringRestricted.path, "--format", format.rawValue, "--out", out.path])
            #expect(result.status == 78, "\(format): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("restricted_evidence: include"))
            #expect(!result.stdout.contains("gamma-restricted") && !result.stderr.contains("gamma-restricted"))
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(format): something was written")
        }
    }

    /// A report of a period with no edition is staged in a temporary folder as it is rendered: a
    /// write there that fails after the file was created (the file size limit standing in for a full
    /// disk, see `FaultTests.aReportFileThatCannotBeWrittenToItsEndIsExit74`) is exit 74, one line
    /// with the system's reason, and nothing is written to the output folder.
    @Test func aStagedReportFileThatCannotBeWrittenToItsEndIsExit74() throws {
        let url = try scored()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("staged-full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try ScorecardProcess.run(["report", "--database-url", url, "--methodology", methodology, "--period", "2024", "--out", out.path],
                                              fileSizeLimitKiB: 8)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("scorecard: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("File too large"), "\(result.stderr)")
        #expect(ProjectFiles.files(under: out).isEmpty, "\(ProjectFiles.files(under: out))")
    }

    @Test func anOutputThatIsAFileIsExit73() throws {
        let url = try scored()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-folder-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        let result = try ScorecardProcess.run(["report", "--database-url", url, "--methodology", methodology, "--out", file.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
        let bad = try ScorecardProcess.run(["report", "--database-url", url, "--methodology", methodology, "--format", "text,pdf"])
        #expect(bad.status == 64)
    }
}

@Suite("Report numbers")
struct ReportNumberTests {
    @Test(arguments: [("62.500", 62_500), ("-3.25", -3_250), ("2", 2_000), ("0.0005", 0), ("12.3456", 12_345), ("-0.000", 0), ("100.000", 100_000)])
    func thousandthsTruncateTowardZero(text: String, expected: Int) {
        #expect(ReportNumber(text)?.thousandths == expected)
    }
}
