import Foundation
import Postgres

/// Everything a report shows about one as-published score run, loaded once (in one snapshot of
/// the database) into plain values that every renderer reads.
///
/// `scorecard explain` renders one actor's section of the same model (`ExplainText`), so explain and
/// the report cannot disagree. Every query is a file of `Schemas/queries/report/`.
///
/// Restricted evidence never enters a public model: every query that touches `scorecard.evidence`
/// keeps what `scorecard.counts_for` lets through (public rows only), responses to restricted
/// evidence are left out, and a run whose methodology scored restricted evidence
/// (`restricted_evidence: include`) is refused, because its scores, counts and contributions could
/// reveal what is restricted. An internal model (`Audience.internal`, explain's) of such a run holds
/// what the run scored.
///
/// Ordering is stable: kinds in `kindOrder`, then rank (unranked last), then actor id.
/// No wall-clock time is loaded (not even `score_runs.computed_at`), so the same run renders to
/// the same bytes in any database.
public struct ReportModel: Sendable, Equatable {
    public static let schemaVersion = "3.0"  // 3.0: methodology v2 (events, groups, status, change parts; direction is conduct's)
    /// The methodology documentation, relative to the project root.
    public static let methodologyDocument = "docs/methodology.md"
    /// An indicator scored for fewer actors than this has thin evidence.
    public static let thinEvidenceThreshold = 3
    /// How many actors the trend follows (the top of the combined ranking) when no actor is chosen.
    public static let trendActorLimit = 5
    /// How many actors the key findings name as moved by their own conduct.
    public static let keyMovers = 5
    /// The order of the actor kinds in every report.
    public static let kindOrder = ["state", "organisation", "vendor", "investor"]

    public struct RunInfo: Sendable, Equatable {
        /// The run's inputs digest (score_runs.inputs_sha256): it names the run in every database
        /// alike, where the numeric id is local to one database and would make reports differ.
        public let id: String
        public let period: String
        public let periodStart: String
        public let periodEnd: String
        public let basis: String
        public let knowledgeCutoff: String
        public let provisional: Bool
        public let datasetSHA256: String
        public let previousPeriod: String?
        /// The previous period's run, by its inputs digest.
        public let previousRunID: String?
        public let sensitivity: SensitivityInfo?
        /// The actor the report was limited to (`--actor`), if any.
        public let actorFilter: String?
    }

    public struct SensitivityInfo: Sendable, Equatable {
        public let samples: Int
        public let seed: Int64
    }

    public struct MethodologyInfo: Sendable, Equatable {
        public let id: String
        public let version: String
        public let sha256: String
        public let title: String
        public let description: String?
        public let periodKind: String
        public let pillars: [Pillar]
        public let grades: [Grade]
        public let minimumEvidence: Int
        public let restrictedEvidence: String
        public let indicators: [IndicatorInfo]
        public let document: String
    }

    public struct Pillar: Sendable, Equatable { public let id, name: String; public let weight: ReportNumber }
    public struct Grade: Sendable, Equatable {
        public let grade: String
        public let minimum: ReportNumber
        public let label: String?
        /// The band's cap on the negative face, if any (`maximum_negative`).
        public let maximumNegative: ReportNumber?
    }
    public struct IndicatorInfo: Sendable, Equatable {
        public let code, name, description, pillar, polarity, kind: String
        public let weight: ReportNumber
        public let appliesTo: [String]
    }

    /// Which way the actor's own conduct moved its combined score. Time (older evidence weighing
    /// less) and restated records never give a direction: they are parts of the change, shown as such.
    public enum Direction: String, Sendable, Equatable {
        case up, down, unchanged
        /// No previous period, or the actor had no combined score in it (or has none now).
        case none

        public var arrow: String {
            switch self {
            case .up: return "▲"
            case .down: return "▼"
            case .unchanged, .none: return "–"
            }
        }
    }

    /// The record of this period's conduct whose contribution moved the actor's figures most
    /// (`report/change_causes.sql`): never an old record, never time.
    public struct Cause: Sendable, Equatable {
        /// `evidence` or `commitment`.
        public let type: String
        public let id: String
        public let description: String
        /// The change in its contributions, positive indicators counted up and negative ones down.
        public let points: ReportNumber
    }

    public struct Change: Sendable, Equatable {
        public let previousCombined: ReportNumber?
        public let change: ReportNumber?
        /// From `parts.conduct` alone.
        public let direction: Direction
        public let cause: Cause?
        /// The change split (actor_scores.change_restated, change_time, change_conduct); nil when
        /// the change is, or when the split could not be made (the actor has no aged figure).
        public let parts: ChangeParts?
    }

    /// The parts of a change, which add up to it exactly (docs/methodology.md, "Change").
    public struct ChangeParts: Sendable, Equatable {
        /// The previous period known differently now (late, corrected or removed records).
        public let restated: ReportNumber
        /// The previous period's conduct weighing less a period later: never the actor's doing.
        public let time: ReportNumber
        /// This period's conduct.
        public let conduct: ReportNumber
    }

    /// An actor's status under one of the methodology's status instruments (`status_instruments`).
    public struct InstrumentStatus: Sendable, Equatable {
        public let instrumentID, instrumentName: String
        /// `committed`, `withdrawn` or `not committed`.
        public let status: String
        public let committedOn, withdrawnOn: String?
    }

    public struct RankInterval: Sendable, Equatable {
        public let median: ReportNumber
        public let p05: Int
        public let p95: Int
        public let gradeChangeShare: ReportNumber
    }

    public struct RankedActor: Sendable, Equatable {
        public let id, name, kind: String
        public let rank: Int?
        /// Actors of this kind with a rank.
        public let rankedInKind: Int
        public let positive, negative, combined: ReportNumber?
        public let grade: String?
        public let gradeLabel: String?
        /// Conduct on record, but fewer conduct events than the methodology's minimum: no grade and no rank.
        public let insufficientEvidence: Bool
        /// Distinct public evidence records behind the actor's evidence and breach indicators.
        public let evidenceRecords: Int
        /// Conduct events behind the scores (each act once, however many records report it).
        public let events: Int
        /// No conduct on record at all: no combined score and no grade (commitments alone are words).
        public var noConduct: Bool { events == 0 }
        /// The group whose score covers this entity's conduct; nil for an actor scored on its own.
        public let groupID: String?
        /// The entities whose conduct this group's score covers, by name.
        public let members: [ActorRef]
        /// Its status under each status instrument that addresses its kind, in the methodology's order.
        public let status: [InstrumentStatus]
        public let rankInterval: RankInterval?
        /// Its positive and negative face in each pillar, in the methodology's order (none for an
        /// entity scored in its group).
        public let pillars: [PillarFace]
        /// Like for like: against the previous period's figures on today's data and methodology.
        public let change: Change
        /// Against the previous edition as published; nil when there is none.
        public let sinceEdition: EditionChange?
    }

    /// One pillar's two faces for an actor (`scorecard.pillar_scores`): nil is "no evidence", never 0.
    public struct PillarFace: Sendable, Equatable {
        public let pillar, name: String
        public let positive, negative: ReportNumber?
    }

    public struct KindRanking: Sendable, Equatable {
        public let kind: String
        public let actors: [RankedActor]
    }

    public struct Source: Sendable, Equatable {
        public let id, publisher, url: String
        public let title: String?
        public let reliability: String
    }

    public struct IndicatorLine: Sendable, Equatable {
        public let code, name, pillar, polarity, kind: String
        /// `scored`, `no evidence` or `not applicable`; `value` is nil unless scored.
        public let state: String
        public let value: ReportNumber?
        /// Public evidence records (commitments, for commitment indicators) behind the value.
        public let records: Int
        /// Events (each act once; a commitment is its own) behind the value that the audience may see.
        public let events: Int
        /// What each record of the cited events contributed to the value, largest event first. With
        /// every event cited they add up to it; a card cites at most `eventsPerIndicator` events, and
        /// `events - citedEvents` are only counted (the full list is in the edition's data/).
        public let contributions: [IndicatorContribution]
        public let citedEvents: Int
        public var omittedEvents: Int { events - citedEvents }
    }

    /// One evidence record's or commitment's part in an indicator value.
    public struct IndicatorContribution: Sendable, Equatable {
        /// `evidence` or `commitment`.
        public let recordType: String
        public let recordID: String
        /// severity × certainty × reliability × decay (evidence; for the record that carries its
        /// event, the event's), or the instrument's weight (commitment).
        public let weight: ReportNumber
        public let points: ReportNumber
        /// The event the record reports (nil for a commitment), and whether the record carries it
        /// (false: another record of the same event, shown with it, contributing 0).
        public let eventID: String?
        public let carriesEvent: Bool
    }

    public struct CommitmentLine: Sendable, Equatable {
        public let id, instrumentID, instrumentTitle, kind, committedOn: String
        public let withdrawnOn: String?
        public let source: Source
    }

    public struct EvidenceContribution: Sendable, Equatable {
        public let indicator: String
        public let points: ReportNumber
    }

    public struct EvidenceLine: Sendable, Equatable {
        public let id, type, typeName: String
        /// The event it reports, and the other records of that event cited here.
        public let eventID: String
        public let sameEvent: [String]
        /// It carries its event in at least one indicator (false: it corroborates another record).
        public let carriesEvent: Bool
        /// `actor` (the actor did it) or `counterpart` (it was done to or with the actor).
        public let role: String
        public let occurredOn, publishedOn, certainty: String
        public let severity: Int
        public let summary: String
        public let contributions: [EvidenceContribution]
        public let sources: [Source]
    }

    public struct BreachLine: Sendable, Equatable {
        public let indicator, evidenceID, summary: String
        public let points: ReportNumber
    }

    public struct ResponseLine: Sendable, Equatable {
        public let id, evidenceID, respondedOn, summary: String
        public let source: Source
    }

    /// A published edition's figures for one actor, now known differently (`edition_restatements`).
    public struct RestatementLine: Sendable, Equatable {
        /// The period of the edition restated, and when that edition was published.
        public let period, editionPublishedOn: String
        /// The as-of date of the run that recorded the restatement.
        public let recordedOn: String
        public let actorID, actorName: String
        public let publishedCombined: ReportNumber?
        public let publishedGrade: String?
        /// As known before this restatement (at publication, or at an earlier restatement).
        public let previousCombined: ReportNumber?
        public let restatedPositive, restatedNegative, restatedCombined: ReportNumber?
        public let restatedGrade: String?
        public let methodologyChanged: Bool
        public let causes: [RestatementCause]
    }

    /// Why a restatement happened: a record (or the methodology) and the kind of cause.
    public struct RestatementCause: Sendable, Equatable {
        /// late_recorded, published_later, corrected, removed, methodology or other.
        public let cause: String
        /// evidence, commitments or sources; nil for a methodology change.
        public let recordTable, recordID: String?
        public let points: ReportNumber?
    }

    /// What the report is: an edition (published once, never changed) or not (a provisional period,
    /// a period not published yet), and the restatements of earlier editions it shows.
    public struct EditionInfo: Sendable, Equatable {
        public let published: Bool
        /// The as-of date of the run that published it; nil when it is no edition.
        public let publishedOn: String?
        /// Published with a history at once, not when it was due.
        public let backfill: Bool
        /// The edition of the previous period, which changes are measured against as published.
        public let previous: PreviousEdition?
        /// Restatements of earlier editions recorded since the edition published before this one
        /// (for a report that is no edition: since the latest edition).
        public let restatements: [RestatementLine]
    }

    public struct PreviousEdition: Sendable, Equatable {
        public let period, publishedOn, methodologyVersion: String
        /// Its run, by inputs digest: the run id that edition printed.
        public let runID: String
        public let backfill: Bool
    }

    /// An actor's combined score against the previous edition as it was published.
    public struct EditionChange: Sendable, Equatable {
        public let previousCombined: ReportNumber?
        public let previousGrade: String?
        public let change: ReportNumber?
        /// The part of `change` that is the previous period known differently since its edition was
        /// published (the like-for-like previous figure minus the published one): a change of
        /// methodology when `methodologyChanged`, else restated records. The rest is `Change.parts`.
        public let sincePublished: ReportNumber?
        /// The previous edition was published under another methodology version.
        public let methodologyChanged: Bool
    }

    public struct ActorDetail: Sendable, Equatable {
        public let id, name, kind: String
        public let country, isoCode: String?
        public let commitments: [CommitmentLine]
        public let indicators: [IndicatorLine]
        public let evidence: [EvidenceLine]
        public let breaches: [BreachLine]
        public let responses: [ResponseLine]
        public let restatements: [RestatementLine]
    }

    public struct ActorRef: Sendable, Equatable { public let id, name, kind: String }

    public struct ThinIndicator: Sendable, Equatable {
        public let code, name: String
        public let scoredActors: Int
        public let applicableActors: Int
    }

    public struct Coverage: Sendable, Equatable {
        public let threshold: Int
        public let actorsWithoutEvidence: [ActorRef]
        public let thinIndicators: [ThinIndicator]
    }

    public struct TrendSeries: Sendable, Equatable {
        public let actorID, name: String
        /// One value per period of `Trend.periods`; nil where the actor had no combined score.
        public let combined: [ReportNumber?]
    }

    public struct Trend: Sendable, Equatable {
        public let periods: [String]
        public let series: [TrendSeries]
    }

    /// What a reader should see first (`report/key_findings.sql`), in a fixed order: the largest
    /// moves by the actors' own conduct with their causes, new breaches, commitments made and
    /// withdrawn, measures imposed and ended in the period, and restatements of earlier editions.
    public struct KeyFinding: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable { case mover, breach, commitment, withdrawal, measure, measureEnded, restatement }
        public let kind: Kind
        public let actorID, actorName: String
        /// The record behind it (evidence or commitment id), if any.
        public let recordID: String?
        /// Its date (occurred, committed, withdrawn or ended), ISO or partial.
        public let on: String?
        /// What it is: the cause's description (mover), the evidence type's or instrument's name.
        public let subject: String
        /// The move by conduct (mover), the record's points (breach), the combined score as known now (restatement).
        public let points: ReportNumber?
        /// A restatement's combined score as published.
        public let was: ReportNumber?
    }

    /// Findings of one kind as a reader takes them in: commitments and withdrawals grouped by
    /// instrument and date (twenty states signing the Code on one day are one line), others one by one.
    public struct FindingGroup: Sendable, Equatable {
        public let kind: KeyFinding.Kind
        public let findings: [KeyFinding]
        public var grouped: Bool { kind == .commitment || kind == .withdrawal }
    }

    public func findingGroups(_ kind: KeyFinding.Kind) -> [FindingGroup] {
        let of = findings.filter { $0.kind == kind }
        guard kind == .commitment || kind == .withdrawal else { return of.map { FindingGroup(kind: kind, findings: [$0]) } }
        var groups: [FindingGroup] = []
        for finding in of {
            if let last = groups.last, last.findings[0].subject == finding.subject, last.findings[0].on == finding.on {
                groups[groups.count - 1] = FindingGroup(kind: kind, findings: last.findings + [finding])
            } else {
                groups.append(FindingGroup(kind: kind, findings: [finding]))
            }
        }
        return groups
    }

    /// An actor's figures in each period up to this one (as published, under this methodology
    /// version): nil where it had none, which a chart draws as a gap.
    public struct History: Sendable, Equatable {
        public let periods: [String]
        public let positive, negative, combined: [ReportNumber?]
    }

    /// One actor's report card: its row, its section, its history. Loaded in batches
    /// (`ReportModel.Snapshot.cards`), so an edition is rendered actor by actor in bounded memory.
    public struct ActorCard: Sendable, Equatable {
        public let actor: RankedActor
        public let detail: ActorDetail
        public let history: History
    }

    public let run: RunInfo
    public let edition: EditionInfo
    public let methodology: MethodologyInfo
    public let rankings: [KindRanking]
    public let actors: [ActorDetail]
    public let coverage: Coverage
    public let trend: Trend
    public let findings: [KeyFinding]

    /// The ranked row of an actor.
    public func ranked(_ actorID: String) -> RankedActor? {
        for ranking in rankings { if let actor = ranking.actors.first(where: { $0.id == actorID }) { return actor } }
        return nil
    }

    /// The file name of this report in a format: `scorecard-<methodology>-<period>[-<actor>].<ext>`.
    public func fileName(_ format: ReportFormat) -> String {
        var name = "scorecard-\(methodology.id)-\(run.period)"
        if let actor = run.actorFilter { name += "-\(actor)" }
        return name + "." + format.fileExtension
    }

    public static func kindTitle(_ kind: String) -> String {
        switch kind {
        case "state": return "States"
        case "organisation": return "Organisations"
        case "vendor": return "Vendors"
        case "investor": return "Investors"
        default: return kind.prefix(1).uppercased() + kind.dropFirst() + "s"
        }
    }
}

// MARK: - Loading

extension ReportModel {
    /// Who a model is for. A public model never holds restricted evidence, nor anything that names
    /// it (`scorecard.counts_for`, the one definition of what is public), and refuses a run whose
    /// methodology scored restricted evidence, because its scores, counts and contributions could
    /// reveal what is restricted. An internal model of such a run holds what the run scored.
    public enum Audience: Sendable, Equatable { case `public`, `internal` }

    /// Loads the model of an as-published run, optionally limited to one actor's section, in one
    /// snapshot of the database (the caller's transaction when it is in one: an edition is rendered
    /// in the transaction that publishes it). Every query is a file of `Schemas/queries/report/`.
    /// `edition`: the edition the run is published as (`scorecard.editions.id`), or nil.
    /// - Throws: `ReportError.restrictedEvidenceScored` (exit 78) for a public model of a run that
    ///   scored restricted evidence; `ScoringError.unknownActor` (exit 66) for an actor not in the run.
    public static func load(_ connection: Connection, run: ScoreRuns.Run, actorID: String? = nil,
                            audience: Audience = .public, edition: Int64? = nil) throws -> ReportModel {
        let loader = Loader(connection: connection, run: run, actorFilter: actorID, audience: audience, editionID: edition,
                            eventsPerIndicator: nil)
        if connection.isInTransaction { return try loader.load() }
        return try connection.transaction(isolation: .repeatableRead) { _ in try loader.load() }
    }

    /// The summary model of a run (no actor sections) and its report cards, read in batches from
    /// the same snapshot, so an edition renders actor by actor in bounded memory. Must be opened
    /// inside a transaction (repeatable read, or the one that publishes the edition): every batch
    /// then reads the database as the summary did.
    public final class Snapshot {
        public let model: ReportModel
        fileprivate let loader: Loader
        fileprivate let context: Loader.Context

        fileprivate init(model: ReportModel, loader: Loader, context: Loader.Context) {
            self.model = model
            self.loader = loader
            self.context = context
        }

        /// Every actor of the model in report order (kinds, then rank), in its ranking order.
        public var actorIDs: [String] { model.rankings.flatMap(\.actors).map(\.id) }

        /// The cards of these actors, in the order given.
        public func cards(_ actorIDs: [String]) throws -> [ActorCard] {
            guard !actorIDs.isEmpty else { return [] }
            precondition(loader.connection.isInTransaction, "cards are read in the summary's snapshot")
            let details = try loader.loadDetails(for: actorIDs, methodology: model.methodology, includeRestricted: context.includeRestricted,
                                                 restatements: model.edition.restatements)
            let history = try loader.loadHistory(actorIDs: actorIDs)
            return details.compactMap { detail in
                guard let actor = model.ranked(detail.id) else { return nil }
                return ActorCard(actor: actor, detail: detail, history: history[detail.id]
                                    ?? History(periods: [], positive: [], negative: [], combined: []))
            }
        }

        /// Every card, in report order, `batch` actors at a time.
        public func forEachCard(batch: Int = 50, _ body: (ActorCard) throws -> Void) throws {
            let ids = actorIDs
            var start = 0
            while start < ids.count {
                let end = min(start + batch, ids.count)
                for card in try cards(Array(ids[start..<end])) { try body(card) }
                start = end
            }
        }
    }

    /// Opens a snapshot of an as-published run for rendering an edition: the caller's transaction.
    /// `eventsPerIndicator`: the most events a card cites per indicator (nil: all of them).
    /// - Throws: as `load`.
    public static func snapshot(_ connection: Connection, run: ScoreRuns.Run, audience: Audience = .public, edition: Int64? = nil,
                                eventsPerIndicator: Int?) throws -> Snapshot {
        precondition(connection.isInTransaction, "a snapshot is read inside the caller's transaction")
        let loader = Loader(connection: connection, run: run, actorFilter: nil, audience: audience, editionID: edition,
                            eventsPerIndicator: eventsPerIndicator)
        let (model, context) = try loader.summary()
        return Snapshot(model: model, loader: loader, context: context)
    }
}

/// A run's methodology version as stored, in its one JSON shape (`report/methodology.sql`).
private struct StoredMethodology {
    let title: String
    let methodology: Methodology
    /// True when the run's scores include restricted evidence (anything but an explicit exclude).
    let scoresRestricted: Bool

    static func load(_ connection: Connection, run: ScoreRuns.Run, audience: ReportModel.Audience) throws -> StoredMethodology {
        guard let row = try connection.query(QueryFiles.sql("report/methodology", [run.methodologyID, run.methodologyVersion])).first else {
            throw ReportError.methodologyNotStored(methodologyID: run.methodologyID, version: run.methodologyVersion)
        }
        let restricted: Bool = try row.decode("scores_restricted")
        if restricted && audience == .public {
            throw ReportError.restrictedEvidenceScored(methodologyID: run.methodologyID, version: run.methodologyVersion, runID: run.id)
        }
        return StoredMethodology(title: try row.decode("title"), methodology: try row.decode("definition", as: JSONB.self).decode(Methodology.self),
                                 scoresRestricted: restricted)
    }
}

private struct Loader {
    let connection: Connection
    let run: ScoreRuns.Run
    let actorFilter: String?
    let audience: ReportModel.Audience
    let editionID: Int64?
    let eventsPerIndicator: Int?

    /// What loading the actors' sections needs from the summary.
    struct Context {
        let includeRestricted: Bool
    }

    func query(_ name: String, _ parameters: [(any PostgresEncodable)?]) throws -> QueryResult {
        try connection.query(QueryFiles.sql("report/\(name)", parameters))
    }

    /// The model with its actor sections: every actor's, or the filtered actor's alone.
    func load() throws -> ReportModel {
        let (summary, context) = try self.summary()
        let ordered = summary.rankings.flatMap(\.actors)
        let sectionActors = actorFilter.map { id in ordered.filter { $0.id == id } } ?? ordered
        let details = try loadDetails(for: sectionActors.map(\.id), methodology: summary.methodology,
                                      includeRestricted: context.includeRestricted, restatements: summary.edition.restatements)
        return ReportModel(run: summary.run, edition: summary.edition, methodology: summary.methodology, rankings: summary.rankings,
                           actors: details, coverage: summary.coverage, trend: summary.trend, findings: summary.findings)
    }

    /// The model without actor sections: run, edition, methodology, rankings, coverage, trend, findings.
    func summary() throws -> (ReportModel, Context) {
        precondition(run.basis == "as_published", "a report shows an as-published run (ScoreRuns.published), not a \(run.basis) one")
        let stored = try StoredMethodology.load(connection, run: run, audience: audience)
        // Restricted evidence enters only an internal model of a run that scored it.
        let includeRestricted = audience == .internal && stored.scoresRestricted
        let methodology = methodologyInfo(stored)
        let runRow = try query("run", [run.id]).first!
        let agedRunID: Int64? = try runRow.decode("aged_run_id")
        let samples: Int? = try runRow.decode("samples")
        let seed: Int64? = try runRow.decode("seed")
        let info = ReportModel.RunInfo(
            id: run.inputsSHA256, period: run.period, periodStart: try runRow.decode("period_start", as: CalendarDate.self).description,
            periodEnd: run.periodEnd.description, basis: run.basis, knowledgeCutoff: run.knowledgeCutoff.description,
            provisional: run.provisional, datasetSHA256: run.datasetSHA256, previousPeriod: try runRow.decode("previous_period"),
            previousRunID: try runRow.decode("previous_inputs_sha256"),
            sensitivity: samples.flatMap { samples in seed.map { ReportModel.SensitivityInfo(samples: samples, seed: $0) } },
            actorFilter: actorFilter)

        let (edition, previousEditionRunID) = try loadEdition(includeRestricted: includeRestricted)
        let rankings = try loadRankings(methodology: methodology, statusInstruments: stored.methodology.statusInstruments,
                                        agedRunID: agedRunID, sensitivity: info.sensitivity,
                                        includeRestricted: includeRestricted, previousEditionRunID: previousEditionRunID)
        let ordered = rankings.flatMap(\.actors)
        if let actorFilter, !ordered.contains(where: { $0.id == actorFilter }) { throw ScoringError.unknownActor(actorFilter) }
        let coverage = try loadCoverage(methodology: methodology, includeRestricted: includeRestricted)
        let trendActors: [ReportModel.RankedActor]
        if let actorFilter {
            trendActors = ordered.filter { $0.id == actorFilter }
        } else {
            trendActors = Array(ordered.filter { $0.combined != nil }.sorted { a, b in
                let (x, y) = (a.combined!.thousandths, b.combined!.thousandths)
                if (a.rank == nil) != (b.rank == nil) { return a.rank != nil }
                return x != y ? x > y : a.id < b.id
            }.prefix(ReportModel.trendActorLimit))
        }
        let trend = try loadTrend(actors: trendActors)
        let findings = try loadFindings(rankings: rankings, restatements: edition.restatements, includeRestricted: includeRestricted)
        let model = ReportModel(run: info, edition: edition, methodology: methodology, rankings: rankings, actors: [],
                                coverage: coverage, trend: trend, findings: findings)
        return (model, Context(includeRestricted: includeRestricted))
    }

    // MARK: Edition

    /// What the report is as an edition, the restatements it shows, and the previous edition's run.
    func loadEdition(includeRestricted: Bool) throws -> (ReportModel.EditionInfo, Int64?) {
        let row = try query("edition", [editionID, run.methodologyID]).first!
        let after: Int64 = try row.decode("revisions_after")
        let through: Int64? = try row.decode("revisions_through")
        let restatements = try ReportModel.RestatementLine.load(connection, methodologyID: run.methodologyID, after: after, through: through,
                                                                includeRestricted: includeRestricted, actorIDs: actorFilter.map { [$0] })
        var previous: ReportModel.PreviousEdition?
        if let period = try row.decode("previous_period", as: String?.self) {
            previous = ReportModel.PreviousEdition(period: period, publishedOn: try row.decode("previous_published_on", as: CalendarDate.self).description,
                                                   methodologyVersion: try row.decode("previous_methodology_version"),
                                                   runID: try row.decode("previous_inputs_sha256"),
                                                   backfill: try row.decode("previous_backfill"))
        }
        let publishedOn = try row.decode("published_on", as: CalendarDate?.self)
        let info = ReportModel.EditionInfo(published: try row.decode("published"), publishedOn: publishedOn?.description,
                                           backfill: try row.decode("backfill"), previous: previous, restatements: restatements)
        return (info, try row.decode("previous_run_id"))
    }


    func methodologyInfo(_ stored: StoredMethodology) -> ReportModel.MethodologyInfo {
        ReportModel.MethodologyInfo(stored.methodology, id: run.methodologyID, version: run.methodologyVersion,
                                    sha256: run.methodologySHA256, title: stored.title)
    }

    // MARK: Rankings

    func loadRankings(methodology: ReportModel.MethodologyInfo, statusInstruments: [String], agedRunID: Int64?,
                      sensitivity: ReportModel.SensitivityInfo?, includeRestricted: Bool, previousEditionRunID: Int64?) throws
        -> [ReportModel.KindRanking]
    {
        var sinceEdition: [String: ReportModel.EditionChange] = [:]
        if let previousEditionRunID {
            for row in try query("edition_change", [run.id, previousEditionRunID]) {
                sinceEdition[try row.decode("actor_id")] = ReportModel.EditionChange(
                    previousCombined: try row.decode("previous_combined"), previousGrade: try row.decode("previous_grade"),
                    change: try row.decode("change"), sincePublished: try row.decode("since_published"),
                    methodologyChanged: try row.decode("methodology_changed"))
            }
        }
        let labels = Dictionary(methodology.grades.map { ($0.grade, $0.label) }, uniquingKeysWith: { a, _ in a })
        let causes = try agedRunID.map { try loadCauses(agedRunID: $0, includeRestricted: includeRestricted) } ?? [:]
        let rows = try query("rankings", [run.id, includeRestricted, sensitivity?.samples, sensitivity?.seed]).map { $0 }
        var members: [String: [ReportModel.ActorRef]] = [:]
        for row in rows {
            if let group = try row.decode("group_id", as: String?.self) {
                members[group, default: []].append(ReportModel.ActorRef(id: try row.decode("actor_id"), name: try row.decode("name"),
                                                                        kind: try row.decode("actor_kind")))
            }
        }
        var status: [String: [ReportModel.InstrumentStatus]] = [:]
        if !statusInstruments.isEmpty {
            let ids = try rows.map { try $0.decode("actor_id", as: String.self) }
            for row in try query("commitment_status", [ids, statusInstruments, run.periodEnd, run.knowledgeCutoff]) {
                status[try row.decode("actor_id"), default: []].append(ReportModel.InstrumentStatus(
                    instrumentID: try row.decode("instrument_id"), instrumentName: try row.decode("instrument_name"),
                    status: try row.decode("status"), committedOn: try row.decode("committed"), withdrawnOn: try row.decode("withdrawn")))
            }
        }
        let pillarNames = Dictionary(methodology.pillars.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let pillarOrder = Dictionary(methodology.pillars.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var pillars: [String: [ReportModel.PillarFace]] = [:]
        for row in try query("pillar_faces", [run.id]) {
            let pillar: String = try row.decode("pillar")
            pillars[try row.decode("actor_id"), default: []].append(ReportModel.PillarFace(
                pillar: pillar, name: pillarNames[pillar] ?? pillar, positive: try row.decode("positive"), negative: try row.decode("negative")))
        }
        var byKind: [String: [ReportModel.RankedActor]] = [:]
        for row in rows {
            let id: String = try row.decode("actor_id")
            let kind: String = try row.decode("actor_kind")
            let combined: ReportNumber? = try row.decode("combined")
            let grade: String? = try row.decode("grade")
            let change: ReportNumber? = try row.decode("change")
            var parts: ReportModel.ChangeParts?
            if change != nil, let restated = try row.decode("change_restated", as: ReportNumber?.self),
               let time = try row.decode("change_time", as: ReportNumber?.self), let conduct = try row.decode("change_conduct", as: ReportNumber?.self) {
                parts = ReportModel.ChangeParts(restated: restated, time: time, conduct: conduct)
            }
            // Only the actor's own conduct moves it up or down: time and restated records are parts, not moves.
            let direction: ReportModel.Direction
            if let conduct = parts?.conduct { direction = conduct.isZero ? .unchanged : (conduct.isNegative ? .down : .up) } else { direction = .none }
            let events: Int = try row.decode("events", as: Int?.self) ?? 0
            var interval: ReportModel.RankInterval?
            if let median = try row.decode("median_rank", as: ReportNumber?.self) {
                interval = ReportModel.RankInterval(median: median, p05: try row.decode("rank_p05"), p95: try row.decode("rank_p95"),
                                                    gradeChangeShare: try row.decode("grade_change_share"))
            }
            byKind[kind, default: []].append(ReportModel.RankedActor(
                id: id, name: try row.decode("name"), kind: kind, rank: try row.decode("rank_in_kind"),
                rankedInKind: try row.decode("ranked_in_kind"), positive: try row.decode("positive"), negative: try row.decode("negative"),
                combined: combined, grade: grade, gradeLabel: grade.flatMap { labels[$0] ?? nil },
                insufficientEvidence: combined != nil && events < methodology.minimumEvidence,
                evidenceRecords: try row.decode("records"), events: events, groupID: try row.decode("group_id"),
                members: members[id] ?? [], status: status[id] ?? [], rankInterval: interval,
                pillars: (pillars[id] ?? []).sorted { (pillarOrder[$0.pillar] ?? Int.max, $0.pillar) < (pillarOrder[$1.pillar] ?? Int.max, $1.pillar) },
                change: ReportModel.Change(previousCombined: try row.decode("previous_combined"), change: change, direction: direction,
                                           cause: direction == .up || direction == .down ? causes[id] : nil, parts: parts),
                sinceEdition: sinceEdition[id]))
        }
        let kinds = byKind.keys.sorted { a, b in
            let (x, y) = (ReportModel.kindOrder.firstIndex(of: a) ?? Int.max, ReportModel.kindOrder.firstIndex(of: b) ?? Int.max)
            return x != y ? x < y : a < b
        }
        return kinds.map { ReportModel.KindRanking(kind: $0, actors: byKind[$0]!) }
    }

    /// Per actor, the record of this period's conduct that moved its figures most (against the aged run).
    func loadCauses(agedRunID: Int64, includeRestricted: Bool) throws -> [String: ReportModel.Cause] {
        var causes: [String: ReportModel.Cause] = [:]
        for row in try query("change_causes", [run.id, agedRunID, includeRestricted]) {
            causes[try row.decode("actor_id")] = ReportModel.Cause(
                type: try row.decode("record_type"), id: try row.decode("record_id"),
                description: try row.decode("description"), points: try row.decode("points"))
        }
        return causes
    }

    // MARK: Actor sections

    func loadDetails(for actorIDs: [String], methodology: ReportModel.MethodologyInfo, includeRestricted: Bool,
                     restatements: [ReportModel.RestatementLine]) throws
        -> [ReportModel.ActorDetail]
    {
        guard !actorIDs.isEmpty else { return [] }
        let names = Dictionary(methodology.indicators.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let order = Dictionary(methodology.indicators.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        var kindsOf: [String: String] = [:]
        for indicator in methodology.indicators { kindsOf[indicator.code] = indicator.kind }

        var actorRows: [String: (name: String, kind: String, country: String?, iso: String?)] = [:]
        for row in try query("actors", [actorIDs]) {
            actorRows[try row.decode("id")] = (try row.decode("name"), try row.decode("kind"), try row.decode("country"), try row.decode("iso_code"))
        }

        // Every contribution the audience may see: per indicator (for the indicator lines) and per
        // evidence record (for the evidence lines).
        var byIndicator: [String: [String: [ReportModel.IndicatorContribution]]] = [:]
        var byEvidence: [String: [String: [ReportModel.EvidenceContribution]]] = [:]
        var eventOf: [String: String] = [:]
        var carrying: [String: Set<String>] = [:]
        var eventCounts: [String: [String: (events: Int, cited: Int)]] = [:]
        for row in try query("contributions", [run.id, actorIDs, includeRestricted, eventsPerIndicator]) {
            let actor: String = try row.decode("actor_id")
            let indicator: String = try row.decode("indicator_code")
            eventCounts[actor, default: [:]][indicator] = (try row.decode("events"), try row.decode("cited_events"))
            let evidence: String? = try row.decode("evidence_id")
            let points: ReportNumber = try row.decode("contribution")
            let event: String? = try row.decode("event_id")
            let carries: Bool = try row.decode("counts")
            byIndicator[actor, default: [:]][indicator, default: []].append(ReportModel.IndicatorContribution(
                recordType: evidence == nil ? "commitment" : "evidence",
                recordID: try evidence ?? row.decode("commitment_id", as: String.self), weight: try row.decode("weight"), points: points,
                eventID: event, carriesEvent: carries))
            if let evidence {
                byEvidence[actor, default: [:]][evidence, default: []].append(ReportModel.EvidenceContribution(indicator: indicator, points: points))
                eventOf[evidence] = event ?? evidence
                if carries { carrying[actor, default: []].insert(evidence) }
            }
        }

        var indicators: [String: [ReportModel.IndicatorLine]] = [:]
        for row in try query("indicator_values", [run.id, actorIDs, includeRestricted]) {
            let actor: String = try row.decode("actor_id")
            let code: String = try row.decode("indicator_code")
            let contributions = (byIndicator[actor]?[code] ?? []).sorted { a, b in
                a.points != b.points ? a.points.thousandths > b.points.thousandths : (a.recordType, a.recordID) < (b.recordType, b.recordID)
            }
            indicators[actor, default: []].append(ReportModel.IndicatorLine(
                code: code, name: names[code] ?? code, pillar: try row.decode("pillar"), polarity: try row.decode("polarity"),
                kind: try row.decode("kind"), state: try row.decode("state"), value: try row.decode("value"), records: try row.decode("records"),
                events: eventCounts[actor]?[code]?.events ?? 0, contributions: contributions,
                citedEvents: eventCounts[actor]?[code]?.cited ?? 0))
        }

        let cited = Array(Set(byEvidence.values.flatMap(\.keys))).sorted()
        var evidenceFacts: [String: (type: String, typeName: String, actor: String, occurred: String, occurredSort: CalendarDate,
                                     published: String, certainty: String, severity: Int, summary: String)] = [:]
        for row in try query("evidence", [cited, includeRestricted]) {
            evidenceFacts[try row.decode("id")] = (try row.decode("evidence_type"), try row.decode("type_name"), try row.decode("actor_id"),
                                                   try row.decode("occurred"), try row.decode("occurred_on"), try row.decode("published"),
                                                   try row.decode("certainty"), try row.decode("severity"), try row.decode("summary"))
        }
        var evidenceSources: [String: [ReportModel.Source]] = [:]
        for row in try query("evidence_sources", [cited, includeRestricted]) {
            evidenceSources[try row.decode("evidence_id"), default: []].append(try source(row))
        }
        var evidenceRows: [String: [(id: String, role: String)]] = [:]
        var breaches: [String: [ReportModel.BreachLine]] = [:]
        for (actor, shares) in byEvidence {
            for (id, contributions) in shares {
                guard let facts = evidenceFacts[id] else { continue }
                evidenceRows[actor, default: []].append((id, facts.actor == actor ? "actor" : "counterpart"))
                for share in contributions where kindsOf[share.indicator] == "breach" {
                    breaches[actor, default: []].append(ReportModel.BreachLine(indicator: share.indicator, evidenceID: id,
                                                                              summary: facts.summary, points: share.points))
                }
            }
        }

        var commitments: [String: [ReportModel.CommitmentLine]] = [:]
        for row in try query("commitments", [actorIDs, run.periodEnd, run.knowledgeCutoff]) {
            commitments[try row.decode("actor_id"), default: []].append(ReportModel.CommitmentLine(
                id: try row.decode("commitment_id"), instrumentID: try row.decode("instrument_id"),
                instrumentTitle: try row.decode("instrument_title"), kind: try row.decode("kind"), committedOn: try row.decode("committed"),
                withdrawnOn: try row.decode("withdrawn"), source: try source(row)))
        }

        var responses: [String: [ReportModel.ResponseLine]] = [:]
        for row in try query("responses", [actorIDs, run.knowledgeCutoff, includeRestricted]) {
            responses[try row.decode("actor_id"), default: []].append(ReportModel.ResponseLine(
                id: try row.decode("response_id"), evidenceID: try row.decode("evidence_id"), respondedOn: try row.decode("responded"),
                summary: try row.decode("response_summary"), source: try source(row)))
        }

        return actorIDs.compactMap { id -> ReportModel.ActorDetail? in
            guard let actor = actorRows[id] else { return nil }
            let evidence = (evidenceRows[id] ?? []).sorted { a, b in
                let (x, y) = (evidenceFacts[a.id]!.occurredSort, evidenceFacts[b.id]!.occurredSort)
                return x != y ? x > y : a.id < b.id
            }.map { e in
                let facts = evidenceFacts[e.id]!
                let event = eventOf[e.id] ?? e.id
                let sameEvent = (evidenceRows[id] ?? []).map(\.id).filter { $0 != e.id && eventOf[$0] == event }.sorted()
                return ReportModel.EvidenceLine(
                    id: e.id, type: facts.type, typeName: facts.typeName, eventID: event, sameEvent: sameEvent,
                    carriesEvent: carrying[id]?.contains(e.id) ?? false, role: e.role, occurredOn: facts.occurred,
                    publishedOn: facts.published, certainty: facts.certainty, severity: facts.severity, summary: facts.summary,
                    contributions: (byEvidence[id]?[e.id] ?? []).sorted { (order[$0.indicator] ?? 0, $0.indicator) < (order[$1.indicator] ?? 0, $1.indicator) },
                    sources: evidenceSources[e.id] ?? [])
            }
            return ReportModel.ActorDetail(
                id: id, name: actor.name, kind: actor.kind, country: actor.country, isoCode: actor.iso,
                commitments: commitments[id] ?? [],
                indicators: (indicators[id] ?? []).sorted { (order[$0.code] ?? Int.max, $0.code) < (order[$1.code] ?? Int.max, $1.code) },
                evidence: evidence,
                breaches: (breaches[id] ?? []).sorted { ($0.indicator, $0.evidenceID) < ($1.indicator, $1.evidenceID) },
                responses: responses[id] ?? [], restatements: restatements.filter { $0.actorID == id })
        }
    }

    func source(_ row: Row) throws -> ReportModel.Source {
        ReportModel.Source(id: try row.decode("id"), publisher: try row.decode("publisher"), url: try row.decode("url"),
                           title: try row.decode("title"), reliability: try row.decode("reliability"))
    }

    // MARK: Coverage and trend

    func loadCoverage(methodology: ReportModel.MethodologyInfo, includeRestricted: Bool) throws -> ReportModel.Coverage {
        let without = try query("coverage_without_evidence", [run.id, run.knowledgeCutoff, includeRestricted])
            .map { ReportModel.ActorRef(id: try $0.decode("id"), name: try $0.decode("name"), kind: try $0.decode("kind")) }
            .sorted { a, b in
                let (x, y) = (ReportModel.kindOrder.firstIndex(of: a.kind) ?? Int.max, ReportModel.kindOrder.firstIndex(of: b.kind) ?? Int.max)
                return x != y ? x < y : (a.kind, a.id) < (b.kind, b.id)
            }
        var counts: [String: (scored: Int, applicable: Int)] = [:]
        for row in try query("coverage_indicators", [run.id]) {
            counts[try row.decode("indicator_code")] = (try row.decode("scored"), try row.decode("applicable"))
        }
        // Commitment indicators are facts about every applicable actor, never thin evidence.
        let thin = methodology.indicators.compactMap { indicator -> ReportModel.ThinIndicator? in
            guard indicator.kind != "commitment" else { return nil }
            let count = counts[indicator.code] ?? (0, 0)
            guard count.scored < ReportModel.thinEvidenceThreshold else { return nil }
            return ReportModel.ThinIndicator(code: indicator.code, name: indicator.name, scoredActors: count.scored, applicableActors: count.applicable)
        }
        return ReportModel.Coverage(threshold: ReportModel.thinEvidenceThreshold, actorsWithoutEvidence: without, thinIndicators: thin)
    }

    /// The combined score of the chosen actors in the as-published run of each period up to this one
    /// (the latest such run of each earlier period) under the same methodology version.
    func loadTrend(actors: [ReportModel.RankedActor]) throws -> ReportModel.Trend {
        let rows = try query("trend", [run.id, run.period, run.periodEnd, run.methodologyID, run.methodologyVersion, actors.map(\.id)])
        var periods: [String] = []
        var values: [String: [String: ReportNumber]] = [:]
        for row in rows {
            let period: String = try row.decode("period")
            if periods.last != period { periods.append(period) }
            if let actor = try row.decode("actor_id", as: String?.self), let combined = try row.decode("combined", as: ReportNumber?.self) {
                values[actor, default: [:]][period] = combined
            }
        }
        let series = actors.map { actor in
            ReportModel.TrendSeries(actorID: actor.id, name: actor.name, combined: periods.map { values[actor.id]?[$0] })
        }
        return ReportModel.Trend(periods: periods, series: series)
    }
}

extension Loader {
    /// Each actor's faces and combined score in every period up to this run's (`report/trend.sql`).
    func loadHistory(actorIDs: [String]) throws -> [String: ReportModel.History] {
        let rows = try query("trend", [run.id, run.period, run.periodEnd, run.methodologyID, run.methodologyVersion, actorIDs])
        var periods: [String] = []
        var values: [String: [String: (ReportNumber?, ReportNumber?, ReportNumber?)]] = [:]
        for row in rows {
            let period: String = try row.decode("period")
            if periods.last != period { periods.append(period) }
            if let actor = try row.decode("actor_id", as: String?.self) {
                values[actor, default: [:]][period] = (try row.decode("positive"), try row.decode("negative"), try row.decode("combined"))
            }
        }
        return Dictionary(uniqueKeysWithValues: actorIDs.map { id in
            let v = values[id] ?? [:]
            return (id, ReportModel.History(periods: periods, positive: periods.map { v[$0]?.0 ?? nil },
                                            negative: periods.map { v[$0]?.1 ?? nil }, combined: periods.map { v[$0]?.2 ?? nil }))
        })
    }

    /// The key findings: movers by conduct (from the rankings: the same figures and causes), then the
    /// period's breaches, commitments, withdrawals and measures (`report/key_findings.sql`), then the
    /// restatements the edition shows.
    func loadFindings(rankings: [ReportModel.KindRanking], restatements: [ReportModel.RestatementLine],
                      includeRestricted: Bool) throws -> [ReportModel.KeyFinding] {
        var findings: [ReportModel.KeyFinding] = []
        let movers = rankings.flatMap(\.actors).filter { $0.change.parts.map { !$0.conduct.isZero } ?? false }
            .sorted { a, b in
                let (x, y) = (abs(a.change.parts!.conduct.thousandths), abs(b.change.parts!.conduct.thousandths))
                return x != y ? x > y : a.id < b.id
            }
        for actor in movers.prefix(ReportModel.keyMovers) {
            findings.append(ReportModel.KeyFinding(kind: .mover, actorID: actor.id, actorName: actor.name, recordID: actor.change.cause?.id,
                                                   on: nil, subject: actor.change.cause?.description ?? "", points: actor.change.parts!.conduct,
                                                   was: nil))
        }
        for row in try query("key_findings", [run.id, includeRestricted]) {
            guard let kind = ReportModel.KeyFinding.Kind(rawValue: try row.decode("kind")) else { continue }
            findings.append(ReportModel.KeyFinding(kind: kind, actorID: try row.decode("actor_id"), actorName: try row.decode("name"),
                                                   recordID: try row.decode("record_id"), on: try row.decode("on_text"),
                                                   subject: try row.decode("subject"), points: try row.decode("points"), was: nil))
        }
        var seen = Set<String>()
        for r in restatements where seen.insert("\(r.period) \(r.actorID)").inserted {
            findings.append(ReportModel.KeyFinding(kind: .restatement, actorID: r.actorID, actorName: r.actorName, recordID: nil,
                                                   on: r.period, subject: r.restatedGrade ?? "", points: r.restatedCombined,
                                                   was: r.publishedCombined))
        }
        return findings
    }
}

extension ReportModel.RestatementLine {
    /// The restatements of a methodology's editions recorded after revision `after` and up to
    /// `through` (nil: no bound), for these actors (nil: every actor), with their causes that the
    /// audience may see (`report/restatements.sql`).
    static func load(_ connection: Connection, methodologyID: String, after: Int64, through: Int64?, includeRestricted: Bool,
                     actorIDs: [String]?) throws -> [ReportModel.RestatementLine] {
        try connection.query(QueryFiles.sql("report/restatements", [methodologyID, after, through, includeRestricted, actorIDs])).map { r in
            let causes = try r.decode("causes", as: JSONB.self).decode([StoredCause].self)
            return ReportModel.RestatementLine(
                period: try r.decode("period"), editionPublishedOn: try r.decode("published_on", as: CalendarDate.self).description,
                recordedOn: try r.decode("recorded_on", as: CalendarDate.self).description,
                actorID: try r.decode("actor_id"), actorName: try r.decode("name"),
                publishedCombined: try r.decode("published_combined"), publishedGrade: try r.decode("published_grade"),
                previousCombined: try r.decode("previous_combined"),
                restatedPositive: try r.decode("restated_positive"), restatedNegative: try r.decode("restated_negative"),
                restatedCombined: try r.decode("restated_combined"), restatedGrade: try r.decode("restated_grade"),
                methodologyChanged: try r.decode("methodology_changed"),
                causes: causes.map { .init(cause: $0.cause, recordTable: $0.record_table, recordID: $0.record_id,
                                           points: $0.points.flatMap(ReportNumber.init)) })
        }
    }

    /// A cause as `report/restatements.sql` aggregates it.
    private struct StoredCause: Decodable {
        let cause: String
        let record_table: String?
        let record_id: String?
        /// As PostgreSQL printed it, digit for digit.
        let points: String?
    }
}

extension ReportModel.MethodologyInfo {
    /// What a report says about a methodology, from its definition: the one mapping, used by the
    /// report model (from the stored methodology of a run) and by pages built from a file.
    public init(_ m: Methodology, id: String, version: String, sha256: String, title: String) {
        self.init(
            id: id, version: version, sha256: sha256, title: title,
            description: m.description.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, periodKind: m.period.rawValue,
            pillars: m.pillars.map { .init(id: $0.id, name: $0.name, weight: ReportNumber(parameter: $0.weight)) },
            grades: m.grades.map { .init(grade: $0.grade, minimum: ReportNumber(parameter: $0.minimum), label: $0.label,
                                         maximumNegative: $0.maximumNegative.map { ReportNumber(parameter: $0) }) },
            minimumEvidence: m.minimumEvidence, restrictedEvidence: m.restrictedEvidence.rawValue,
            indicators: m.indicators.map {
                .init(code: $0.code, name: $0.name, description: $0.description, pillar: $0.pillar, polarity: $0.polarity.rawValue,
                      kind: $0.kind.rawValue, weight: ReportNumber(parameter: $0.weight), appliesTo: $0.appliesTo)
            },
            document: ReportModel.methodologyDocument)
    }
}
