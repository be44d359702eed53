/// The report as fixed-width plain text, readable in 80 columns (no line is longer), with a
/// 10-cell bar per score. ANSI colour only when asked for (a terminal without NO_COLOR): files
/// written are never coloured.
public enum TextReport {
    public static let width = 80

    public static func render(_ model: ReportModel, color: Bool = false) -> String {
        var r = TextRenderer(model: model, color: color)
        r.render()
        return r.lines.map { line in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }.joined(separator: "\n") + "\n"
    }
}

private struct TextRenderer {
    let model: ReportModel
    let color: Bool
    var lines: [String] = []
    let width = TextReport.width

    init(model: ReportModel, color: Bool) {
        self.model = model
        self.color = color
    }

    // MARK: Output helpers

    func style(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { style(text, "1") }
    func dim(_ text: String) -> String { style(text, "2") }

    mutating func line(_ text: String = "") { lines.append(text) }

    /// Data text wrapped to the width, continuation lines at `indent`.
    mutating func wrapped(_ text: String, indent: String, first: String? = nil) {
        lines += TextLayout.wrap(Escaping.plain(text), width: width, indent: indent, firstIndent: first)
    }

    mutating func heading(_ text: String, rule: Character) {
        line()
        line(bold(Escaping.plain(text).uppercased()))
        line(String(repeating: rule, count: width))
    }

    mutating func field(_ label: String, _ value: String) {
        let prefix = TextLayout.padRight(label, 13) + " "
        lines += TextLayout.wrap(Escaping.plain(value), width: width, indent: String(repeating: " ", count: 14), firstIndent: prefix)
    }

    /// Styles the text, then pads it: padding never sits inside the colour, so the lines of a
    /// coloured report are the lines of the plain one with escape codes added.
    func padded(_ text: String, _ width: Int, _ code: String?) -> String {
        let cell = TextLayout.truncate(text, width)
        let padding = String(repeating: " ", count: max(0, width - cell.count))
        return (code.map { style(cell, $0) } ?? cell) + padding
    }

    func coloredBar(_ value: ReportNumber?) -> String { value == nil ? TextLayout.bar(nil) : style(TextLayout.bar(value), "36") }

    func coloredChange(_ a: ReportModel.RankedActor, width: Int) -> String {
        switch a.change.direction {
        case .up: return padded(ReportWording.change(a), width, "32")
        case .down: return padded(ReportWording.change(a), width, "31")
        default: return padded(ReportWording.change(a), width, nil)
        }
    }

    // MARK: Sections

    mutating func render() {
        let m = model.methodology
        let r = model.run
        line(bold(TextLayout.truncate(Escaping.plain(m.title), width)))
        line("Accountability scorecard for \(r.period)" + (r.actorFilter.map { ", actor \(Escaping.plain($0))" } ?? ""))
        line(String(repeating: "=", count: width))
        field("Period", "\(r.period) (\(r.periodStart) to \(r.periodEnd))")
        field("Methodology", "\(m.id), version \(m.version)")
        field("Method SHA256", m.sha256)
        field("Data SHA256", r.datasetSHA256)
        field("Score run", "sha256 \(r.id.prefix(16))… (\(r.basis == "as_published" ? "as published" : r.basis))")
        field("Cutoff", "evidence published by \(r.knowledgeCutoff) (knowledge cutoff)")
        field("Provisional", r.provisional ? "yes: the period had not ended when the data was loaded; later evidence may still count" : "no")
        if let s = r.sensitivity { field("Sensitivity", "\(s.samples) samples, seed \(s.seed)") }
        if let p = r.previousPeriod { field("Compared with", p) }
        field("Edition", ReportWording.edition(model))
        restatements()
        rankings()
        for actor in model.actors { section(actor) }
        coverage()
        methodology()
    }

    /// Every restatement of an earlier edition recorded since the previous edition was published.
    mutating func restatements() {
        heading("Restatements since the previous edition", rule: "=")
        if model.edition.restatements.isEmpty {
            line("  none: no published figure is known differently now")
        }
        for r in model.edition.restatements {
            wrapped("\(r.actorName) (\(r.actorID)), " + ReportWording.restatement(r), indent: "    ", first: "  ")
        }
    }

    /// The methodology shows commitment status columns (`status_instruments`).
    var statusColumns: Bool { model.rankings.contains { $0.actors.contains { !$0.status.isEmpty } } }

    static func statusMark(_ s: ReportModel.InstrumentStatus) -> String {
        s.status == "committed" ? "✓" : s.status == "withdrawn" ? "✗" : "·"
    }

    mutating func rankings() {
        heading("Rankings", rule: "=")
        for ranking in model.rankings {
            line()
            let ranked = ranking.actors.first?.rankedInKind ?? 0
            line(bold(Escaping.plain(ReportModel.kindTitle(ranking.kind))) + " (\(ranked) of \(ranking.actors.count) ranked)")
            line(TextLayout.padLeft("Rank", 4) + " " + TextLayout.padRight("Actor", 15) + " " + TextLayout.padLeft("Pos.", 7) + " "
                 + TextLayout.padLeft("Neg.", 7) + " " + TextLayout.padLeft("Comb.", 7) + " " + TextLayout.padRight("0–100", 10) + " "
                 + TextLayout.padRight("Gr.", 3) + " " + TextLayout.padRight("5–95%", 6) + " "
                 + (statusColumns ? TextLayout.padRight("Change", 9) + " Cmt" : "Change"))
            var footnote = false
            // An entity of a group is shown inside its group, not as a row of its own.
            for a in ranking.actors where a.groupID == nil {
                var grade = a.grade ?? ReportWording.missing
                if a.grade == nil && a.insufficientEvidence { grade = "*"; footnote = true }
                var row = TextLayout.padLeft(ReportWording.rank(a), 4) + " " + TextLayout.padRight(Escaping.plain(a.name), 15) + " "
                row += TextLayout.padLeft(ReportWording.number(a.positive), 7) + " " + TextLayout.padLeft(ReportWording.number(a.negative), 7) + " "
                row += TextLayout.padLeft(ReportWording.number(a.combined), 7) + " " + coloredBar(a.combined) + " "
                row += TextLayout.padRight(grade, 3) + " " + TextLayout.padRight(ReportWording.interval(a), 6) + " "
                row += coloredChange(a, width: 9)
                if statusColumns { row += " " + a.status.map { TextRenderer.statusMark($0) }.joined() }
                line(row)
                if !a.members.isEmpty {
                    wrapped("group of: " + a.members.map { Escaping.plain($0.name) }.joined(separator: ", "),
                            indent: String(repeating: " ", count: 7), first: String(repeating: " ", count: 5))
                }
                if let cause = a.change.cause {
                    wrapped("cause: " + ReportWording.cause(cause, short: true), indent: String(repeating: " ", count: 7), first: String(repeating: " ", count: 5))
                }
            }
            if footnote {
                wrapped("* insufficient evidence: fewer than \(ReportWording.plural(model.methodology.minimumEvidence, "conduct event")) "
                        + "behind the scores, so no grade and no rank.", indent: "    ", first: "  ")
            }
        }
        line()
        var legend = "Pos., Neg., Comb.: positive, negative and combined scores, 0–100; the bar shows the combined score; "
            + "– on a face: no evidence of conduct on it, and no combined score without conduct on record. Gr.: grade."
        if statusColumns {
            legend += " Cmt: " + (model.rankings.flatMap(\.actors).first { !$0.status.isEmpty }?.status.map(\.instrumentName)
                .joined(separator: ", ") ?? "") + ", in that order: ✓ committed, ✗ withdrawn, · not committed."
        }
        if let s = model.run.sensitivity {
            legend += " 5–95%: the rank interval when the weights are perturbed (\(s.samples) samples, seed \(s.seed))."
        } else {
            legend += " 5–95%: no sensitivity analysis has been run for this period."
        }
        if let p = model.run.previousPeriod {
            legend += " Change: the part of the combined score's change since \(p) that is the actor's own conduct in the period, "
                + "with its cause, the record of new conduct that moved it most; the rest (older evidence weighing less, records "
                + "of \(p) known differently now) is in each actor's section, never shown as a move."
        } else {
            legend += " Change: there is no previous period under this methodology version."
        }
        wrapped(legend, indent: "")
    }

    mutating func section(_ d: ReportModel.ActorDetail) {
        guard let a = model.ranked(d.id) else { return }
        line()
        line(String(repeating: "-", count: width))
        line(bold(TextLayout.truncate(Escaping.plain("\(d.name) (\(d.id)), \(d.kind)"), width)))
        var standing: [String] = []
        if let rank = a.rank { standing.append("rank \(rank) of \(a.rankedInKind) \(ReportModel.kindTitle(a.kind).lowercased())") }
        standing.append("grade: \(ReportWording.grade(a))")
        standing.append("\(ReportWording.plural(a.events, "conduct event")) (\(ReportWording.plural(a.evidenceRecords, "public evidence record"))) behind the scores")
        if !a.status.isEmpty { standing.append(ReportWording.status(a)) }
        if !a.members.isEmpty { standing.append("group of " + a.members.map(\.name).joined(separator: ", ")) }
        wrapped(standing.joined(separator: "; "), indent: "")
        for (label, value) in [("Positive", a.positive), ("Negative", a.negative), ("Combined", a.combined)] {
            let shown = label == "Combined" ? ReportWording.number(value) : ReportWording.face(value)
            var text = "  " + TextLayout.padRight(label, 9) + TextLayout.padLeft(shown, 11) + "  " + coloredBar(value)
            if label == "Combined", a.change.change != nil, let previous = model.run.previousPeriod {
                let since = ReportWording.changeSince(a, previous)
                text += "  " + (a.change.direction == .up ? style(since, "32") : a.change.direction == .down ? style(since, "31") : since)
            }
            line(text)
        }
        if let cause = a.change.cause { wrapped("cause of the change: " + ReportWording.cause(cause), indent: "    ", first: "  ") }
        if let previous = model.edition.previous, let since = ReportWording.sinceEdition(a, previous) {
            wrapped(since + " as published (above: like for like, both periods on today's data)", indent: "    ", first: "  ")
        }
        if let i = a.rankInterval {
            wrapped("rank interval \(i.p05)–\(i.p95) (median \(i.median.text)); share of samples with another grade: \(i.gradeChangeShare.text)",
                    indent: "    ", first: "  ")
        }

        subheading("Commitments in force at \(model.run.periodEnd)")
        if d.commitments.isEmpty { line("  none") }
        for c in d.commitments {
            wrapped("\(c.id): \(ReportWording.commitment(c))", indent: "      ", first: "  ")
            wrapped("source: \(c.source.publisher), \(c.source.url)", indent: "      ", first: "      ")
        }

        subheading("Indicators (+ positive, − negative)")
        let codeWidth = max(6, min(12, d.indicators.map(\.code.count).max() ?? 6))
        for i in d.indicators {
            let text = "  " + TextLayout.padRight(Escaping.plain(i.code), codeWidth) + " " + ReportWording.polaritySign(i.polarity) + " "
                + TextLayout.padRight(Escaping.plain(i.name), 28) + " " + padded(ReportWording.value(i), 14, i.state == "scored" ? nil : "2") + " "
                + ReportWording.records(i)
            line(text)
        }

        subheading("Public evidence cited")
        if d.evidence.isEmpty { line("  none") }
        for e in d.evidence {
            wrapped("\(e.occurredOn)  \(e.id)\(e.role == "counterpart" ? " (as counterpart)" : "")", indent: "      ", first: "  ")
            wrapped("\(e.typeName); \(e.certainty); severity \(e.severity); published \(e.publishedOn)", indent: "      ", first: "      ")
            wrapped("counts towards: " + ReportWording.contributions(e), indent: "      ", first: "      ")
            if let event = ReportWording.event(e) { wrapped(event, indent: "      ", first: "      ") }
            wrapped(e.summary, indent: "      ", first: "      ")
            for s in e.sources {
                wrapped("source: \(s.publisher) (reliability \(s.reliability)), \(s.url)", indent: "      ", first: "      ")
            }
        }

        subheading("Breaches")
        if d.breaches.isEmpty { line("  none") }
        for b in d.breaches { wrapped("\(b.indicator): \(b.evidenceID), \(b.points.text) points: \(b.summary)", indent: "      ", first: "  ") }

        subheading("Responses (right of reply)")
        if d.responses.isEmpty { line("  none") }
        for r in d.responses {
            wrapped("\(r.respondedOn)  \(r.id), to \(r.evidenceID): \(r.summary)", indent: "      ", first: "  ")
            wrapped("source: \(r.source.publisher), \(r.source.url)", indent: "      ", first: "      ")
        }

        subheading("Restatements")
        if d.restatements.isEmpty { line("  none") }
        for r in d.restatements { wrapped(ReportWording.restatement(r), indent: "      ", first: "  ") }
    }

    mutating func subheading(_ text: String) {
        line()
        line(bold(TextLayout.truncate(text, width)))
    }

    mutating func coverage() {
        heading("Coverage", rule: "=")
        let c = model.coverage
        wrapped("Actors with no public evidence on record by \(model.run.knowledgeCutoff):", indent: "")
        if c.actorsWithoutEvidence.isEmpty { line("  none") }
        for a in c.actorsWithoutEvidence { wrapped("\(a.id) (\(a.name), \(a.kind))", indent: "    ", first: "  ") }
        line()
        wrapped("Indicators with thin evidence (scored for fewer than \(c.threshold) actors):", indent: "")
        if c.thinIndicators.isEmpty { line("  none") }
        for i in c.thinIndicators {
            wrapped("\(i.code) \(i.name): scored for \(i.scoredActors) of \(i.applicableActors) applicable actors", indent: "    ", first: "  ")
        }
    }

    mutating func methodology() {
        let m = model.methodology
        heading("Methodology", rule: "=")
        wrapped("\(m.title) (\(m.id), version \(m.version)), published by \(m.periodKind).", indent: "")
        if let description = m.description, !description.isEmpty { wrapped(description, indent: "") }
        for sentence in ReportWording.methodSentences(m) {
            line()
            wrapped(sentence, indent: "")
        }
        line()
        wrapped("The full method, with every formula: \(m.document)", indent: "")
    }
}
