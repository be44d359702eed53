import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Editions (docs/editions.md): a published period never changes, in the database or in its files;
/// what later data or a later methodology would change is a restatement, recorded with its cause
/// and shown in the next edition. Each situation is produced for real: `scorecard run` processes on
/// a workspace of the scoring fixture (yearly periods), against the real server.
@Suite("Editions and restatements")
struct EditionsTests {
    /// A fact published inside 2025 (already published as an edition), entered after.
    static let lateFact = "alpha-late-report,alpha,misuse_documented,2025-03-01,2025-03-02,vend,,4,confirmed,public,Alpha misused Vend's spyware again.,src-a"

    struct Published {
        let url: String
        let workspace: TestWorkspace
        var connection: Connection { get throws { try Connection(conninfo: url, logger: .quiet) } }
    }

    /// A workspace of the fixture published as of 2026-01-01: editions of 2024 and 2025.
    func published(_ name: String, extraConfig: String = "") throws -> Published {
        let url = try TestCluster.makeDatabase(prefix: name)
        let workspace = try TestWorkspace(databaseURL: url, extraConfig: extraConfig)
        let first = try run(workspace, asOf: "2026-01-01")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 editions published (2024, 2025)"), "\(first.stdout)")
        return Published(url: url, workspace: workspace)
    }

    func run(_ workspace: TestWorkspace, asOf: String, _ command: [String] = ["run"], environment: [String: String] = [:]) throws -> ScorecardProcess.Outcome {
        try ScorecardProcess.run(command + ["--workspace", workspace.root.path, "--as-of", asOf], environment: environment)
    }

    func rows(_ connection: Connection, _ sql: String) throws -> [String] {
        try connection.query(SQL(unsafeTrusted: "SELECT (\(sql))::text AS line")).map { try $0.decode("line") }
    }

    func restatements(_ connection: Connection) throws -> [String] {
        try connection.query("""
            SELECT e.period || ' ' || x.actor_id || ' ' || coalesce(x.published_combined::text, '-') || ' -> '
                   || coalesce(x.restated_combined::text, '-') || ' ' || string_agg(c.cause || ':' || coalesce(c.record_id, '-'), ',' ORDER BY c.cause, c.record_id) AS line
            FROM scorecard.edition_restatements x
            JOIN scorecard.edition_revisions v ON v.id = x.revision_id
            JOIN scorecard.editions e ON e.id = v.edition_id
            JOIN scorecard.restatement_causes c ON c.revision_id = x.revision_id AND c.actor_id = x.actor_id
            GROUP BY v.id, e.period, x.actor_id, x.published_combined, x.restated_combined
            ORDER BY v.id, x.actor_id
            """).map { try $0.decode("line") }
    }

    /// `scorecard preview --format json`, then `scorecard run`, as of the same date: the preview must
    /// announce exactly the restatements and editions the run then records.
    func previewThenRun(_ p: Published, asOf: String) throws -> ScorecardProcess.Outcome {
        let connection = try p.connection
        let revisionsBefore = try rows(connection, "SELECT coalesce(max(id), 0) FROM scorecard.edition_revisions")[0]
        let preview = try run(p.workspace, asOf: asOf, ["preview", "--format", "json"])
        #expect(preview.status == 0, "\(preview.stderr)")
        let outcome = try run(p.workspace, asOf: asOf)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let previewed = try #require(try JSONSerialization.jsonObject(with: Data(preview.stdout.utf8)) as? [String: Any])
        let announced = (previewed["restatements"] as? [[String: Any]] ?? []).map { r in
            "\(r["period"]!) \(r["actor_id"]!) \(((r["restated"] as? [String: Any])?["combined"]).flatMap { $0 is NSNull ? nil : $0 } ?? "-") "
                + ((r["causes"] as? [[String: Any]] ?? []).map { "\($0["cause"]!):\($0["record_id"] as? String ?? "-")" }.joined(separator: ","))
        }
        let recorded = try connection.query(SQL(unsafeTrusted: """
            SELECT e.period || ' ' || x.actor_id || ' ' || coalesce(x.restated_combined::float8::text, '-') || ' '
                   || (SELECT string_agg(c.cause || ':' || coalesce(c.record_id, '-'), ',' ORDER BY c.cause, c.record_table, c.record_id)
                       FROM scorecard.restatement_causes c WHERE c.revision_id = x.revision_id AND c.actor_id = x.actor_id)
            AS line
            FROM scorecard.edition_restatements x
            JOIN scorecard.edition_revisions v ON v.id = x.revision_id
            JOIN scorecard.editions e ON e.id = v.edition_id
            WHERE v.id > \(revisionsBefore)
            ORDER BY e.period_end, x.actor_id, v.id
            """)).map { try $0.decode("line", as: String.self) }
        #expect(announced == recorded, "the preview announced \(announced), the run recorded \(recorded)")
        let editions = (previewed["editions"] as? [[String: Any]] ?? []).compactMap { $0["period"] as? String }
        #expect(editions.isEmpty ? !outcome.stdout.contains("published (") : editions.allSatisfy { outcome.stdout.contains($0) },
                "previewed editions \(editions); the run: \(outcome.stdout)")
        return outcome
    }

    func json(_ workspace: TestWorkspace, _ period: String) throws -> [String: Any] {
        let data = try Data(contentsOf: workspace.edition(period).appendingPathComponent("index.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: The scenarios of the issue

    @Test func aFirstRunOnAHistoryPublishesBackFilledEditionsAndRestatesNothing() throws {
        let p = try published("ed_first")
        defer { p.workspace.remove() }
        let connection = try p.connection
        #expect(try rows(connection, "SELECT string_agg(period || ':' || backfill, ' ' ORDER BY period) FROM scorecard.editions") == ["2024:true 2025:false"])
        #expect(try rows(connection, "SELECT count(*) FROM scorecard.edition_restatements") == ["0"])
        #expect(try rows(connection, "SELECT restatements FROM scorecard.run_ledger") == ["0"])
        // gamma-misuse-late (published 2025) restates 2024 as known now, but it was known when 2024
        // was published: not a restatement.
        let report = try json(p.workspace, "2025")
        let edition = try #require(report["edition"] as? [String: Any])
        #expect(edition["published"] as? Bool == true && edition["published_on"] as? String == "2026-01-01")
        #expect((edition["restatements"] as? [Any])?.isEmpty == true)
        #expect((edition["previous"] as? [String: Any])?["period"] as? String == "2024")
    }

    /// The late-facts scenario: a fact published inside an already-published period is entered;
    /// the editions stay byte-identical; the restatement is recorded with cause late_recorded and
    /// shown in the next edition; change is measured against the edition as published.
    @Test func aLateFactRestatesTheEditionAndTheNextEditionShowsIt() throws {
        let p = try published("ed_late")
        defer { p.workspace.remove() }
        let before = p.workspace.reportContents()
        let connection = try p.connection
        let published = try rows(connection, """
            SELECT combined FROM scorecard.actor_scores WHERE actor_id = 'alpha'
              AND run_id = (SELECT run_id FROM scorecard.editions WHERE period = '2025')
            """)[0]

        try p.workspace.append(Self.lateFact, to: "evidence.csv")
        let preview = try run(p.workspace, asOf: "2026-02-01", ["preview", "--format", "json"])
        #expect(preview.status == 0, "\(preview.stderr)")
        let second = try run(p.workspace, asOf: "2026-02-01")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("restatement"), "\(second.stdout)")
        #expect(p.workspace.reportContents() == before, "a published edition's files changed")
        #expect(try rows(connection, "SELECT count(*) FROM scorecard.editions") == ["2"])
        let recorded = try restatements(connection)
        #expect(recorded.contains { $0.hasPrefix("2025 alpha \(published) -> ") && $0.hasSuffix("late_recorded:alpha-late-report") }, "\(recorded)")
        #expect(!recorded.contains { $0.hasPrefix("2024 ") }, "conduct of 2025 restates nothing in 2024: \(recorded)")
        #expect(try rows(connection, "SELECT restatements FROM scorecard.run_ledger ORDER BY id DESC LIMIT 1") == [String(recorded.count)])
        // scorecard report of the published period is the edition, byte for byte, not the figures known now.
        let rendered = try run(p.workspace, asOf: "2026-02-01", ["report", "--period", "2025", "--format", "json", "--out", "-"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(Data(rendered.stdout.utf8) == before["scoring-fixture-2025/index.json"], "report re-rendered a published edition")

        // The preview said exactly what the run then recorded.
        let previewed = try #require(try JSONSerialization.jsonObject(with: Data(preview.stdout.utf8)) as? [String: Any])
        let previewLines = (previewed["restatements"] as? [[String: Any]] ?? []).map { r in
            "\(r["period"]!) \(r["actor_id"]!) \((r["published"] as? [String: Any])?["combined"] ?? "-") -> \((r["restated"] as? [String: Any])?["combined"] ?? "-")"
        }
        #expect(previewLines == recorded.map { String($0.split(separator: " ").prefix(5).joined(separator: " ")) }, "\(previewLines) vs \(recorded)")
        #expect((previewed["editions"] as? [Any])?.isEmpty == true)

        // The next edition (2026) shows the restatement, and measures change against 2025 as published.
        let third = try run(p.workspace, asOf: "2027-01-01")
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.contains("1 edition published (2026)"), "\(third.stdout)")
        let report = try json(p.workspace, "2026")
        let edition = try #require(report["edition"] as? [String: Any])
        let shown = try #require(edition["restatements"] as? [[String: Any]])
        #expect(shown.map { "\($0["period"]!) \($0["actor_id"]!)" } == recorded.map { String($0.split(separator: " ").prefix(2).joined(separator: " ")) })
        #expect(shown.first { $0["actor_id"] as? String == "alpha" }.flatMap { ($0["causes"] as? [[String: Any]])?.first?["cause"] as? String } == "late_recorded")
        let rankings = try #require(report["rankings"] as? [[String: Any]])
        let alpha = try #require(rankings.flatMap { $0["actors"] as? [[String: Any]] ?? [] }.first { $0["actor_id"] as? String == "alpha" })
        let since = try #require(alpha["since_edition"] as? [String: Any])
        #expect("\(since["previous_combined"]!)" == String(Double(published)!), "against the 2025 edition as published: \(since)")
        // The text edition names it too; the 2024 and 2025 files are still what they were.
        let text = try String(contentsOf: p.workspace.edition("2026").appendingPathComponent("index.txt"), encoding: .utf8)
        #expect(text.contains("2025 (edition of 2026-01-01): combined \(published)"), "\(text.prefix(2000))")
        #expect(text.contains("recorded late: alpha-late-report"))
        let now = p.workspace.reportContents()
        for (name, data) in before { #expect(now[name] == data, "\(name) changed") }
        // A fourth run on the same inputs records nothing new.
        #expect(try run(p.workspace, asOf: "2027-01-01").stdout.contains("0 report files written"))
        #expect(try restatements(connection) == recorded)
    }

    @Test func aCorrectedAndARemovedRecordAreRestatementsWithTheirCause() throws {
        let p = try published("ed_fix")
        defer { p.workspace.remove() }
        let evidence = p.workspace.data.appendingPathComponent("evidence.csv")
        var text = try String(contentsOf: evidence, encoding: .utf8)
        // beta-misuse corrected (severity 4 → 2); epsilon-misuse removed.
        text = text.replacingOccurrences(of: "2024-01,2024-02-10,,,4,attributed,public,Researchers attribute misuse to Beta.",
                                         with: "2024-01,2024-02-10,,,2,attributed,public,Researchers attribute misuse to Beta.")
        text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("epsilon-misuse,") }.joined(separator: "\n")
        try Data(text.utf8).write(to: evidence)
        _ = try previewThenRun(p, asOf: "2026-02-01")
        let recorded = try restatements(try p.connection)
        #expect(recorded.contains { $0.hasPrefix("2024 beta ") && $0.hasSuffix("corrected:beta-misuse") }, "\(recorded)")
        #expect(recorded.contains { $0.hasPrefix("2024 epsilon ") && $0.hasSuffix("removed:epsilon-misuse") }, "\(recorded)")
        #expect(recorded.contains { $0.hasPrefix("2025 beta ") }, "\(recorded)")
    }

    /// A new methodology version starts a new series: old editions stay as they were, their figures
    /// under the new version are restatements with cause methodology, and the next edition says so.
    @Test func aMethodologyVersionBumpRestatesTheEditionsAndStartsASeries() throws {
        let p = try published("ed_method")
        defer { p.workspace.remove() }
        let before = p.workspace.reportContents()
        let methodology = p.workspace.root.appendingPathComponent("methodology.yaml")
        var text = try String(contentsOf: methodology, encoding: .utf8)
        let version = try #require(text.range(of: #"(?m)^version: .*$"#, options: .regularExpression))
        text.replaceSubrange(version, with: "version: \"9\"")
        text = text.replacingOccurrences(of: "{id: accountability, name: Accountability, weight: 0.5}", with: "{id: accountability, name: Accountability, weight: 0.8}")
        text = text.replacingOccurrences(of: "{id: oversight, name: Oversight, weight: 0.5}", with: "{id: oversight, name: Oversight, weight: 0.2}")
        // Every face of the fixture is one pillar's (no face without conduct), so pillar weights alone
        // move no figure: saturations do.
        text = text.replacingOccurrences(of: "saturation: 1\n", with: "saturation: 2\n")
        try Data(text.utf8).write(to: methodology)

        _ = try previewThenRun(p, asOf: "2027-01-01")
        let connection = try p.connection
        #expect(try rows(connection, "SELECT string_agg(period || ':' || methodology_version, ' ' ORDER BY period) FROM scorecard.editions")
                .first?.hasSuffix("2026:9") == true)
        #expect(try rows(connection, "SELECT bool_and(methodology_changed) FROM scorecard.edition_revisions") == ["true"])
        #expect(try restatements(connection).allSatisfy { $0.contains("methodology:-") })
        let now = p.workspace.reportContents()
        for (name, data) in before { #expect(now[name] == data, "\(name) changed") }
        // The text as words: its lines wrap wherever the numbers make them.
        let report = try String(contentsOf: p.workspace.edition("2026").appendingPathComponent("index.txt"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(report.contains("under methodology version 1; this edition uses 9"), "\(report.prefix(1500))")
        #expect(report.contains("another methodology"))
    }

    /// P → R → P and R → P → R: what is current follows the data now held, never the newest run;
    /// each change of published figures is a restatement, and going back restates them back.
    @Test(arguments: [false, true])
    func aRevertedDatasetRestatesBackAndReportsItsOwnFigures(startWithR: Bool) throws {
        let p = try published(startWithR ? "ed_rpr" : "ed_prp")
        defer { p.workspace.remove() }
        let evidence = p.workspace.data.appendingPathComponent("evidence.csv")
        let original = try Data(contentsOf: evidence)
        let changed = Data((String(decoding: original, as: UTF8.self) + Self.lateFact + "\n").utf8)
        let connection = try p.connection
        func digest() throws -> String { try rows(connection, "scorecard.current_dataset_sha256()")[0] }
        // The figures explain shows (its list of restatements since the latest edition grows).
        func explained() throws -> String {
            let text = try ScorecardProcess.run(["explain", "alpha", "--workspace", p.workspace.root.path, "--as-of", "2026-03-01"]).stdout
            return String(text[..<(text.range(of: "\nRestatements\n")?.lowerBound ?? text.endIndex)])
        }
        let sequence = startWithR ? [changed, original, changed] : [original, changed, original]
        var digests: [String] = []
        var explanations: [String] = []
        for (step, data) in sequence.enumerated() {
            try data.write(to: evidence)
            _ = try previewThenRun(p, asOf: "2026-03-0\(step + 1)")
            digests.append(try digest())
            explanations.append(try explained())
            // The analysts' latest scores are of the data held now.
            #expect(try rows(connection, "SELECT DISTINCT r.dataset_sha256 FROM scorecard.latest_scores l JOIN scorecard.score_runs r ON r.id = l.run_id")
                    == [digests.last!])
        }
        #expect(digests[0] == digests[2] && digests[0] != digests[1])
        #expect(explanations[0] == explanations[2] && explanations[0] != explanations[1])
        // As known now equals as published again when the data is the published data again.
        let figures = try rows(connection, """
            SELECT string_agg(period || ':' || coalesce(combined_difference::text, '-'), ' ' ORDER BY period)
            FROM scorecard.edition_figures WHERE actor_id = 'alpha'
            """)[0]
        if startWithR {
            #expect(figures.contains("2025:") && !figures.contains("2025:0.000"), "R is held, not the published P: \(figures)")
        } else {
            #expect(figures == "2024:0.000 2025:0.000", "\(figures)")
        }
        let revisions = try rows(connection, "SELECT count(*) FROM scorecard.edition_revisions WHERE edition_id = (SELECT id FROM scorecard.editions WHERE period = '2025')")
        #expect(revisions == [startWithR ? "3" : "2"], "every change of the 2025 figures is a revision")
    }

    /// Periods far after the last evidence are published too: the calendar, not the data, decides.
    @Test func periodsFarAfterTheLastEvidenceArePublished() throws {
        let p = try published("ed_far")
        defer { p.workspace.remove() }
        let outcome = try previewThenRun(p, asOf: "2029-02-01")
        #expect(outcome.stdout.contains("3 editions published (2026, 2027, 2028)"), "\(outcome.stdout)")
        #expect(try rows(try p.connection, "SELECT string_agg(period || ':' || backfill, ' ' ORDER BY period) FROM scorecard.editions")
                == ["2024:true 2025:false 2026:true 2027:true 2028:false"])
    }

    @Test func publishByHandPublishesOnePeriodOnceAndRefusesAnIncompleteOne() throws {
        let url = try TestCluster.makeDatabase(prefix: "ed_publish")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        let first = try run(workspace, asOf: "2026-01-01", ["publish", "2024"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 edition published (2024)"), "\(first.stdout)")
        #expect(workspace.editionFolders() == ["scoring-fixture-2024"], "\(workspace.reportPaths())")
        let again = try run(workspace, asOf: "2026-01-01", ["publish", "2024"])
        #expect(again.status == 0 && again.stdout.contains("2024 was published before"), "\(again.stdout)")
        let early = try run(workspace, asOf: "2026-01-01", ["publish", "2026"])
        #expect(early.status == 64 && early.stderr.contains("2026 is not complete as of 2026-01-01"), "\(early.stderr)")
        #expect(try rows(try Connection(conninfo: url, logger: .quiet), "SELECT string_agg(period, ' ') FROM scorecard.editions") == ["2024"])
    }

    /// A preview writes nothing: no row (identities aside), no file, no ledger entry.
    @Test func aPreviewWritesNothing() throws {
        let p = try published("ed_preview")
        defer { p.workspace.remove() }
        try p.workspace.append(Self.lateFact, to: "evidence.csv")
        let connection = try p.connection
        let before = try DatabaseContent.exact(connection)
        let files = try p.workspace.reportFiles()
        let text = try run(p.workspace, asOf: "2027-01-01", ["preview"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Restatements of published editions: 1"), "\(text.stdout)")
        #expect(text.stdout.contains("Editions to publish: 2026"), "\(text.stdout)")
        #expect(text.stdout.contains("Alpha (alpha), 2025 (edition of 2026-01-01)"), "\(text.stdout)")
        #expect(try DatabaseContent.exact(connection) == before)
        #expect(try p.workspace.reportFiles() == files)
    }

    /// kill -9 while publishing: the edition is whole or absent, and the next run completes it.
    @Test func aRunKilledWhilePublishingLeavesNoEditionAndTheNextPublishesIt() throws {
        let url = try TestCluster.makeDatabase(prefix: "ed_kill")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        let hold = FailpointHold(Failpoint.publish.rawValue)
        let running = try ScorecardProcess.start(["run", "--workspace", workspace.root.path, "--as-of", "2026-01-01"], environment: hold.environment)
        #expect(hold.waitUntilReached(running), "the run never reached the publish failpoint")
        kill(running.pid, SIGKILL)
        _ = running.outcome()
        hold.release()
        let connection = try Connection(conninfo: url, logger: .quiet)
        #expect(try rows(connection, "SELECT count(*) FROM scorecard.editions") == ["0"])
        #expect(try rows(connection, "SELECT count(*) FROM scorecard.edition_files") == ["0"])

        let next = try run(workspace, asOf: "2026-01-01")
        #expect(next.status == 0, "\(next.stderr)")
        let clean = try TestWorkspace(databaseURL: try TestCluster.makeDatabase(prefix: "ed_kill_ref"))
        defer { clean.remove() }
        #expect(try run(clean, asOf: "2026-01-01").status == 0)
        #expect(workspace.reportContents() == clean.reportContents(), "the editions differ from a clean run's")
        #expect(try DatabaseContent.meaning(connection)["editions"] == DatabaseContent.meaning(Connection(conninfo: clean.databaseURL!, logger: .quiet))["editions"])
    }

    /// The output folder is made equal to the editions as published: a published file deleted or
    /// edited by hand is put back, byte for byte, from the database.
    @Test func aDamagedPublishedFileIsPutBackAsPublished() throws {
        let p = try published("ed_restore")
        defer { p.workspace.remove() }
        let before = p.workspace.reportContents()
        try FileManager.default.removeItem(at: p.workspace.edition("2025").appendingPathComponent("index.json"))
        try Data("edited".utf8).write(to: p.workspace.edition("2024").appendingPathComponent("actors/alpha.txt"))
        let outcome = try run(p.workspace, asOf: "2026-01-01")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(p.workspace.reportContents() == before)
    }
}
