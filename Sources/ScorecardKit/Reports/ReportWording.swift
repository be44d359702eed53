/// Words and figures every format shows the same way (before its own escaping).
enum ReportWording {
    static let missing = "–"

    static func number(_ value: ReportNumber?) -> String { value?.text ?? missing }

    /// The grade, or why there is none.
    static func grade(_ a: ReportModel.RankedActor) -> String {
        if let grade = a.grade { return grade }
        if a.combined == nil { return "no score" }
        return "insufficient evidence"
    }

    static func rank(_ a: ReportModel.RankedActor) -> String { a.rank.map(String.init) ?? missing }

    static func interval(_ a: ReportModel.RankedActor) -> String {
        guard let i = a.rankInterval else { return missing }
        return "\(i.p05)–\(i.p95)"
    }

    /// `▲ +5.250`, `▼ -2.000`, `– 0.000`, or `–` with no previous figure.
    static func change(_ a: ReportModel.RankedActor) -> String {
        guard let change = a.change.change else { return missing }
        return "\(a.change.direction.arrow) \(change.signed)"
    }

    /// `▲ +5.250 since 2023`, or `unchanged since 2023`.
    static func changeSince(_ a: ReportModel.RankedActor, _ previous: String) -> String {
        guard let change = a.change.change, a.change.direction != .unchanged else { return "unchanged since \(previous)" }
        return "\(a.change.direction.arrow) \(change.signed) since \(previous)"
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
        if i.state == "not applicable" { return "" }
        let noun = i.kind == "commitment" ? "commitment" : "record"
        return "\(i.records) \(noun)\(i.records == 1 ? "" : "s")"
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func polaritySign(_ polarity: String) -> String { polarity == "positive" ? "+" : "−" }

    static func commitment(_ c: ReportModel.CommitmentLine) -> String {
        "\(c.kind) \(c.instrumentTitle) (\(c.instrumentID)) on \(c.committedOn)" + (c.withdrawnOn.map { ", withdrawn \($0)" } ?? "")
    }

    static func contributions(_ e: ReportModel.EvidenceLine) -> String {
        e.contributions.map { "\($0.indicator) \($0.points.text)" }.joined(separator: ", ")
    }

    static func restatement(_ r: ReportModel.RestatementLine) -> String {
        let ids = r.evidenceIDs.isEmpty ? "" : ": \(r.evidenceIDs.joined(separator: ", "))"
        return "combined \(number(r.originalCombined)) as published, \(number(r.restatedCombined)) with evidence published later\(ids)"
    }

    static func pillars(_ m: ReportModel.MethodologyInfo) -> String {
        m.pillars.map { "\($0.name) \($0.weight.text)" }.joined(separator: ", ")
    }

    static func grades(_ m: ReportModel.MethodologyInfo) -> String {
        m.grades.map { "\($0.grade) ≥ \($0.minimum.text)" + ($0.label.map { " (\($0))" } ?? "") }.joined(separator: ", ")
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
            "A period uses only what was published by its end; evidence published later is shown as a restatement, never an edit. "
                + "Restricted evidence is \(m.restrictedEvidence == "exclude" ? "excluded from scoring and from this report" : m.restrictedEvidence).",
        ]
    }
}
