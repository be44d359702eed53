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

    /// The model's section of `actorID`: the model must have been loaded with that actor in it.
    public static func render(_ model: ReportModel, actorID: String) -> String {
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
                let (text, sources) = describe(c)
                out += "      +\(number(c.points))  \(c.recordID)  weight \(c.weight)  \(text)\n"
                for s in sources { out += "          source \(s.id) (\(s.publisher), \(s.reliability)) \(s.url)\n" }
            }
        }
        out += "\nCommitments in force at \(run.periodEnd)\n"
        if detail.commitments.isEmpty { out += "  none\n" }
        for c in detail.commitments {
            out += "  \(c.id): \(c.kind) \(c.instrumentID) on \(c.committedOn)\(c.withdrawnOn.map { ", withdrawn \($0)" } ?? "")\n"
        }
        out += "\nBreaches found\n"
        if detail.breaches.isEmpty { out += "  none\n" }
        for b in detail.breaches { out += "  \(b.indicator): \(b.evidenceID)  +\(number(b.points))  \(b.summary)\n" }
        out += "\nResponses on record\n"
        if detail.responses.isEmpty { out += "  none\n" }
        for r in detail.responses { out += "  \(r.respondedOn) \(r.id) (to \(r.evidenceID)): \(r.summary)\n" }
        if !detail.restatements.isEmpty {
            out += "\nRestatements\n"
            for r in detail.restatements { out += "  " + ReportWording.restatement(r) + "\n" }
        }
        return out
    }
}
