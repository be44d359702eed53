import Postgres

/// `scorecard explain`: one actor's section of the report model, as plain text for a terminal or an
/// email. It reads the same `ReportModel` the reports render, so explain and the report cannot
/// disagree: every figure, record and source here is the report's.
public enum ExplainText {
    /// A score to one decimal, as a terminal shows it; `–` when there is none.
    static func number(_ value: ReportNumber?) -> String {
        guard let value else { return "–" }
        let tenths = (value.thousandths + (value.thousandths < 0 ? -50 : 50)) / 100
        return tenthsText(tenths)
    }

    /// Refuses to explain a restricted actor (`scorecard.public_actors`) unless restricted records
    /// are asked for.
    public static func checkActorShown(_ connection: Connection, actorID: String, includeRestricted: Bool) throws {
        guard !includeRestricted else { return }
        let row = try connection.query(QueryFiles.sql("report/actor_is_restricted", [actorID])).first
        if try row?.decode("restricted", as: Bool.self) == true { throw RestrictedActorWithheld(actorID: actorID) }
    }

    /// The restricted evidence records among those of the model's section of `actorID` (only a run
    /// whose methodology scores restricted evidence has any): explain withholds them unless asked.
    public static func restrictedEvidence(_ connection: Connection, model: ReportModel, actorID: String) throws -> Set<String> {
        guard let detail = model.actors.first(where: { $0.id == actorID }) else { return [] }
        let ids = Set(detail.evidence.map(\.id) + detail.breaches.map(\.evidenceID) + detail.responses.map(\.evidenceID)
                      + detail.indicators.flatMap(\.contributions).filter { $0.recordType == "evidence" }.map(\.recordID))
        guard !ids.isEmpty else { return [] }
        return Set(try connection.query(QueryFiles.sql("report/restricted_evidence", [ids.sorted()])).map { try $0.decode("id", as: String.self) })
    }

    /// The model's section of `actorID`: the model must have been loaded with that actor in it.
    /// `restricted`: the restricted evidence records among it (`restrictedEvidence`); they, their
    /// breaches and the replies to them are shown marked `[restricted]` when `includeRestricted`,
    /// else withheld, and the text says how many were.
    public static func render(_ model: ReportModel, actorID: String, restricted: Set<String> = [], includeRestricted: Bool = false) -> String {
        guard let actor = model.ranked(actorID), let detail = model.actors.first(where: { $0.id == actorID }) else {
            preconditionFailure("explain renders an actor of the model; load it with actorID \(actorID)")
        }
        let run = model.run, m = model.methodology
        var out = "\(actor.name) (\(actor.id), \(actor.kind)): \(run.period)\n"
        out += "methodology \(m.id) \(m.version) (sha256 \(m.sha256.prefix(12))…), run sha256 \(run.id.prefix(12))…, "
        out += "evidence published by \(run.knowledgeCutoff)\(run.provisional ? ", provisional" : "")\n\n"
        out += "positive \(number(actor.positive))   negative \(number(actor.negative))   combined \(number(actor.combined))   "
        out += "grade \(actor.grade ?? (actor.combined == nil ? "–" : "insufficient evidence"))"
        if let rank = actor.rank { out += "   rank \(rank) of \(actor.rankedInKind) (\(ReportModel.kindTitle(actor.kind).lowercased()))" }
        if let change = actor.change.change { out += "   change \(change.isNegative ? "" : "+")\(number(change))" }
        out += "\n\(actor.evidenceRecords) evidence record\(actor.evidenceRecords == 1 ? "" : "s") behind the scores\n\nIndicators\n"

        let evidence = Dictionary(detail.evidence.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mark = "[restricted] "
        func withheld(_ evidenceID: String) -> Bool { !includeRestricted && restricted.contains(evidenceID) }
        func marked(_ evidenceID: String) -> String { restricted.contains(evidenceID) ? mark : "" }
        let commitments = Dictionary(detail.commitments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func describe(_ c: ReportModel.IndicatorContribution) -> (text: String, sources: [ReportModel.Source]) {
            if let e = evidence[c.recordID] {
                return ("\(e.type), \(e.certainty), severity \(e.severity), occurred \(e.occurredOn): \(e.summary)", e.sources)
            }
            if let k = commitments[c.recordID] {
                return ("\(k.kind) \(k.instrumentID) on \(k.committedOn)", [k.source])
            }
            return ("no longer in the dataset", [])
        }
        for line in detail.indicators {
            out += "  \(line.code)  \(line.name)  [\(line.polarity), \(line.pillar), \(line.kind)]  \(line.state)"
            if let value = line.value { out += "  \(number(value))" }
            if line.state != "not applicable" {
                out += "  (\(line.records) \(line.kind == "commitment" ? "commitment" : "record")\(line.records == 1 ? "" : "s"))"
            }
            out += "\n"
            for c in line.contributions {
                if c.recordType == "evidence" && withheld(c.recordID) {
                    out += "      +\(number(c.points))  a restricted record, withheld\n"
                    continue
                }
                let (text, sources) = describe(c)
                out += "      +\(number(c.points))  \(c.recordType == "evidence" ? marked(c.recordID) : "")\(c.recordID)  weight \(c.weight)  \(text)\n"
                for s in sources { out += "          source \(s.id) (\(s.publisher), \(s.reliability)) \(s.url)\n" }
            }
        }
        out += "\nCommitments in force at \(run.periodEnd)\n"
        if detail.commitments.isEmpty { out += "  none\n" }
        for c in detail.commitments {
            out += "  \(c.id): \(c.kind) \(c.instrumentID) on \(c.committedOn)\(c.withdrawnOn.map { ", withdrawn \($0)" } ?? "")\n"
        }
        out += "\nBreaches found\n"
        let breaches = detail.breaches.filter { !withheld($0.evidenceID) }
        if breaches.isEmpty { out += "  none\n" }
        for b in breaches { out += "  \(b.indicator): \(marked(b.evidenceID))\(b.evidenceID)  +\(number(b.points))  \(b.summary)\n" }
        out += "\nResponses on record\n"
        let responses = detail.responses.filter { !withheld($0.evidenceID) }
        if responses.isEmpty { out += "  none\n" }
        for r in responses { out += "  \(marked(r.evidenceID))\(r.respondedOn) \(r.id) (to \(r.evidenceID)): \(r.summary)\n" }
        if !detail.restatements.isEmpty {
            out += "\nRestatements\n"
            for r in detail.restatements { out += "  " + Messages.english.restatement(r) + "\n" }
        }
        let withheldRecords = restricted.count
        if !includeRestricted && withheldRecords > 0 {
            out += "\n\(withheldRecords) restricted evidence record\(withheldRecords == 1 ? "" : "s") withheld, with \(withheldRecords == 1 ? "its" : "their") breaches and replies (--include-restricted shows them, marked [restricted])\n"
        }
        return out
    }
}

/// `scorecard explain` of a restricted actor without `--include-restricted`.
public struct RestrictedActorWithheld: ScorecardError {
    public let actorID: String
    public var exitCode: ExitCode { .noInput }
    public var description: String { "actor '\(actorID)' is restricted; explain shows it only with --include-restricted" }
}
