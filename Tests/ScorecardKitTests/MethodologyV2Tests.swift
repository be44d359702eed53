import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// Methodology v2's rules on a small fixture (Tests/Fixtures/methodology-v2), each figure worked out
/// by hand here from the formulas of docs/methodology.md, not read back from the engine.
@Suite("Methodology v2: events, measures, groups, words and deeds, absence")
struct MethodologyV2Tests {
    static func decay(days: Double) -> Double { pow(0.5, days / 365) }
    static func saturate(_ total: Double) -> Double { 100 * (1 - exp(-total)) }
    static func combined(positive: Double?, negative: Double?) -> Double { (100 + (positive ?? 0) - (negative ?? 0)) / 2 }

    // Weights of the fixture: severity k/5, confirmed 1 / attributed 0.5 / reported 0.25, A 1 / B 0.8 / C 0.6.
    // E = 2024-12-31.
    /// evt-st-sanction-2024: one act, three records (one per designated vendor), severity 4, confirmed,
    /// A. A measure in force: no decay.
    static let sanction2024 = 0.8
    /// st-listing-solo-2020: severity 3, confirmed, A; in force, so it counts in full although it is
    /// older than the 730-day window.
    static let listing2020 = 0.6
    /// evt-st-misuse: two reported records from one publisher (News): no corroboration. Severity 3,
    /// reported, C, 30 days old.
    static let stMisuse = 0.6 * 0.25 * 0.6 * decay(days: 30)
    /// evt-st3-misuse: two reported records, from News (severity 5, C: strength 0.6) and Lab (severity 4,
    /// B: strength 0.64). The stronger carries the event; two independent publishers raise its certainty
    /// from reported to attributed (0.5). 91 days old.
    static let st3Misuse = 0.8 * 0.8 * 0.5 * decay(days: 91)

    let connection: Connection
    let file: MethodologyFile
    var figures: RunFigures { RunFigures(connection: connection) }

    init() throws {
        connection = try migratedDatabase("methodology-v2")
        _ = try DatasetLoader(directory: ProjectFiles.url("Tests/Fixtures/methodology-v2/data"), today: .fixtureAsOf, logger: .quiet)
            .load(connection: connection)
        file = try MethodologyFile.load(path: ProjectFiles.url("Tests/Fixtures/methodology-v2/methodology.yaml").path)
    }

    func score(_ period: String = "2024") throws -> Int64 {
        try ScoringEngine(connection: connection, logger: .quiet).score(file, periods: .period(period), asOf: .fixtureAsOf)[0].runID
    }

    @Test func anEventCountsOnceAndEachCounterpartGetsItsOwn() throws {
        let run = try score()
        // st: the 2024 designation of three vendors is one event (2 events with the 2020 listing), not four.
        #expect(try figures.indicator(run, "st", "SANCTIONS") == .init(state: "scored", value: round3(Self.saturate(Self.sanction2024 + Self.listing2020)), count: 2))
        // solo is designated in its own record of that event, and by the 2020 listing.
        #expect(try figures.indicator(run, "solo", "SANCTIONED").value == round3(Self.saturate(Self.sanction2024 + Self.listing2020)))
        // The carrying record holds the event's share; the other records are shown with it, at 0.
        let rows = try connection.query("""
            SELECT evidence_id, event_id, counts, contribution::float8 AS contribution FROM scorecard.indicator_contributions
            WHERE run_id = \(run) AND actor_id = 'st' AND indicator_code = 'SANCTIONS' ORDER BY evidence_id
            """).map { (try $0.decode("evidence_id", as: String.self), try $0.decode("event_id", as: String.self),
                        try $0.decode("counts", as: Bool.self), try $0.decode("contribution", as: Double.self)) }
        #expect(rows.map(\.0) == ["st-listing-solo-2020", "st-sanction-grp-a", "st-sanction-grp-b", "st-sanction-solo"])
        #expect(rows.map(\.2) == [true, true, false, false])  // ties: the first record by id carries the event
        #expect(rows.map(\.1) == ["st-listing-solo-2020", "evt-st-sanction-2024", "evt-st-sanction-2024", "evt-st-sanction-2024"])
        let value = Self.saturate(Self.sanction2024 + Self.listing2020)
        expectClose(rows[1].3, value * Self.sanction2024 / (Self.sanction2024 + Self.listing2020), "the event's share")
        #expect(rows[2].3 == 0 && rows[3].3 == 0)
    }

    @Test func independentSourcesRaiseCertaintyNotTheCount() throws {
        let run = try score()
        // st3: two reports of one act, by two publishers: one event, at attributed.
        #expect(try figures.indicator(run, "st3", "MISUSE") == .init(state: "scored", value: round3(Self.saturate(Self.st3Misuse)), count: 1))
        // st: two reports by one publisher: one event, its certainty as reported.
        #expect(try figures.indicator(run, "st", "MISUSE") == .init(state: "scored", value: round3(Self.saturate(Self.stMisuse)), count: 1))
    }

    @Test func measuresHoldUntilTheyEnd() throws {
        // 2023: st2's sanction of Entity A (2023-01-10) holds; st3's fifteen-month sanction of Solo too.
        let earlier = try score("2023")
        #expect(try figures.indicator(earlier, "st2", "SANCTIONS").value == round3(Self.saturate(0.6)))
        #expect(try figures.indicator(earlier, "solo", "SANCTIONED").value == round3(Self.saturate(Self.listing2020 + 0.4)))
        // 2024: st2 lifted it in 2024-05 (a record that ends it) and st3's ended on 2024-09 (ends_on):
        // neither counts any more, for the state or for the vendor.
        let run = try score()
        #expect(try figures.indicator(run, "st2", "SANCTIONS") == .init(state: "no evidence", value: nil, count: 0))
        #expect(try figures.indicator(run, "st3", "SANCTIONS") == .init(state: "no evidence", value: nil, count: 0))
        let groupSanctions = try connection.query("""
            SELECT array_agg(evidence_id ORDER BY evidence_id) AS ids FROM scorecard.indicator_contributions
            WHERE run_id = \(run) AND actor_id = 'grp' AND indicator_code = 'SANCTIONED'
            """).first!.decode("ids", as: [String].self)
        #expect(groupSanctions == ["st-sanction-grp-a", "st-sanction-grp-b"])
    }

    @Test func aGroupCarriesItsEntitiesConductOnce() throws {
        let run = try score()
        // Entities A and B are one group: the designation of both is one event for it, and the misuse
        // with A's and B's tools, reported twice, is one event too.
        let negative = (Self.saturate(Self.sanction2024) + Self.saturate(Self.stMisuse)) / 2
        let group = try figures.actor(run, "grp")
        expectClose(group.negative, negative, "grp negative")
        #expect(group.positive == nil)
        expectClose(group.combined, Self.combined(positive: nil, negative: negative), "grp combined")
        #expect(group.events == 2 && group.records == 4 && group.group == nil)
        // The entities have no figures of their own: they are shown inside their group.
        for entity in ["grp-a", "grp-b"] {
            let scores = try figures.actor(run, entity)
            #expect(scores.group == "grp")
            #expect(scores.positive == nil && scores.negative == nil && scores.combined == nil && scores.grade == nil && scores.rank == nil)
            #expect(try figures.indicator(run, entity, "SANCTIONED").state == "in group")
        }
        // An investor's ownership does not take the vendor's conduct: solo is ranked on its own.
        let solo = try figures.actor(run, "solo")
        #expect(solo.group == nil)
        expectClose(solo.combined, Self.combined(positive: nil, negative: Self.saturate(Self.sanction2024 + Self.listing2020) / 2), "solo combined")
        // Vendors ranked: the group (less sanctioned) before solo.
        #expect(group.rank == 1 && solo.rank == 2)
    }

    @Test func wordsAloneMakeNoFaceAndNoScore() throws {
        let run = try score()
        // st: the Code (COMMIT 100) beside deeds (SANCTIONS), INVESTIGATES with no evidence counting 0.
        let positive = (100 + Self.saturate(Self.sanction2024 + Self.listing2020) + 0) / 3
        let st = try figures.actor(run, "st")
        expectClose(st.positive, positive, "st positive")
        expectClose(st.negative, Self.saturate(Self.stMisuse), "st negative")
        expectClose(st.combined, Self.combined(positive: positive, negative: Self.saturate(Self.stMisuse)), "st combined")
        #expect(st.events == 3 && st.records == 6 && st.rank == 1)
        // st2 has the Code and nothing else in 2024 (its sanction was lifted): no face, no combined
        // score, no grade; its commitment is still scored as a commitment.
        let st2 = try figures.actor(run, "st2")
        #expect(st2.positive == nil && st2.negative == nil && st2.combined == nil && st2.grade == nil && st2.rank == nil)
        #expect(try figures.indicator(run, "st2", "COMMIT").value == 100)
        // st3: one event of conduct on record: a combined score, but no grade under minimum_evidence 2
        // (two records of one act are one event).
        let st3 = try figures.actor(run, "st3")
        expectClose(st3.combined, Self.combined(positive: nil, negative: Self.saturate(Self.st3Misuse)), "st3 combined")
        #expect(st3.positive == nil && st3.events == 1 && st3.records == 2 && st3.grade == nil && st3.rank == nil)
        // The investor has nothing that applies: nothing to show, never a 50.
        let investor = try figures.actor(run, "inv")
        #expect(investor.combined == nil && investor.positive == nil && investor.negative == nil)
    }

    /// 2023 → 2024 for the group: time changes nothing (its 2023 sanction is a measure, undecayed),
    /// so the whole change is new conduct: the 2024 designation and misuse, and st2 lifting its
    /// sanction (lifting is conduct, not time). The cause is the new designation.
    @Test func aChangeIsSplitAndOnlyConductMovesAnActor() throws {
        _ = try score("2023")
        let run = try score()
        let before = Self.combined(positive: nil, negative: Self.saturate(0.6) / 2)
        let now = Self.combined(positive: nil, negative: (Self.saturate(Self.sanction2024) + Self.saturate(Self.stMisuse)) / 2)
        let row = try connection.query("""
            SELECT previous_combined::float8 AS previous, change::float8 AS change, change_restated::float8 AS restated,
                   change_time::float8 AS time, change_conduct::float8 AS conduct
            FROM scorecard.actor_scores WHERE run_id = \(run) AND actor_id = 'grp'
            """).first!
        expectClose(try row.decode("previous", as: Double.self), before, "grp 2023")
        expectClose(try row.decode("change", as: Double.self), now - before, "grp change")
        #expect(try row.decode("restated", as: Double.self) == 0 && row.decode("time", as: Double.self) == 0)
        expectClose(try row.decode("conduct", as: Double.self), now - before, "grp new conduct")
        let model = try ReportModel.load(connection, run: try #require(try ScoreRuns.published(connection, methodology: file, period: "2024")))
        let group = try #require(model.ranked("grp"))
        #expect(group.change.direction == .down)
        #expect(group.change.cause?.id == "st-sanction-grp-a")
        #expect(group.members.map(\.id) == ["grp-a", "grp-b"])
        #expect(model.ranked("grp-a")?.groupID == "grp")
    }

    /// 2024 → 2025 for st: no new conduct; its 2024 misuse weighs less a year later. The change is
    /// all time: it raises st's combined score, and is shown as time, never as a move up.
    @Test func timeAloneIsNeverAnImprovement() throws {
        _ = try score()
        let run = try score("2025")
        let positive = (100 + Self.saturate(Self.sanction2024 + Self.listing2020) + 0) / 3
        let before = Self.combined(positive: positive, negative: Self.saturate(Self.stMisuse))
        let agedMisuse = 0.6 * 0.25 * 0.6 * Self.decay(days: 395)  // 2024-12-01 to 2025-12-31
        let after = Self.combined(positive: positive, negative: Self.saturate(agedMisuse))
        let row = try connection.query("""
            SELECT change::float8 AS change, change_time::float8 AS time, change_conduct::float8 AS conduct
            FROM scorecard.actor_scores WHERE run_id = \(run) AND actor_id = 'st'
            """).first!
        expectClose(try row.decode("change", as: Double.self), after - before, "st change")
        expectClose(try row.decode("time", as: Double.self), after - before, "st time")
        #expect(try row.decode("conduct", as: Double.self) == 0)
        let model = try ReportModel.load(connection, run: try #require(try ScoreRuns.published(connection, methodology: file, period: "2025")))
        let st = try #require(model.ranked("st"))
        #expect(st.change.direction == .unchanged && st.change.cause == nil)
        #expect(Messages.english.change(st) == "– 0.000")
        #expect(Messages.english.changeSince(st, "2024").contains("(time +"))
    }

    func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
