import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// Properties of methodology v2 (issue 13, "Tests") on data `scorecard generate` writes, several
/// seeds each, with the real scoring engine on a real PostgreSQL and the generator's methodology
/// (Tests/Fixtures/bench/methodology.yaml): a change to the data that the rules say must not raise a
/// score, or must not change a count, is made to one copy, and the two copies' figures compared.
@Suite("Methodology v2 properties on generated data")
struct MethodologyPropertyTests {
    static let seeds: [UInt64] = [3, 8, 21]
    static let methodology = ProjectFiles.url("Tests/Fixtures/bench/methodology.yaml").path
    static let asOf = SyntheticDataset.referenceDate

    static func generated(_ seed: UInt64) throws -> DatasetFixture {
        try DatasetFixture(generating: SyntheticDataset(actors: 40, evidence: 400, seed: seed))
    }

    static func score(_ fixture: DatasetFixture, _ periods: [String], _ prefix: String) throws -> ScoredDataset {
        try ScoredDataset(fixture, methodology: methodology, periods: periods, asOf: asOf, prefix: prefix)
    }

    /// The first day of a partial date (`2023` → `2023-01-01`), as text that sorts as dates do.
    static func firstDay(_ text: String) -> String {
        switch text.count {
        case 4: return text + "-01-01"
        case 7: return text + "-01"
        default: return text
        }
    }

    /// The records that must move together: an event's records, and a measure with the records that end it.
    static func units(_ evidence: CSVTable) -> [String] {
        var unit: [String: String] = [:]
        for row in evidence.rows.indices {
            let event = evidence[row, "event_id"]
            unit[evidence[row, "id"]] = event.isEmpty ? evidence[row, "id"] : event
        }
        return evidence.rows.indices.map { row in
            let ends = evidence[row, "ends"]
            return ends.isEmpty ? unit[evidence[row, "id"]]! : unit[ends] ?? ends
        }
    }

    /// The vendor at the top of its group (SyntheticDataset.groupRelations) with the most records,
    /// as actor or counterpart.
    static func busiestTopVendor(_ evidence: CSVTable) -> String {
        let tops = ["actor-6", "actor-16", "actor-26", "actor-36"]
        let counts = tops.map { vendor in evidence.rows.indices.filter { evidence[$0, "actor_id"] == vendor || evidence[$0, "counterpart_id"] == vendor }.count }
        return tops[counts.indices.max { counts[$0] < counts[$1] }!]
    }

    /// Moves the records of the chosen units from `from` to `to` (as actor and as counterpart).
    static func move(_ evidence: inout CSVTable, units chosen: Set<String>, from: String, to: String) -> Int {
        let unitOf = units(evidence)
        var moved = 0
        for row in evidence.rows.indices where chosen.contains(unitOf[row]) {
            for column in ["actor_id", "counterpart_id"] where evidence[row, column] == from {
                evidence[row, column] = to
                moved += 1
            }
        }
        return moved
    }

    static func addActor(_ fixture: DatasetFixture, _ id: String, relation: [String]) throws {
        var actors = try fixture.table("actors.csv")
        actors.rows.append([id, "vendor", "Synthetic vendor \(id)", "", "FRA", "", ""])
        try fixture.write("actors.csv", actors)
        var relations = try fixture.table("actor_relations.csv")
        relations.rows.append(relation)
        try fixture.write("actor_relations.csv", relations)
    }

    // MARK: Groups

    /// Splitting a vendor: a new entity X-sub, member_of / subsidiary_of X (or X parent_of X-sub),
    /// takes every other act of X. Every actor's figures stay as they were, the group's included,
    /// and the entity has no figures, grade or rank of its own.
    @Test(arguments: seeds)
    func splittingAVendorIntoEntitiesChangesNoScore(seed: UInt64) throws {
        let original = try Self.generated(seed)
        let split = try Self.generated(seed)
        defer { for f in [original, split] { try? FileManager.default.removeItem(at: f.directory) } }
        var evidence = try split.table("evidence.csv")
        let vendor = Self.busiestTopVendor(evidence)
        let entity = vendor + "-sub"
        let unitOf = Self.units(evidence)
        let involved = Set(evidence.rows.indices.filter { evidence[$0, "actor_id"] == vendor || evidence[$0, "counterpart_id"] == vendor }.map { unitOf[$0] }).sorted()
        let chosen = Set(involved.enumerated().filter { ($0.offset + Int(seed)) % 2 == 0 }.map(\.element))
        let moved = Self.move(&evidence, units: chosen, from: vendor, to: entity)
        try #require(moved > 0, "seed \(seed): nothing of \(vendor) to move")
        try split.write("evidence.csv", evidence)
        let relation = [[entity, "member_of", vendor], [entity, "subsidiary_of", vendor], [vendor, "parent_of", entity]][Int(seed % 3)]
        try Self.addActor(split, entity, relation: relation + ["", "", "src-2"])

        let periods = ["2019-Q4", "2022-Q2", "2026-Q1"]
        let before = try Self.score(original, periods, "prop-split-a")
        let after = try Self.score(split, periods, "prop-split-b")
        for (period, (runBefore, runAfter)) in zip(periods, zip(before.runs, after.runs)) {
            let expected = try before.actorScores(runBefore)
            let actual = try after.actorScores(runAfter)
            for (actor, figures) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(actual[actor] == figures, "seed \(seed) \(period) \(actor) after moving \(moved) records of \(vendor) to \(entity): \(actual[actor].map(String.init(describing:)) ?? "none") ≠ \(figures)")
            }
            let entityFigures = try #require(actual[entity])
            #expect(entityFigures.group == vendor && !entityFigures.hasFiguresOfItsOwn, "seed \(seed) \(period) \(entity): \(entityFigures)")
        }
    }

    /// Renaming a vendor: X-new successor_of X from 2023-07-01, every act of X from that day on
    /// recorded on X-new. Before the rename, every figure is as it was (X-new has nothing); from it,
    /// X-new has X's figures and X is shown inside it, with none of its own.
    @Test(arguments: seeds)
    func renamingAVendorChangesNoScore(seed: UInt64) throws {
        let original = try Self.generated(seed)
        let renamed = try Self.generated(seed)
        defer { for f in [original, renamed] { try? FileManager.default.removeItem(at: f.directory) } }
        let renamedOn = "2023-07-01"
        var evidence = try renamed.table("evidence.csv")
        let vendor = Self.busiestTopVendor(evidence)
        let successor = vendor + "-new"
        let unitOf = Self.units(evidence)
        var earliest: [String: String] = [:]
        for row in evidence.rows.indices {
            let day = Self.firstDay(evidence[row, "occurred_on"])
            earliest[unitOf[row]] = min(earliest[unitOf[row]] ?? day, day)
        }
        let later = Set(earliest.filter { $0.value >= renamedOn }.map(\.key))
        let moved = Self.move(&evidence, units: later, from: vendor, to: successor)
        try #require(moved > 0, "seed \(seed): nothing of \(vendor) after \(renamedOn)")
        try renamed.write("evidence.csv", evidence)
        try Self.addActor(renamed, successor, relation: [successor, "successor_of", vendor, renamedOn, "", "src-2"])

        let periods = ["2023-Q2", "2024-Q4", "2026-Q1"]
        let before = try Self.score(original, periods, "prop-rename-a")
        let after = try Self.score(renamed, periods, "prop-rename-b")
        for (period, (runBefore, runAfter)) in zip(periods, zip(before.runs, after.runs)) {
            let expected = try before.actorScores(runBefore)
            let actual = try after.actorScores(runAfter)
            let renamedYet = period != "2023-Q2"
            for (actor, figures) in expected.sorted(by: { $0.key < $1.key }) {
                var figures = figures
                if renamedYet && figures.group == vendor { figures.group = successor }
                let shownAs = renamedYet && actor == vendor ? successor : actor
                #expect(actual[shownAs] == figures, "seed \(seed) \(period) \(vendor) as \(shownAs): \(actual[shownAs].map(String.init(describing:)) ?? "none") ≠ \(figures)")
            }
            let other = try #require(actual[renamedYet ? vendor : successor])
            #expect(!other.hasFiguresOfItsOwn && other.group == (renamedYet ? successor : nil), "seed \(seed) \(period): \(other)")
        }
    }

    // MARK: Events

    /// A second record of an existing act (same event_id, another publisher, any severity, certainty
    /// and date of publication): no indicator's event count changes, and no value decreases (the
    /// event's certainty may rise). Measures ended by a record are left out: see the next test.
    @Test(arguments: seeds)
    func anotherRecordOfAnEventAddsNoEventAndLowersNoValue(seed: UInt64) throws {
        let original = try Self.generated(seed)
        let corroborated = try Self.generated(seed)
        defer { for f in [original, corroborated] { try? FileManager.default.removeItem(at: f.directory) } }
        var evidence = try corroborated.table("evidence.csv")
        let ended = Set(evidence.rows.indices.map { evidence[$0, "ends"] }.filter { !$0.isEmpty })
        let candidates = evidence.rows.indices.filter { evidence[$0, "ends"].isEmpty && !ended.contains(evidence[$0, "id"]) }
        var random = SplitMix64(seed: seed)
        let sources = try corroborated.table("sources.csv")
        for _ in 0..<40 {
            let row = candidates[Int(random.next() % UInt64(candidates.count))]
            let second = Self.anotherReport(of: evidence.rows[row], evidence, sources, &random)
            if evidence[row, "event_id"].isEmpty { evidence[row, "event_id"] = evidence[row, "id"] }  // the same event, named
            evidence.rows.append(second)
        }
        try corroborated.write("evidence.csv", evidence)

        let periods = ["2020-Q4", "2023-Q2", "2026-Q1"]
        let before = try Self.score(original, periods, "prop-event-a")
        let after = try Self.score(corroborated, periods, "prop-event-b")
        for (period, (runBefore, runAfter)) in zip(periods, zip(before.runs, after.runs)) {
            let expected = try before.indicatorValues(runBefore)
            let actual = try after.indicatorValues(runAfter)
            for (key, old) in expected.sorted(by: { $0.key < $1.key }) {
                let new = try #require(actual[key])
                #expect(new.state == old.state && new.count == old.count, "seed \(seed) \(period) \(key): \(new) ≠ \(old)")
                if let oldValue = old.value, let newValue = new.value {
                    #expect(newValue >= oldValue, "seed \(seed) \(period) \(key): value fell from \(oldValue) to \(newValue)")
                }
            }
        }
    }

    /// The record `row` reported again: same actor, type, counterpart, date, end date and sensitivity, by a
    /// source of another publisher, with its own severity, certainty and publication date.
    static func anotherReport(of row: [String], _ evidence: CSVTable, _ sources: CSVTable, _ random: inout SplitMix64) -> [String] {
        var second = row
        let column = evidence.column
        let id = row[column("id")]
        let publisherOf = Dictionary(uniqueKeysWithValues: sources.rows.map { ($0[sources.column("id")], $0[sources.column("publisher")]) })
        let publishers = Set(row[column("source_ids")].split(separator: ";").map { publisherOf[String($0)]! })
        var source: String
        repeat { source = sources.rows[Int(random.next() % UInt64(sources.rows.count))][sources.column("id")] } while publishers.contains(publisherOf[source]!)
        var suffix = 2
        while evidence.rows.contains(where: { $0[column("id")] == "\(id)-\(suffix)" }) { suffix += 1 }
        second[column("id")] = "\(id)-\(suffix)"
        second[column("event_id")] = row[column("event_id")].isEmpty ? id : row[column("event_id")]
        second[column("source_ids")] = source
        second[column("severity")] = String(1 + random.next() % 5)
        second[column("certainty")] = DatasetSchema.certainties[Int(random.next() % 3)]
        second[column("summary")] = "Another report of \(id)."
        // Published with the first or later, never after the data's end.
        let published = CalendarDate(iso: Self.firstDay(row[column("published_on")]))!
        let later = min(SyntheticDataset.referenceDate.daysSinceEpoch, published.daysSinceEpoch + Int(random.next() % 120))
        second[column("published_on")] = CalendarDate(daysSinceEpoch: later).description
        return second
    }

    // MARK: Measures

    /// A measure counts with the same weight in every period from its date while it holds, older than
    /// any window or not (no decay), and in no period once it has ended (its ends_on, or a record
    /// that ends it, public by then).
    @Test(arguments: seeds)
    func aMeasureCountsTheSameWhileInForceAndNotAfter(seed: UInt64) throws {
        let fixture = try Self.generated(seed)
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let evidence = try fixture.table("evidence.csv")
        // Measures that are events of their own and public: their weight is theirs alone.
        let measures = evidence.rows.indices.filter {
            SyntheticEvidence.measureTypes.contains(evidence[$0, "evidence_type"]) && evidence[$0, "event_id"].isEmpty
                && evidence[$0, "sensitivity"] == "public"
        }
        let lifts = evidence.rows.indices.filter { !evidence[$0, "ends"].isEmpty && evidence[$0, "sensitivity"] == "public" }
        try #require(lifts.count >= 2 && measures.contains { !evidence[$0, "ends_on"].isEmpty }, "seed \(seed): too few ends to test")

        var periods: [String] = []  // a few, from a measure's first years to the data's end
        for year in stride(from: 2019, through: 2025, by: 2) { periods.append("\(year)-Q4") }
        periods += ["2024-Q2", "2026-Q1"]
        periods.sort()
        let scored = try Self.score(fixture, periods, "prop-measure")
        var weights: [String: Set<Double>] = [:]  // "measure indicator" → the weights it counted with
        var checkedEnded = 0, checkedInForce = 0
        for (period, run) in zip(periods, scored.runs) {
            let end = try #require(Period.parse(period, kind: .quarter)).end.description
            var counted: [String: Double] = [:]
            for row in try scored.connection.query("""
                SELECT indicator_code, evidence_id, weight::float8 AS weight FROM scorecard.indicator_contributions
                WHERE run_id = \(run) AND evidence_id IS NOT NULL AND counts
                """) {
                counted["\(try row.decode("evidence_id", as: String.self)) \(try row.decode("indicator_code", as: String.self))"] = try row.decode("weight")
            }
            for row in measures {
                let id = evidence[row, "id"]
                guard evidence[row, "occurred_on"] <= end && evidence[row, "published_on"] <= end else { continue }
                var endedOn = evidence[row, "ends_on"].isEmpty ? nil : evidence[row, "ends_on"]
                for lift in lifts where evidence[lift, "ends"] == id && evidence[lift, "published_on"] <= end {
                    endedOn = min(endedOn ?? evidence[lift, "occurred_on"], evidence[lift, "occurred_on"])
                }
                let countedHere = counted.filter { $0.key.hasPrefix(id + " ") }
                if let endedOn, endedOn <= end {
                    #expect(countedHere.isEmpty, "seed \(seed) \(period): \(id) ended on \(endedOn) and still counts: \(countedHere)")
                    checkedEnded += 1
                } else {
                    #expect(!countedHere.isEmpty, "seed \(seed) \(period): \(id), in force, does not count")
                    for (key, weight) in countedHere { weights[key, default: []].insert(weight) }
                    checkedInForce += 1
                }
            }
        }
        for (key, seen) in weights.sorted(by: { $0.key < $1.key }) {
            #expect(seen.count == 1, "seed \(seed): \(key) counted with different weights while in force: \(seen.sorted())")
        }
        #expect(checkedEnded > 0 && checkedInForce > 0)
    }
}
