import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The orderings issue 13 asks of the default methodology ("Words and deeds"), under
/// Examples/pall-mall/methodology.yaml on small datasets written here in the example's vocabulary
/// (its evidence types, instruments, principles, provisions and sources) with actors, commitments
/// and evidence of the test's own. Severities, certainties, sources and counts vary with the seed,
/// so each ordering is a property, not one example.
///
/// "Ranks above" is the order the rankings show (ReportModel, `report/rankings.sql`): actors with a
/// combined score, by it (those with too few events for a grade have no rank, but stand where their
/// score puts them); then actors with no conduct on record (no combined score), tied.
@Suite("Methodology v2 orderings on a reviewer's fixture")
struct MethodologyOrderingTests {
    static let seeds: [UInt64] = Array(1...5)
    static let period = "2025-Q4"

    /// Where the rankings show an actor: lower is higher up.
    static func position(_ scores: ActorScoreRow) -> (tier: Int, order: Double) {
        if let combined = scores.combined { return (0, -combined) }
        return (1, 0)
    }

    /// A signatory that investigated or sanctioned ranks above a signatory that only signed, which
    /// ranks with (not above) a non-signatory with no conduct: neither has a combined score or a grade,
    /// and the signature shows as a commitment.
    @Test(arguments: seeds)
    func deedsRankAboveWordsAndWordsAboveNothing(seed: UInt64) throws {
        var fixture = try ReviewerFixture(seed: seed)
        defer { fixture.remove() }
        for state in ["doer", "signer"] { fixture.signAll(state) }
        fixture.vendor("vendor-a")
        for index in 0..<(1 + fixture.draw(3)) {
            let type = ["investigation_opened", "sanction_imposed", "entity_listing"][fixture.draw(3)]
            fixture.evidence("doer-\(index)", actor: "doer", type: type, counterpart: type == "investigation_opened" ? nil : "vendor-a")
        }
        fixture.noise()
        let scores = try fixture.score()
        let doer = try #require(scores["doer"]), signer = try #require(scores["signer"]), outsider = try #require(scores["outsider"])
        #expect(Self.position(doer) < Self.position(signer), "seed \(seed): doer \(doer), signer \(signer)")
        #expect(Self.position(signer) <= Self.position(outsider), "seed \(seed): signer \(signer), outsider \(outsider)")
        #expect(signer.combined == nil && signer.grade == nil && signer.rank == nil, "seed \(seed): signer \(signer)")
        #expect(try fixture.indicator("signer", "S-C1")?.value == 100)
        #expect(try fixture.indicator("outsider", "S-C1")?.value == 0)
    }

    /// Two states identical but for misuse documented after they signed: the one that broke its
    /// promise ranks lower.
    @Test(arguments: seeds)
    func theTwinThatBreachedRanksLower(seed: UInt64) throws {
        var fixture = try ReviewerFixture(seed: seed)
        defer { fixture.remove() }
        for state in ["twin", "breacher"] { fixture.signAll(state) }
        fixture.vendor("vendor-a")
        for index in 0..<(1 + fixture.draw(3)) {
            let type = ["investigation_opened", "sanction_imposed", "parliamentary_action", "policy_adopted"][fixture.draw(4)]
            let record = fixture.draft(actor: "twin", type: type, counterpart: type == "sanction_imposed" ? "vendor-a" : nil)
            fixture.add("twin-\(index)", record)
            fixture.add("breacher-\(index)", record.with(actor: "breacher"))
        }
        for index in 0..<(1 + fixture.draw(2)) {
            // After signing the Code (2025-05-01), in the period.
            fixture.evidence("breach-\(index)", actor: "breacher", type: "misuse_documented",
                             counterpart: fixture.draw(2) == 0 ? "vendor-a" : nil, from: "2025-06-01")
        }
        fixture.noise()
        let scores = try fixture.score()
        let twin = try #require(scores["twin"]), breacher = try #require(scores["breacher"])
        #expect(Self.position(breacher) > Self.position(twin), "seed \(seed): breacher \(breacher), twin \(twin)")
    }

    /// A vendor that cut off a customer over misuse, while its products were used against civil
    /// society in the same period (by that customer, and unattributed), is not graded A ("Leading").
    @Test(arguments: seeds)
    func aVendorWhoseProductsWereMisusedIsNotLeading(seed: UInt64) throws {
        var fixture = try ReviewerFixture(seed: seed)
        defer { fixture.remove() }
        fixture.vendor("cutter")
        if fixture.draw(2) == 0 { fixture.commit("cutter", to: "ungps", on: "2020-01-01") }
        fixture.state("client")
        for index in 0..<(1 + fixture.draw(3)) {
            fixture.evidence("cut-\(index)", actor: "cutter", type: "customer_contract_action", counterpart: "client", from: "2025-10-01")
        }
        for index in 0..<(1 + fixture.draw(2)) {
            fixture.evidence("used-\(index)", actor: "client", type: "misuse_documented", counterpart: "cutter", from: "2025-10-01")
        }
        for index in 0..<(1 + fixture.draw(2)) {
            fixture.evidence("found-\(index)", actor: "cutter", type: "product_misuse_documented", from: "2025-10-01")
        }
        fixture.noise()
        let scores = try fixture.score()
        let cutter = try #require(scores["cutter"])
        #expect(cutter.grade != "A", "seed \(seed): cutter \(cutter); evidence:\n\(fixture.evidenceText(of: ["cut-", "used-", "found-"]))")
    }
}

/// A small dataset in the Pall Mall example's vocabulary, written by a test.
struct ReviewerFixture {
    struct Draft {
        var actor: String
        var type: String
        var occurred: String
        var published: String
        var counterpart: String?
        var severity: Int
        var certainty: String
        var sources: [String]

        func with(actor: String) -> Draft { var copy = self; copy.actor = actor; return copy }
    }

    let directory: URL
    private var random: SplitMix64
    private var actors: [[String]] = []
    private var commitments: [[String]] = []
    private var evidence: [[String]] = []
    private var evidenceByID: [String: Draft] = [:]
    /// The example's sources by reliability grade.
    private let sources: [(id: String, reliability: String)]
    private var connection: Connection?
    private var runID: Int64?
    static let vocabulary = ["evidence_types.csv", "instruments.csv", "principles.csv", "provisions.csv", "sources.csv"]
    static let isoCodes = ["FRA", "DEU", "POL", "ESP", "ITA", "GRC", "HUN", "MEX", "IRL", "JPN", "SWE", "NLD"]

    init(seed: UInt64) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-reviewer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in Self.vocabulary {
            try FileManager.default.copyItem(at: ProjectFiles.url("Examples/pall-mall/data/\(file)"), to: directory.appendingPathComponent(file))
        }
        random = SplitMix64(seed: seed)
        let table = try DatasetFixture(directory: directory).table("sources.csv")
        sources = table.rows.indices.map { (table[$0, "id"], table[$0, "reliability"]) }
        state("outsider")
    }

    mutating func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    mutating func state(_ id: String) {
        guard !actors.contains(where: { $0[0] == id }) else { return }
        actors.append([id, "state", "State \(id)", Self.isoCodes[actors.count % Self.isoCodes.count], "", "", ""])
    }

    mutating func vendor(_ id: String) {
        guard !actors.contains(where: { $0[0] == id }) else { return }
        actors.append([id, "vendor", "Vendor \(id)", "", "ISR", "", ""])
    }

    mutating func commit(_ actor: String, to instrument: String, on date: String) {
        commitments.append(["\(actor)-\(instrument)", actor, instrument, "endorsed", date, "", sources[0].id, ""])
    }

    /// Signs the Declaration, the Code and the Joint Statement, each soon after it was adopted.
    mutating func signAll(_ state: String) {
        self.state(state)
        commit(state, to: "pall-mall-declaration", on: "2024-03-01")
        commit(state, to: "pall-mall-code", on: "2025-05-01")
        commit(state, to: "joint-statement-spyware", on: "2024-04-01")
    }

    /// A record with drawn severity, certainty, sources and date (from `from` to the period's end).
    mutating func draft(actor: String, type: String, counterpart: String?, from: String = "2024-01-01") -> Draft {
        let first = CalendarDate(iso: from)!.daysSinceEpoch
        let last = CalendarDate(year: 2025, month: 12, day: 15)!.daysSinceEpoch
        let occurred = first + draw(max(1, last - first))
        var picked: [String] = []
        for _ in 0..<(1 + draw(2)) {
            let source = sources[draw(sources.count)].id
            if !picked.contains(source) { picked.append(source) }
        }
        return Draft(actor: actor, type: type, occurred: CalendarDate(daysSinceEpoch: occurred).description,
                     published: CalendarDate(daysSinceEpoch: min(last, occurred + draw(10))).description, counterpart: counterpart,
                     severity: 1 + draw(5), certainty: DatasetSchema.certainties[draw(3)], sources: picked)
    }

    mutating func add(_ id: String, _ draft: Draft) {
        evidenceByID[id] = draft
        evidence.append([id, draft.actor, draft.type, draft.occurred, draft.published, draft.counterpart ?? "", "",
                         String(draft.severity), draft.certainty, "public", "Record \(id).", draft.sources.joined(separator: ";"), "", "", ""])
    }

    mutating func evidence(_ id: String, actor: String, type: String, counterpart: String? = nil, from: String = "2024-01-01") {
        add(id, draft(actor: actor, type: type, counterpart: counterpart, from: from))
    }

    /// Other states and a vendor with conduct of every sign, so that ranks are among several actors.
    mutating func noise() {
        vendor("vendor-n")
        for index in 0..<3 {
            let id = "noise-\(index)"
            state(id)
            if draw(2) == 0 { signAll(id) }
            for record in 0..<(1 + draw(3)) {
                let type = ["misuse_documented", "investigation_opened", "procurement_documented", "sanction_imposed"][draw(4)]
                evidence("\(id)-\(record)", actor: id, type: type, counterpart: type == "investigation_opened" ? nil : "vendor-n")
            }
        }
    }

    func evidenceText(of prefixes: [String]) -> String {
        evidenceByID.keys.sorted().filter { id in prefixes.contains { id.hasPrefix($0) } }.map { id in
            let d = evidenceByID[id]!
            let reliabilities = d.sources.map { s in sources.first { $0.id == s }!.reliability }
            return "  \(id): \(d.type) \(d.actor)→\(d.counterpart ?? "–") on \(d.occurred) severity \(d.severity) \(d.certainty) sources \(reliabilities.joined(separator: "+"))"
        }.joined(separator: "\n")
    }

    /// Writes the dataset, loads it into a fresh database and scores the period under the example's methodology.
    mutating func score() throws -> [String: ActorScoreRow] {
        let files = DatasetFixture(directory: directory)
        func header(_ table: String) -> [String] { DatasetSchema.table(table)!.fields.map(\.name) }
        // Rows give the leading fields; optional trailing columns (e.g. sensitivity) are left empty.
        func padded(_ table: String, _ rows: [[String]]) -> [[String]] {
            let width = header(table).count
            return rows.map { $0 + Array(repeating: "", count: max(0, width - $0.count)) }
        }
        try files.writeRecords("actors.csv", [header("actors")] + padded("actors", actors))
        try files.writeRecords("commitments.csv", [header("commitments")] + padded("commitments", commitments))
        try files.writeRecords("evidence.csv", [header("evidence")] + padded("evidence", evidence))
        for table in ["actor_aliases", "actor_relations", "responses"] { try files.writeRecords("\(table).csv", [header(table)]) }
        try files.write(DataPackage.fileName, try FrictionlessDescriptor.json(FrictionlessDescriptor.dataPackage(name: "reviewer", title: "Reviewer's fixture")))
        let scored = try ScoredDataset(files, methodology: ProjectFiles.url("Examples/pall-mall/methodology.yaml").path,
                                       periods: [MethodologyOrderingTests.period], asOf: .fixtureAsOf, prefix: "ordering")
        connection = scored.connection
        runID = scored.runs[0]
        return try scored.actorScores(scored.runs[0])
    }

    func indicator(_ actor: String, _ code: String) throws -> IndicatorValueRow? {
        guard let connection, let runID else { return nil }
        return try ScoredDataset(connection: connection, runs: [runID]).indicatorValues(runID)["\(actor) \(code)"]
    }
}
