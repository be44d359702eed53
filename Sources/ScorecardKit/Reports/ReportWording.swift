/// Words and figures every format shows the same way (before its own escaping).
enum ReportWording {
    static let missing = "–"

    static func number(_ value: ReportNumber?) -> String { value?.text ?? missing }

    /// The grade, or why there is none.
    static func grade(_ a: ReportModel.RankedActor) -> String {
        if let grade = a.grade { return grade }
        if let group = a.groupID { return "scored in its group (\(group))" }
        if a.noConduct { return "no conduct on record" }
        if a.combined == nil { return "no score" }
        return "insufficient evidence"
    }

    /// A face's score, or "no evidence": never a number that reads as balance.
    static func face(_ value: ReportNumber?) -> String { value?.text ?? "no evidence" }

    /// `Declaration committed 2024-02-06; Code not committed; Joint Statement withdrawn 2024-09`.
    static func status(_ a: ReportModel.RankedActor) -> String { status(a.status) }

    /// The same, of the statuses alone (`EditionData` has no ranked actor).
    static func status(_ statuses: [ReportModel.InstrumentStatus]) -> String {
        statuses.map { "\($0.instrumentName) " + statusWords($0) }.joined(separator: "; ")
    }

    /// `committed 2024-02-06`, `withdrawn 2024-09 (committed 2024-03)`, `not committed`.
    static func statusWords(_ s: ReportModel.InstrumentStatus) -> String {
        switch s.status {
        case "committed": return "committed \(s.committedOn ?? "")"
        case "withdrawn": return "withdrawn \(s.withdrawnOn ?? "") (committed \(s.committedOn ?? ""))"
        default: return "not committed"
        }
    }

    /// A short status cell: the date of the commitment, `withdrawn`, or `–`.
    static func statusCell(_ s: ReportModel.InstrumentStatus) -> String {
        switch s.status {
        case "committed": return s.committedOn ?? "yes"
        case "withdrawn": return "withdrawn"
        default: return missing
        }
    }

    /// `new conduct +1.500, time −0.200, restated +0.100`: the parts of a change, largest first; the
    /// parts that are zero left out.
    static func changeParts(_ a: ReportModel.RankedActor) -> String? {
        guard let p = a.change.parts else { return nil }
        let named = [("new conduct", p.conduct), ("time", p.time), ("restated", p.restated)].filter { !$0.1.isZero }
        guard !named.isEmpty else { return nil }
        return named.sorted { abs($0.1.thousandths) > abs($1.1.thousandths) }.map { "\($0.0) \($0.1.signed)" }.joined(separator: ", ")
    }

    static func rank(_ a: ReportModel.RankedActor) -> String { a.rank.map(String.init) ?? missing }

    static func interval(_ a: ReportModel.RankedActor) -> String {
        guard let i = a.rankInterval else { return missing }
        return "\(i.p05)–\(i.p95)"
    }

    /// `▲ +5.250`, `▼ -2.000`, `– 0.000`, or `–` with no previous figure. The arrow is the actor's
    /// own conduct's (`Direction`): a change that is only time passing has none.
    /// With the change split, the figure is the part that is the actor's own conduct: time and
    /// restated records are shown in the actor's section (`changeSince`), never as a move.
    static func change(_ a: ReportModel.RankedActor) -> String {
        guard let change = a.change.change else { return missing }
        if let parts = a.change.parts { return "\(a.change.direction.arrow) \(parts.conduct.signed)" }
        return "\(a.change.direction.arrow) \(change.signed)"
    }

    /// `▲ +5.250 since 2023 (new conduct +5.500, time -0.250)`, or `unchanged since 2023`.
    static func changeSince(_ a: ReportModel.RankedActor, _ previous: String) -> String {
        guard let change = a.change.change, !change.isZero else { return "unchanged since \(previous)" }
        return "\(a.change.direction.arrow) \(change.signed) since \(previous)" + (changeParts(a).map { " (\($0))" } ?? "")
    }

    /// `evidence alpha-misuse (Summary.), -63.212 indicator points`.
    /// `short`: the description cut to 40 characters, for the ranked tables.
    static func cause(_ c: ReportModel.Cause, short: Bool = false) -> String {
        "\(c.type) \(c.id) (\(short ? TextLayout.truncate(c.description, 40) : c.description)), \(c.points.signed) indicator points"
    }

    static func value(_ i: ReportModel.IndicatorLine) -> String {
        i.state == "scored" ? (i.value?.text ?? missing) : i.state
    }

    static func records(_ i: ReportModel.IndicatorLine) -> String {
        if i.state == "not applicable" || i.state == "in group" { return "" }
        let noun = i.kind == "commitment" ? "commitment" : "event"
        return "\(i.records) \(noun)\(i.records == 1 ? "" : "s")"
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func polaritySign(_ polarity: String) -> String { polarity == "positive" ? "+" : "−" }

    static func commitment(_ c: ReportModel.CommitmentLine) -> String {
        "\(c.kind) \(c.instrumentTitle) (\(c.instrumentID)) on \(c.committedOn)" + (c.withdrawnOn.map { ", withdrawn \($0)" } ?? "")
    }

    /// `one event with ev-2, ev-3: this record carries it` (nil for a record that is its own event).
    static func event(_ e: ReportModel.EvidenceLine) -> String? {
        guard !e.sameEvent.isEmpty || e.eventID != e.id else { return nil }
        let others = e.sameEvent.isEmpty ? "" : " with " + e.sameEvent.joined(separator: ", ")
        return "event \(e.eventID)\(others): " + (e.carriesEvent ? "this record carries it (counted once)" : "this record corroborates it (0 points)")
    }

    static func contributions(_ e: ReportModel.EvidenceLine) -> String {
        e.contributions.map { "\($0.indicator) \($0.points.text)" }.joined(separator: ", ")
    }

    /// `2025-Q4 (edition of 2026-01-01): combined 37.028 (D) as published, 34.310 (E) as known on
    /// 2026-02-01; recorded late: ev-1 (+1.250 points); corrected: source src-1`.
    static func restatement(_ r: ReportModel.RestatementLine) -> String {
        func figure(_ value: ReportNumber?, _ grade: String?) -> String { number(value) + (grade.map { " (\($0))" } ?? "") }
        var text = "\(r.period) (edition of \(r.editionPublishedOn)): combined \(figure(r.publishedCombined, r.publishedGrade)) as published, "
            + "\(figure(r.restatedCombined, r.restatedGrade)) as known on \(r.recordedOn)"
        if r.previousCombined != r.publishedCombined {
            text += " (\(number(r.previousCombined)) as known before)"
        }
        let byCause = Dictionary(grouping: r.causes, by: \.cause)
        for cause in restatementCauseOrder where byCause[cause] != nil {
            let records = byCause[cause]!.compactMap { c -> String? in
                guard let id = c.recordID else { return nil }
                let noun = c.recordTable == "sources" ? "source " : c.recordTable == "commitments" ? "commitment " : ""
                return noun + id + (c.points.map { " (\($0.signed) points)" } ?? "")
            }
            text += "; " + restatementCauseWords(cause) + (records.isEmpty ? "" : ": " + records.joined(separator: ", "))
        }
        return text
    }

    /// The kinds of cause of a restatement, in the order reports list them.
    static let restatementCauseOrder = ["late_recorded", "published_later", "corrected", "removed", "methodology", "other"]

    static func restatementCauseWords(_ cause: String) -> String {
        switch cause {
        case "late_recorded": "recorded late"
        case "published_later": "published later"
        case "corrected": "corrected"
        case "removed": "removed"
        case "methodology": "another methodology"
        default: "other changes of the data"
        }
    }

    /// What the report is, in one sentence: an edition (and of when), or not one.
    static func edition(_ m: ReportModel) -> String {
        let e = m.edition
        guard e.published, let on = e.publishedOn else {
            return m.run.provisional
                ? "Provisional: the period is not complete; this report is no edition and will change."
                : "Not published as an edition: these figures may still change."
        }
        var text = "Edition of \(m.run.period), published \(on)"
        if e.backfill { text += ", as part of a back-filled history (published at once, not when the period was due)" }
        if let p = e.previous {
            text += ". Previous edition: \(p.period), published \(p.publishedOn)\(p.backfill ? " (back-fill)" : ""), run sha256 \(p.runID.prefix(16))…"
            if p.methodologyVersion != m.methodology.version {
                text += " under methodology version \(p.methodologyVersion); this edition uses \(m.methodology.version), so its change since then is not like for like"
            }
        } else {
            text += ". It is the first edition of this methodology"
        }
        return text + "."
    }

    /// `▼ -2.718 since the 2025-Q3 edition (D → E)`.
    static func sinceEdition(_ a: ReportModel.RankedActor, _ previous: ReportModel.PreviousEdition) -> String? {
        // Shown only where it tells something the like-for-like change does not: the data or the
        // methodology changed since the previous edition was published.
        guard let since = a.sinceEdition, let change = since.change,
              change != a.change.change || since.previousGrade != nil && since.previousGrade != a.grade && a.change.change == nil else { return nil }
        let arrow = change.isZero ? "–" : change.isNegative ? "▼" : "▲"
        var text = "\(arrow) \(change.signed) since the \(previous.period) edition"
        if let before = since.previousGrade, let now = a.grade, before != now { text += " (\(before) → \(now))" }
        if let republished = since.sincePublished, !republished.isZero {
            text += "; of it, " + (since.methodologyChanged ? "the change of method" : "records of \(previous.period) known differently now")
                + " \(republished.signed)"
        }
        return text
    }

    static func pillars(_ m: ReportModel.MethodologyInfo) -> String {
        m.pillars.map { "\($0.name) \($0.weight.text)" }.joined(separator: ", ")
    }

    static func grades(_ m: ReportModel.MethodologyInfo) -> String {
        m.grades.map { g in
            "\(g.grade) ≥ \(g.minimum.text)" + (g.label.map { " (\($0))" } ?? "")
                + (g.maximumNegative.map { " with a negative face of at most \($0.text)" } ?? "")
        }.joined(separator: ", ")
    }

    /// The method in a few sentences (the same in every format).
    static func methodSentences(_ m: ReportModel.MethodologyInfo) -> [String] {
        [
            "Each indicator is a value from 0 to 100 computed from commitments in force or from dated, sourced evidence, "
                + "weighted by severity, certainty, source reliability and age, and saturating as evidence accumulates. "
                + "\"no evidence\" means nothing is on record (never a zero); \"not applicable\" means the indicator does not concern the actor.",
            "Per pillar (\(pillars(m))), the positive and negative scores are weighted means of the indicators of that polarity; "
                + "combined = (100 + positive − negative) / 2, an empty face counted as 0.",
            "Grades on the combined score: \(grades(m)). An actor with fewer than \(plural(m.minimumEvidence, "evidence record")) "
                + "behind its scores gets no grade and no rank (insufficient evidence).",
            "A period uses only what was published by its end. A published edition never changes: later data or a later methodology that changes its figures is shown as a restatement in the next edition. "
                + "Restricted evidence is \(m.restrictedEvidence == "exclude" ? "excluded from scoring and from this report" : m.restrictedEvidence).",
        ]
    }
}
