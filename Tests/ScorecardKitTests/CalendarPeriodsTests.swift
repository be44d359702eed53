import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// Periods follow the calendar at the as-of date, not the last publication date of the evidence:
/// the latest period is the last one complete at the as-of date, `all` starts at the first
/// evidence or commitment, and a period not complete at the as-of date is provisional.
@Suite("Calendar periods")
struct CalendarPeriodsTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// The scoring fixture with its evidence (and the reply to it) moved back to 2020 and 2021 (the
    /// last published on 2021-02-10), its commitments as they are (2022 to gamma's of 2024-05-01),
    /// under the fixture's methodology made quarterly.
    struct OldEvidence {
        let fixture: DatasetFixture
        let methodology: URL

        init(evidence: Bool = true, commitments: Bool = true) throws {
            fixture = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
            try Self.moveBack(fixture.directory)
            if !evidence {
                for file in ["evidence.csv", "responses.csv"] { try fixture.write(file, Self.header(try fixture.read(file))) }
            }
            if !commitments { try fixture.write("commitments.csv", Self.header(try fixture.read("commitments.csv"))) }
            methodology = fixture.directory.deletingLastPathComponent().appendingPathComponent("quarterly-\(UUID().uuidString).yaml")
            try Self.writeQuarterlyMethodology(to: methodology)
        }

        /// Evidence and responses of 2024 → 2020, of 2025 → 2021.
        static func moveBack(_ data: URL) throws {
            for file in ["evidence.csv", "responses.csv"] {
                let url = data.appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                try Data(text.replacingOccurrences(of: "2025-", with: "2021-").replacingOccurrences(of: "2024-", with: "2020-").utf8).write(to: url)
            }
        }

        static func writeQuarterlyMethodology(to url: URL) throws {
            let yearly = try String(contentsOf: ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml"), encoding: .utf8)
            precondition(yearly.contains("period: year"))
            try Data(yearly.replacingOccurrences(of: "period: year", with: "period: quarter").utf8).write(to: url)
        }

        static func header(_ text: String) -> String { String(text.prefix { $0 != "\n" }) + "\n" }

        func file() throws -> MethodologyFile { try MethodologyFile.load(path: methodology.path) }
    }

    func load(_ data: OldEvidence, prefix: String) throws -> Connection {
        let connection = try migratedDatabase(prefix)
        try data.fixture.loader(today: Self.date("2026-12-01")).load(connection: connection)
        return connection
    }

    // MARK: The rule

    @Test func theLatestPeriodIsTheLastCompleteAtTheAsOfDate() {
        #expect(Period.latestComplete(asOf: Self.date("2026-12-01"), kind: .quarter).description == "2026-Q3")
        // A period ending on the as-of date is not complete yet (that day's publications may be missing).
        #expect(Period.latestComplete(asOf: Self.date("2026-09-30"), kind: .quarter).description == "2026-Q2")
        #expect(Period.latestComplete(asOf: Self.date("2026-10-01"), kind: .quarter).description == "2026-Q3")
        #expect(Period.latestComplete(asOf: Self.date("2026-01-01"), kind: .quarter).description == "2025-Q4")
        #expect(Period.latestComplete(asOf: Self.date("2026-12-31"), kind: .year).description == "2025")
        #expect(Period.latestComplete(asOf: Self.date("2027-01-01"), kind: .year).description == "2026")
        let q3 = Period(year: 2026, quarter: 3)
        #expect(!q3.isComplete(asOf: Self.date("2026-09-30")))
        #expect(q3.isComplete(asOf: Self.date("2026-10-01")))
    }

    @Test func theAsOfDateComesFromTheOptionThenTheVariableThenToday() throws {
        let today = { Self.date("2030-05-05") }
        #expect(try AsOf.resolve(option: "2026-12-01", environment: ["SCORECARD_AS_OF": "2020-01-01"], today: today) == Self.date("2026-12-01"))
        #expect(try AsOf.resolve(option: nil, environment: ["SCORECARD_AS_OF": "2020-01-01"], today: today) == Self.date("2020-01-01"))
        #expect(try AsOf.resolve(option: nil, environment: ["SCORECARD_AS_OF": ""], today: today) == Self.date("2030-05-05"))
        #expect(try AsOf.resolve(option: nil, environment: [:], today: today) == Self.date("2030-05-05"))
        #expect(throws: AsOfInvalid(source: "--as-of", value: "2026-02-30")) {
            try AsOf.resolve(option: "2026-02-30", environment: [:], today: today)
        }
        #expect(throws: AsOfInvalid(source: "SCORECARD_AS_OF", value: "1 Dec 2026")) {
            try AsOf.resolve(option: nil, environment: ["SCORECARD_AS_OF": "1 Dec 2026"], today: today)
        }
        #expect(AsOfInvalid(source: "--as-of", value: "2026-13-01").exitCode == .usage)
    }

    // MARK: The engine, on the real server

    @Test func periodsRunToTheAsOfDateLongAfterTheLastEvidence() throws {
        let data = try OldEvidence()
        let connection = try load(data, prefix: "calendar_all")
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        let file = try data.file()

        let runs = try engine.score(file, periods: .all, asOf: Self.date("2026-12-01"))
        #expect(runs.first?.period.description == "2020-Q1")  // beta's misuse, occurred 2020-01
        #expect(runs.last?.period.description == "2026-Q3")
        #expect(runs.count == 27)
        #expect(runs.allSatisfy { !$0.provisional })
        // gamma's commitment of 2024-05-01 is in force at the end of 2026-Q3, long after the last evidence.
        let last = try #require(runs.last)
        let commitments = try connection.query("""
            SELECT commitment_id FROM scorecard.indicator_contributions
            WHERE run_id = \(last.runID) AND actor_id = 'gamma' AND indicator_code = 'COMMIT'
            """).map { try $0.decode("commitment_id", as: String.self) }
        #expect(commitments == ["gamma-code"])

        #expect(try engine.score(file, periods: .latest, asOf: Self.date("2026-12-01")).map(\.period.description) == ["2026-Q3"])
        #expect(try engine.score(file, periods: .latest, asOf: Self.date("2026-09-30")).map(\.period.description) == ["2026-Q2"])
        #expect(try engine.score(file, periods: .latest, asOf: Self.date("2026-10-01")).map(\.period.description) == ["2026-Q3"])
    }

    @Test func theCurrentPeriodIsScoredAsProvisionalWhenAsked() throws {
        let data = try OldEvidence()
        let connection = try load(data, prefix: "calendar_current")
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        let runs = try engine.score(try data.file(), periods: .latest, asOf: Self.date("2026-12-01"), currentPeriod: true)
        #expect(runs.map(\.period.description) == ["2026-Q3", "2026-Q4"])
        #expect(runs.map(\.provisional) == [false, true])
        let stored = try connection.query("""
            SELECT provisional, knowledge_cutoff FROM scorecard.score_runs WHERE id = \(runs[1].runID)
            """).first!
        #expect(try stored.decode("provisional", as: Bool.self))
        #expect(try stored.decode("knowledge_cutoff", as: CalendarDate.self) == Self.date("2026-12-01"))

        let all = try engine.score(try data.file(), periods: .all, asOf: Self.date("2026-12-01"), currentPeriod: true)
        #expect(all.last?.period.description == "2026-Q4")
        #expect(all.filter(\.provisional).map(\.period.description) == ["2026-Q4"])
    }

    @Test func aProvisionalRunIsNeverTakenForTheCompleteOne() throws {
        let data = try OldEvidence()
        let connection = try load(data, prefix: "calendar_digest")
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        let file = try data.file()
        // As of its last day, 2026-Q3 is provisional, with the same cutoff (2026-09-30) as once complete.
        let early = try engine.score(file, periods: .period("2026-Q3"), asOf: Self.date("2026-09-30"))[0]
        #expect(early.provisional)
        let complete = try engine.score(file, periods: .period("2026-Q3"), asOf: Self.date("2026-10-01"))[0]
        #expect(!complete.provisional)
        #expect(complete.computed && complete.runID != early.runID && complete.inputsSHA256 != early.inputsSHA256)
        let stored = try connection.query("SELECT provisional FROM scorecard.score_runs WHERE id = \(complete.runID)").first!
        #expect(try !stored.decode("provisional", as: Bool.self))
        // A complete period's run does not depend on the as-of date: a later one reuses it.
        let later = try engine.score(file, periods: .period("2026-Q3"), asOf: Self.date("2027-06-01"))[0]
        #expect(!later.computed && later.runID == complete.runID)
    }

    @Test func commitmentsAloneGiveThePeriodsAndNothingMeansNothingToScore() throws {
        let commitmentsOnly = try OldEvidence(evidence: false)
        let connection = try load(commitmentsOnly, prefix: "calendar_commitments")
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        let runs = try engine.score(try commitmentsOnly.file(), periods: .all, asOf: Self.date("2026-12-01"))
        #expect(runs.first?.period.description == "2022-Q1")  // the commitments dated 2022
        #expect(runs.last?.period.description == "2026-Q3")

        let nothing = try OldEvidence(evidence: false, commitments: false)
        let empty = try load(nothing, prefix: "calendar_nothing")
        for selection in [ScoringEngine.PeriodSelection.all, .latest] {
            #expect(throws: ScoringError.noEvidence) {
                try ScoringEngine(connection: empty, logger: .quiet).score(try nothing.file(), periods: selection, asOf: Self.date("2026-12-01"))
            }
        }
    }
}

/// The as-of date on the command line: `--as-of`, `SCORECARD_AS_OF`, and what `scorecard run`
/// publishes with it.
@Suite("Calendar periods: the command line")
struct CalendarPeriodsCLITests {
    /// A workspace over the scoring fixture moved back in time (evidence up to 2021-02), quarterly,
    /// reporting the latest period in JSON and text.
    func workspace(_ prefix: String, extraConfig: String = "") throws -> (TestWorkspace, String) {
        let url = try TestCluster.makeDatabase(prefix: prefix)
        let workspace = try TestWorkspace(databaseURL: url)
        try CalendarPeriodsTests.OldEvidence.moveBack(workspace.data)
        try CalendarPeriodsTests.OldEvidence.writeQuarterlyMethodology(to: workspace.root.appendingPathComponent("methodology.yaml"))
        try Data("""
            dataset: data
            methodology: methodology.yaml
            periods: all
            \(extraConfig)
            output:
              folder: reports
              formats: [json, text]
              periods: latest
            database:
              url: \(url)

            """.utf8).write(to: workspace.root.appendingPathComponent("scorecard.yaml"))
        return (workspace, url)
    }

    func run(_ workspace: TestWorkspace, _ extra: [String] = [], environment: [String: String] = [:]) throws -> ScorecardProcess.Outcome {
        try ScorecardProcess.run(["run", "--workspace", workspace.root.path] + extra, environment: environment)
    }

    func report(_ workspace: TestWorkspace, _ period: String) throws -> [String: Any] {
        let data = try Data(contentsOf: workspace.edition(period).appendingPathComponent("index.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// One actor's report card (`actors/<id>.json`) of a period's edition folder.
    func card(_ workspace: TestWorkspace, _ period: String, _ actor: String) throws -> [String: Any] {
        let data = try Data(contentsOf: workspace.edition(period).appendingPathComponent("actors/\(actor).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aWorkspaceWhoseEvidenceEndsIn2021PublishesTheLatestQuarterOfTheAsOfDate() throws {
        let (workspace, _) = try workspace("calendar_run")
        defer { workspace.remove() }

        let first = try run(workspace, ["--as-of", "2026-12-01"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("27 periods scored (27 computed, 0 unchanged)"), "\(first.stdout)")  // 2020-Q1 to 2026-Q3
        // One edition folder, the latest complete quarter's: its summary, cards and checksums.
        let files = try workspace.reportFiles().keys.sorted()
        #expect(Set(files.map { $0.split(separator: "/").first.map(String.init) ?? "" }) == ["scoring-fixture-2026-Q3"], "\(files)")
        #expect(files.contains("scoring-fixture-2026-Q3/index.json") && files.contains("scoring-fixture-2026-Q3/index.txt")
                && files.contains("scoring-fixture-2026-Q3/SHA256SUMS") && files.contains("scoring-fixture-2026-Q3/actors/gamma.json"), "\(files)")
        #expect(!files.contains { $0.hasSuffix(".html") || $0.hasSuffix(".md") }, "formats: [json, text] only: \(files)")
        let latest = try report(workspace, "2026-Q3")
        let run = try #require(latest["run"] as? [String: Any])
        #expect(run["period"] as? String == "2026-Q3")
        #expect(run["provisional"] as? Bool == false)
        let gamma = try #require(try card(workspace, "2026-Q3", "gamma")["actor"] as? [String: Any])
        let inForce = (gamma["commitments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(inForce == ["gamma-code"], "gamma's 2024 commitment is in force in 2026-Q3: \(inForce)")

        // report, explain and sensitivity: latest is the latest period scored with what was known at
        // the as-of date. As of 2026-06-15, 2026-Q2 was not complete, and its run (made as of
        // 2026-12-01) counts evidence published after 2026-06-15: the report shows 2026-Q1.
        let earlier = try ScorecardProcess.run(["report", "--workspace", workspace.root.path, "--as-of", "2026-06-15", "--format", "json", "--out", "-"])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let earlierRun = (try JSONSerialization.jsonObject(with: Data(earlier.stdout.utf8)) as? [String: Any])?["run"] as? [String: Any]
        #expect(earlierRun?["period"] as? String == "2026-Q1", "\(earlier.stdout.prefix(400))")
        let explain = try ScorecardProcess.run(["explain", "gamma", "--workspace", workspace.root.path, "--as-of", "2026-12-01"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("2026-Q3"), "\(explain.stdout.prefix(400))")
    }

    @Test func provisionalTrueAlsoPublishesTheCurrentPeriodAsProvisional() throws {
        let (workspace, url) = try workspace("calendar_provisional", extraConfig: "provisional: true")
        defer { workspace.remove() }

        let first = try run(workspace, ["--as-of", "2026-12-01"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("28 periods scored"), "\(first.stdout)")  // 2020-Q1 to 2026-Q4
        let current = try report(workspace, "2026-Q4")
        let run = try #require(current["run"] as? [String: Any])
        #expect(run["provisional"] as? Bool == true)
        #expect(run["knowledge_cutoff"] as? String == "2026-12-01")
        let connection = try Connection(conninfo: url, logger: .quiet)
        let provisional = try connection.query("SELECT period FROM scorecard.score_runs WHERE provisional AND basis = 'as_published' ORDER BY period")
            .map { try $0.decode("period", as: String.self) }
        #expect(provisional == ["2026-Q4"])
        // Its aged run (the split of its change) is provisional too: it shares its knowledge cutoff.
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.score_runs WHERE provisional AND basis = 'aged'")
            .first!.decode("n", as: Int.self) == 1)

        // A bad value of the key names its line.
        let config = workspace.root.appendingPathComponent("scorecard.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "provisional: true", with: "provisional: maybe").utf8).write(to: config)
        let bad = try self.run(workspace, ["--as-of", "2026-12-01"])
        #expect(bad.status == 78)
        #expect((bad.stdout + bad.stderr).contains("scorecard.yaml:4: provisional: must be"), "\(bad.stdout)\(bad.stderr)")
    }

    @Test func theOptionAndTheVariableAgreeAndTheSameAsOfGivesTheSameReports() throws {
        let (a, _) = try workspace("calendar_option")
        let (b, _) = try workspace("calendar_variable")
        defer { a.remove(); b.remove() }

        #expect(try run(a, ["--as-of", "2026-12-01"]).status == 0)
        #expect(try run(b, environment: ["SCORECARD_AS_OF": "2026-12-01"]).status == 0)
        let reports = a.reportContents()
        #expect(reports.keys.contains("scoring-fixture-2026-Q3/index.json"))
        #expect(reports == b.reportContents(), "--as-of and SCORECARD_AS_OF give different reports")
        // The option wins over the variable; the same as-of date again changes nothing.
        let again = try run(a, ["--as-of", "2026-12-01"], environment: ["SCORECARD_AS_OF": "2020-01-01"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("27 periods scored (0 computed, 27 unchanged); 0 report files written"), "\(again.stdout)")
        #expect(a.reportContents() == reports)
    }

    @Test func aMalformedAsOfDateIsExit64NamingItsSource() throws {
        let (workspace, _) = try workspace("calendar_bad")
        defer { workspace.remove() }
        let root = workspace.root.path
        for command in [["run"], ["score"], ["report"], ["explain", "gamma"], ["sensitivity"], ["load"], ["validate"]] {
            let option = try ScorecardProcess.run(command + ["--workspace", root, "--as-of", "2026-13-01"])
            #expect(option.status == 64, "\(command): \(option.stderr)")
            #expect(option.stderr.contains("--as-of: '2026-13-01' is not a real calendar date"), "\(command): \(option.stderr)")
            let variable = try ScorecardProcess.run(command + ["--workspace", root], environment: ["SCORECARD_AS_OF": "1 Dec 2026"])
            #expect(variable.status == 64, "\(command): \(variable.stderr)")
            #expect(variable.stderr.contains("SCORECARD_AS_OF: '1 Dec 2026' is not a real calendar date"), "\(command): \(variable.stderr)")
        }
        #expect(try workspace.reportFiles().isEmpty, "a bad as-of date wrote reports")
    }

    @Test func withoutAnAsOfDateARunTakesToday() throws {
        let (workspace, _) = try workspace("calendar_today")
        defer { workspace.remove() }
        let before = CalendarDate.today
        let outcome = try run(workspace, environment: ["SCORECARD_AS_OF": ""])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        guard CalendarDate.today == before else { return }  // midnight UTC passed during the run
        let latest = Period.latestComplete(asOf: before, kind: .quarter)
        let files = try workspace.reportFiles().keys.sorted()
        #expect(files.contains("scoring-fixture-\(latest)/index.json"), "\(files)")
    }
}
