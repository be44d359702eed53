/// An edition as fixed-width plain text in 80 columns (no line is longer): the summary
/// (`index.txt`) and one report card per actor (`actors/<id>.txt`). ANSI colour only when asked
/// for (a terminal without NO_COLOR); files written are never coloured.
public enum TextEdition {
    public static let width = 80

    public static func summary(_ model: ReportModel, _ messages: Messages = .english, color: Bool = false) -> String {
        var t = TextPage(messages: messages, color: color)
        t.summary(model)
        return t.text
    }

    public static func card(_ model: ReportModel, _ card: ReportModel.ActorCard, _ messages: Messages = .english, color: Bool = false) -> String {
        var t = TextPage(messages: messages, color: color)
        t.card(model, card)
        return t.text
    }
}

private struct TextPage {
    let messages: Messages
    let color: Bool
    var lines: [String] = []
    let width = TextEdition.width

    var m: Messages { messages }

    var text: String {
        lines.map { line in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }.joined(separator: "\n") + "\n"
    }

    // MARK: Output helpers

    func style(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { style(text, "1") }

    mutating func line(_ text: String = "") { lines.append(text) }

    mutating func wrapped(_ text: String, indent: String, first: String? = nil) {
        lines += TextLayout.wrap(Escaping.plain(text), width: width, indent: indent, firstIndent: first)
    }

    mutating func heading(_ text: String) {
        line()
        line(bold(TextLayout.truncate(Escaping.plain(text).uppercased(), width)))
        line(String(repeating: "=", count: width))
    }

    mutating func subheading(_ text: String) {
        line()
        line(bold(TextLayout.truncate(Escaping.plain(text), width)))
    }

    mutating func field(_ label: String, _ value: String) {
        let prefix = TextLayout.padRight(label, 15) + " "
        lines += TextLayout.wrap(Escaping.plain(value), width: width, indent: String(repeating: " ", count: 16), firstIndent: prefix)
    }

    func padded(_ text: String, _ width: Int, _ code: String?) -> String {
        let cell = TextLayout.truncate(text, width)
        let padding = String(repeating: " ", count: max(0, width - cell.count))
        return (code.map { style(cell, $0) } ?? cell) + padding
    }

    func change(_ a: ReportModel.RankedActor, width: Int) -> String {
        switch a.change.direction {
        case .up: return padded(m.change(a), width, "32")
        case .down: return padded(m.change(a), width, "31")
        default: return padded(m.change(a), width, nil)
        }
    }

    mutating func header(_ model: ReportModel, subtitle: String) {
        line(bold(TextLayout.truncate(Escaping.plain(model.methodology.title), width)))
        line(TextLayout.truncate(Escaping.plain(subtitle), width))
        line(String(repeating: "=", count: width))
    }

    // MARK: The summary

    mutating func summary(_ model: ReportModel) {
        let r = model.run
        header(model, subtitle: m.scorecardFor(r.period))
        field(m.period, m.periodRange(r))
        field(m.methodology, m.methodologyVersion(model.methodology))
        field(m.methodSHA, model.methodology.sha256)
        field(m.dataSHA, r.datasetSHA256)
        field(m.scoreRun, "sha256 \(r.id.prefix(16))…")
        field(m.cutoff, m.cutoffSentence(r))
        field(m.editionLabel, m.edition(model))
        findings(model)
        rankings(model)
        coverage(model)
        heading(m.method)
        for sentence in m.methodSentences(model.methodology, page: EditionLayout.methodologyPage) {
            wrapped(sentence, indent: "")
        }
        line()
        wrapped(m.whereTheRestIs(cards: EditionLayout.actorsFolder + "/", data: EditionLayout.dataFolder + "/"), indent: "")
    }

    /// Each kind of finding with its heading; a long list cut with how many more there are.
    mutating func findings(_ model: ReportModel) {
        heading(m.keyFindings)
        if model.findings.isEmpty { wrapped(m.noFindings, indent: "  ", first: "  ") }
        for kind in ReportModel.KeyFinding.Kind.allCases {
            let groups = model.findingGroups(kind)
            guard !groups.isEmpty else { continue }
            subheading(m.findingHeading(kind))
            // A restatement is shown whole, with its causes: a reader must see why a published figure changed.
            if kind == .restatement {
                let all = model.edition.restatements
                for r in all.prefix(TextPage.findingsShown) { wrapped(m.restatementFinding(r), indent: "    ", first: "  - ") }
                if all.count > TextPage.findingsShown { line("  " + m.andMore(all.count - TextPage.findingsShown)) }
                continue
            }
            for g in groups.prefix(TextPage.findingsShown) {
                if g.grouped {
                    wrapped(m.findingGroupHeading(g) + m.colon + g.findings.map(\.actorName).joined(separator: ", "), indent: "    ", first: "  - ")
                } else {
                    wrapped(m.finding(g.findings[0]), indent: "    ", first: "  - ")
                }
            }
            if groups.count > TextPage.findingsShown { line("  " + m.andMore(groups.count - TextPage.findingsShown)) }
        }
    }

    static let findingsShown = 6

    mutating func rankings(_ model: ReportModel) {
        heading(m.rankings)
        let showStatus = model.rankings.contains { $0.actors.contains { !$0.status.isEmpty } }
        for ranking in model.rankings {
            line()
            let ranked = ranking.actors.first?.rankedInKind ?? 0
            let scored = ranking.actors.filter { $0.groupID == nil && !$0.noConduct }
            line(bold(Escaping.plain(m.kindTitle(ranking.kind))) + " (" + m.ranked(ranked, of: ranking.actors.count) + ")")
            if !scored.isEmpty {
                line(TextLayout.padLeft(m.rankLabel, 4) + " " + TextLayout.padRight(m.actorLabel, 22) + " " + TextLayout.padLeft(m.shortPositive, 7) + " "
                     + TextLayout.padLeft(m.shortNegative, 7) + " " + TextLayout.padLeft(m.shortCombined, 7) + " " + TextLayout.padRight(m.shortGrade, 4) + " "
                     + TextLayout.padRight(m.intervalLabel, 7) + " " + TextLayout.padRight(m.changeLabel, 9) + (showStatus ? " " + m.shortStatus : ""))
            }
            var footnote = false
            for a in scored {
                var grade = a.grade ?? Messages.missing
                if a.grade == nil && a.insufficientEvidence { grade = "*"; footnote = true }
                var row = TextLayout.padLeft(m.rank(a), 4) + " " + TextLayout.padRight(Escaping.plain(a.name), 22) + " "
                row += TextLayout.padLeft(m.number(a.positive), 7) + " " + TextLayout.padLeft(m.number(a.negative), 7) + " "
                row += TextLayout.padLeft(m.number(a.combined), 7) + " " + TextLayout.padRight(grade, 4) + " "
                row += TextLayout.padRight(m.interval(a), 7) + " " + change(a, width: 9)
                if showStatus { row += " " + a.status.map(Messages.statusMark).joined() }
                line(row)
                if !a.members.isEmpty {
                    wrapped(m.groupOf + " " + a.members.map { Escaping.plain($0.name) }.joined(separator: ", "), indent: "        ", first: "      ")
                }
            }
            if footnote { wrapped("* " + m.insufficientFootnote, indent: "    ", first: "  ") }
            let silent = ranking.actors.filter { $0.groupID == nil && $0.noConduct }
            if !silent.isEmpty {
                wrapped(m.noConductList(silent.count), indent: "  ", first: "  ")
                // Marks only for those with a commitment on record: the rest are outside every instrument.
                // A no-break space keeps the marks on the line of the name they belong to.
                wrapped(silent.map { a in
                    Escaping.plain(a.name) + (a.status.contains { $0.status != "not committed" } ? "\u{00A0}" + a.status.map(Messages.statusMark).joined() : "")
                }.joined(separator: ", "), indent: "    ", first: "    ")
            }
        }
        line()
        var legend = m.rankingsLegend(sensitivity: model.run.sensitivity, previous: model.run.previousPeriod)
        if showStatus, let names = model.rankings.flatMap(\.actors).first(where: { !$0.status.isEmpty })?.status.map(\.instrumentName) {
            legend += " " + m.shortStatus + m.colon + m.statusLegend(names) + "."
        }
        wrapped(legend, indent: "")
    }

    mutating func coverage(_ model: ReportModel) {
        heading(m.coverage)
        let c = model.coverage
        wrapped(m.withoutEvidence(model.run.knowledgeCutoff, c.actorsWithoutEvidence.count), indent: "")
        if !c.thinIndicators.isEmpty {
            wrapped(m.thinIndicators(c.threshold) + m.colon + c.thinIndicators.map { m.thinIndicatorShort($0) }.joined(separator: ", ") + ".", indent: "")
        }
    }

    // MARK: A card

    mutating func card(_ model: ReportModel, _ card: ReportModel.ActorCard) {
        let a = card.actor
        let d = card.detail
        header(model, subtitle: m.scorecardFor(model.run.period) + " · " + m.reportCard)
        line(bold(TextLayout.truncate(Escaping.plain(m.cardTitle(d)), width)))
        var standing: [String] = []
        standing.append(m.gradeLabel + m.colon + m.grade(a) + (a.gradeLabel.map { " (\($0))" } ?? ""))
        if let rank = m.rankOf(a) { standing.append(rank) }
        standing.append(m.eventsBehind(a))
        wrapped(standing.joined(separator: "; "), indent: "")
        if let why = m.whyNoGrade(a, minimumEvidence: model.methodology.minimumEvidence) { wrapped(why, indent: "") }
        if !a.status.isEmpty { wrapped(m.statusLabel + m.colon + m.status(a), indent: "  ", first: "") }
        if !a.members.isEmpty { wrapped(m.groupOf + " " + a.members.map(\.name).joined(separator: ", "), indent: "  ", first: "") }
        if let group = a.groupID { wrapped(m.scoredInGroup(group), indent: "") }
        line()
        for (label, value) in [(m.positive, a.positive), (m.negative, a.negative)] {
            line("  " + TextLayout.padRight(label, 10) + TextLayout.padLeft(m.face(value), 12) + "  " + TextLayout.bar(value))
        }
        line("  " + TextLayout.padRight(m.combined, 10) + TextLayout.padLeft(m.number(a.combined), 12) + "  " + TextLayout.bar(a.combined))
        if let previous = model.run.previousPeriod, a.change.change != nil {
            wrapped(m.changeSince(a, previous), indent: "    ", first: "  ")
            if let cause = a.change.cause { wrapped(m.causeLabel + m.colon + m.cause(cause), indent: "    ", first: "  ") }
        }
        if let previous = model.edition.previous, let since = m.sinceEdition(a, previous) { wrapped(since, indent: "    ", first: "  ") }
        if let i = a.rankInterval { wrapped(m.intervalSentence(i), indent: "    ", first: "  ") }

        if !a.pillars.isEmpty {
            subheading(m.pillars)
            line("  " + TextLayout.padRight(m.pillar, 40) + TextLayout.padLeft(m.positive, 14) + TextLayout.padLeft(m.negative, 14))
            for p in a.pillars {
                line("  " + TextLayout.padRight(Escaping.plain(p.name), 40) + TextLayout.padLeft(m.face(p.positive), 14) + TextLayout.padLeft(m.face(p.negative), 14))
            }
        }

        subheading(m.indicatorsThatApply)
        let applying = d.indicators.filter { $0.state != "not applicable" && $0.state != "in group" }
        if applying.isEmpty { line("  " + m.noIndicatorApplies) }
        for i in applying {
            wrapped("\(i.code) \(Messages.polaritySign(i.polarity)) \(i.name): \(m.value(i)) · \(m.indicatorEvents(i))", indent: "      ", first: "  ")
            for c in i.contributions where c.carriesEvent {
                let others = i.contributions.filter { !$0.carriesEvent && $0.eventID != nil && $0.eventID == c.eventID }.map(\.recordID)
                wrapped("\(c.recordID)  \(c.points.text)" + (others.isEmpty ? "" : " (+ " + others.joined(separator: ", ") + ")"),
                        indent: "        ", first: "      ")
            }
            if i.omittedEvents > 0 { wrapped(m.omittedEvents(i, dataFile: EditionLayout.data("contributions.csv")), indent: "      ", first: "      ") }
        }

        if !d.evidence.isEmpty {
            subheading(m.evidenceCited)
            for e in d.evidence {
                wrapped("\(e.occurredOn)  \(e.id)" + (e.role == "counterpart" ? " (\(m.asCounterpart))" : ""), indent: "      ", first: "  ")
                wrapped(m.evidenceFacts(e), indent: "      ", first: "      ")
                wrapped(m.countsTowards + m.colon + m.contributions(e), indent: "      ", first: "      ")
                if let event = m.event(e) { wrapped(event, indent: "      ", first: "      ") }
                wrapped(e.summary, indent: "      ", first: "      ")
                for s in e.sources {
                    wrapped("\(m.sourceLabel)\(m.colon)\(s.publisher) (\(m.reliability(s.reliability))), \(s.url)", indent: "      ", first: "      ")
                }
                for r in d.responses where r.evidenceID == e.id {
                    wrapped("\(m.responseLabel) \(r.respondedOn) \(r.id): \(r.summary)", indent: "        ", first: "      ↳ ")
                    wrapped("\(m.sourceLabel)\(m.colon)\(r.source.publisher), \(r.source.url)", indent: "        ", first: "        ")
                }
            }
        }
        let cited = Set(d.evidence.map(\.id))
        let unanswered = d.responses.filter { !cited.contains($0.evidenceID) }
        if !unanswered.isEmpty {
            subheading(m.responses)
            for r in unanswered {
                wrapped("\(r.respondedOn)  \(r.id), \(m.answers) \(r.evidenceID): \(r.summary)", indent: "      ", first: "  ")
                wrapped("\(m.sourceLabel)\(m.colon)\(r.source.publisher), \(r.source.url)", indent: "      ", first: "      ")
            }
        }

        if !d.commitments.isEmpty {
            subheading(m.commitmentsInForce + " (\(model.run.periodEnd))")
            for c in d.commitments {
                wrapped("\(c.id): \(m.commitment(c))", indent: "      ", first: "  ")
                wrapped("\(m.sourceLabel)\(m.colon)\(c.source.publisher), \(c.source.url)", indent: "      ", first: "      ")
            }
        }

        if !d.restatements.isEmpty {
            subheading(m.restatements)
            for r in d.restatements { wrapped(m.restatement(r), indent: "      ", first: "  ") }
        }

        if !card.history.periods.isEmpty {
            subheading(m.history)
            line("  " + TextLayout.padRight(m.period, 10) + TextLayout.padLeft(m.shortPositive, 9) + TextLayout.padLeft(m.shortNegative, 9)
                 + TextLayout.padLeft(m.shortCombined, 9))
            for (index, period) in card.history.periods.enumerated() {
                line("  " + TextLayout.padRight(period, 10) + TextLayout.padLeft(m.number(card.history.positive[index]), 9)
                     + TextLayout.padLeft(m.number(card.history.negative[index]), 9) + TextLayout.padLeft(m.number(card.history.combined[index]), 9))
            }
        }
        line()
        wrapped(m.methodSentences(model.methodology, page: EditionLayout.link(from: EditionLayout.card(d.id, .text), to: EditionLayout.methodologyPage)).last!,
                indent: "")
    }
}
