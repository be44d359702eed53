/// An edition as GitHub Flavored Markdown: the summary (`index.md`) and one report card per actor
/// (`actors/<id>.md`), linked to each other by relative paths. Every value from the data is escaped
/// (`Escaping.markdown`), so a `|` or `*` in a summary stays text.
public enum MarkdownEdition {
    public static func summary(_ model: ReportModel, _ messages: Messages = .english) -> String {
        var page = MarkdownPage(messages: messages, path: EditionLayout.index(.markdown))
        page.summary(model)
        return page.out
    }

    public static func card(_ model: ReportModel, _ card: ReportModel.ActorCard, _ messages: Messages = .english) -> String {
        var page = MarkdownPage(messages: messages, path: EditionLayout.card(card.actor.id, .markdown))
        page.card(model, card)
        return page.out
    }
}

private struct MarkdownPage {
    let messages: Messages
    /// This page's edition-relative path, for relative links.
    let path: String
    var out = ""

    var m: Messages { messages }

    func e(_ text: String) -> String { Escaping.markdown(text) }
    func p(_ text: String) -> String { Escaping.markdownParagraph(text) }

    /// A link to another file of the edition (paths from `EditionLayout`: ids are safe in a URL).
    func local(_ text: String, _ to: String) -> String { "[\(e(text))](\(EditionLayout.link(from: path, to: to)))" }

    func card(_ a: ReportModel.RankedActor) -> String { local(a.name, EditionLayout.card(a.id, .markdown)) }

    mutating func line(_ text: String = "") { out += text + "\n" }

    mutating func table(_ header: [String], align: [String], _ rows: [[String]]) {
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + align.joined(separator: "|") + "|")
        for row in rows { line("| " + row.joined(separator: " | ") + " |") }
        line()
    }

    mutating func facts(_ model: ReportModel) {
        let r = model.run
        table([m.editionLabel, ""], align: ["---", "---"], [
            [m.period, e(m.periodRange(r))],
            [m.methodology, e(m.methodologyVersion(model.methodology))],
            [m.methodSHA, "`\(model.methodology.sha256)`"],
            [m.dataSHA, "`\(r.datasetSHA256)`"],
            [m.scoreRun, "`\(r.id)`"],
            [m.cutoff, e(m.cutoffSentence(r))],
            [m.editionLabel, e(m.edition(model))],
        ])
    }

    // MARK: The summary

    mutating func summary(_ model: ReportModel) {
        line("# \(e(model.methodology.title)): \(e(model.run.period))")
        line()
        facts(model)
        line("## \(e(m.keyFindings))")
        line()
        if model.findings.isEmpty { line(p(m.noFindings)); line() }
        for kind in ReportModel.KeyFinding.Kind.allCases {
            let groups = model.findingGroups(kind)
            guard !groups.isEmpty else { continue }
            line("**\(e(m.findingHeading(kind)))**")
            line()
            // A restatement is shown whole, with its causes: a reader must see why a published figure changed.
            if kind == .restatement {
                let all = model.edition.restatements
                for r in all.prefix(MarkdownPage.findingsShown) { line("- " + e(m.restatementFinding(r))) }
                if all.count > MarkdownPage.findingsShown { line("- " + e(m.andMore(all.count - MarkdownPage.findingsShown))) }
                line()
                continue
            }
            for g in groups.prefix(MarkdownPage.findingsShown) {
                if g.grouped {
                    line("- " + e(m.findingGroupHeading(g)) + ": " + g.findings.map { f in model.ranked(f.actorID).map(card) ?? e(f.actorName) }.joined(separator: ", "))
                } else {
                    line("- " + e(m.finding(g.findings[0])))
                }
            }
            if groups.count > MarkdownPage.findingsShown { line("- " + e(m.andMore(groups.count - MarkdownPage.findingsShown))) }
            line()
        }
        rankings(model)
        line("## \(e(m.coverage))")
        line()
        line(p(m.withoutEvidence(model.run.knowledgeCutoff, model.coverage.actorsWithoutEvidence.count)))
        line()
        for i in model.coverage.thinIndicators { line("- " + e(m.thinIndicator(i))) }
        if !model.coverage.thinIndicators.isEmpty { line() }
        line("## \(e(m.method))")
        line()
        for sentence in m.methodSentences(model.methodology, page: EditionLayout.methodologyPage) {
            line(p(sentence))
            line()
        }
        line(p(m.whereTheRestIs(cards: EditionLayout.actorsFolder + "/", data: EditionLayout.dataFolder + "/")))
    }

    static let findingsShown = 6

    mutating func rankings(_ model: ReportModel) {
        line("## \(e(m.rankings))")
        line()
        line(p(m.rankingsLegend(sensitivity: model.run.sensitivity, previous: model.run.previousPeriod)))
        line()
        let showStatus = model.rankings.contains { $0.actors.contains { !$0.status.isEmpty } }
        for ranking in model.rankings {
            let ranked = ranking.actors.first?.rankedInKind ?? 0
            line("### \(e(m.kindTitle(ranking.kind))) (\(e(m.ranked(ranked, of: ranking.actors.count))))")
            line()
            let scored = ranking.actors.filter { $0.groupID == nil && !$0.noConduct }
            if !scored.isEmpty {
                var header = [m.rankLabel, m.actorLabel, m.shortPositive, m.shortNegative, m.shortCombined, m.shortGrade, m.intervalLabel, m.changeLabel]
                var align = ["---:", "---", "---:", "---:", "---:", "---", "---", "---"]
                if showStatus { header.append(m.shortStatus); align.append("---") }
                table(header.map(e), align: align, scored.map { a in
                    var row = [m.rank(a), card(a), m.number(a.positive), m.number(a.negative), m.number(a.combined),
                               e(a.grade ?? (a.insufficientEvidence ? "*" : Messages.missing)), m.interval(a), e(m.change(a))]
                    if showStatus { row.append(a.status.map(Messages.statusMark).joined()) }
                    return row
                })
            }
            if scored.contains(where: { $0.grade == nil && $0.insufficientEvidence }) { line("\\* " + e(m.insufficientFootnote)); line() }
            let silent = ranking.actors.filter { $0.groupID == nil && $0.noConduct }
            if !silent.isEmpty {
                line(p(m.noConductList(silent.count)))
                line()
                line(silent.map { a in card(a) + (showStatus ? " " + a.status.map(Messages.statusMark).joined() : "") }.joined(separator: ", "))
                line()
            }
        }
        if showStatus, let names = model.rankings.flatMap(\.actors).first(where: { !$0.status.isEmpty })?.status.map(\.instrumentName) {
            line(e(m.shortStatus + m.colon + m.statusLegend(names) + "."))
            line()
        }
    }

    // MARK: A card

    mutating func card(_ model: ReportModel, _ card: ReportModel.ActorCard) {
        let a = card.actor
        let d = card.detail
        line("# \(e(m.cardTitle(d)))")
        line()
        line(local(m.summaryLink, EditionLayout.index(.markdown)) + " · " + e(model.methodology.title) + ", " + e(model.run.period))
        line()
        var standing = ["**\(e(m.gradeLabel)): \(e(m.grade(a)))**" + (a.gradeLabel.map { " (\(e($0)))" } ?? "")]
        if let rank = m.rankOf(a) { standing.append(e(rank)) }
        standing.append(e(m.eventsBehind(a)))
        line(standing.joined(separator: "; "))
        line()
        if let why = m.whyNoGrade(a, minimumEvidence: model.methodology.minimumEvidence) { line(p(why)); line() }
        if !a.status.isEmpty { line(e(m.statusLabel + m.colon + m.status(a))); line() }
        if !a.members.isEmpty { line(e(m.groupOf) + " " + a.members.map { e($0.name) }.joined(separator: ", ")); line() }
        if let group = a.groupID { line(p(m.scoredInGroup(group))); line() }
        table(["", e(m.positive), e(m.negative), e(m.combined)], align: ["---", "---:", "---:", "---:"],
              [[e(m.actorLabel), e(m.face(a.positive)), e(m.face(a.negative)), m.number(a.combined)]]
                + a.pillars.map { [e($0.name), e(m.face($0.positive)), e(m.face($0.negative)), ""] })
        if let previous = model.run.previousPeriod, a.change.change != nil {
            line(e(m.changeSince(a, previous)) + (a.change.cause.map { "; " + e(m.causeLabel + m.colon + m.cause($0)) } ?? ""))
            line()
        }
        if let previous = model.edition.previous, let since = m.sinceEdition(a, previous) { line(e(since)); line() }
        if let i = a.rankInterval { line(e(m.intervalSentence(i))); line() }

        line("## \(e(m.indicatorsThatApply))")
        line()
        let applying = d.indicators.filter { $0.state != "not applicable" && $0.state != "in group" }
        if applying.isEmpty { line(e(m.noIndicatorApplies)); line() }
        for i in applying {
            line("- **\(e(i.code))** \(Messages.polaritySign(i.polarity)) \(e(i.name)): **\(e(m.value(i)))** · \(e(m.indicatorEvents(i)))")
            for c in i.contributions where c.carriesEvent {
                let others = i.contributions.filter { !$0.carriesEvent && $0.eventID != nil && $0.eventID == c.eventID }.map(\.recordID)
                line("  - \(c.recordType == "evidence" ? "[\(e(c.recordID))](#\(Escaping.anchor(c.recordID)))" : e(c.recordID)) \(c.points.text)"
                     + (others.isEmpty ? "" : " (+ " + others.map(e).joined(separator: ", ") + ")"))
            }
            if i.omittedEvents > 0 { line("  - " + e(m.omittedEvents(i, dataFile: EditionLayout.data("contributions.csv")))) }
        }
        line()

        if !d.evidence.isEmpty {
            line("## \(e(m.evidenceCited))")
            line()
            for ev in d.evidence {
                line("<a id=\"\(Escaping.anchor(ev.id))\"></a>**\(e(ev.occurredOn)) \(e(ev.id))**" + (ev.role == "counterpart" ? " (\(e(m.asCounterpart)))" : ""))
                line()
                line("- " + e(m.evidenceFacts(ev)))
                line("- " + e(m.countsTowards + m.colon + m.contributions(ev)))
                if let event = m.event(ev) { line("- " + e(event)) }
                line("- " + e(ev.summary))
                for s in ev.sources {
                    line("- \(e(m.sourceLabel)): " + Escaping.markdownLink(s.publisher, s.url) + " (\(e(m.reliability(s.reliability))))")
                }
                for r in d.responses where r.evidenceID == ev.id {
                    line("- ↳ \(e(m.responseLabel)) \(e(r.respondedOn)) \(e(r.id)): \(e(r.summary)) (" + Escaping.markdownLink(r.source.publisher, r.source.url) + ")")
                }
                line()
            }
        }
        let cited = Set(d.evidence.map(\.id))
        let unanswered = d.responses.filter { !cited.contains($0.evidenceID) }
        if !unanswered.isEmpty {
            line("## \(e(m.responses))")
            line()
            for r in unanswered {
                line("- \(e(r.respondedOn)) \(e(r.id)), \(e(m.answers)) \(e(r.evidenceID)): \(e(r.summary)) (" + Escaping.markdownLink(r.source.publisher, r.source.url) + ")")
            }
            line()
        }
        if !d.commitments.isEmpty {
            line("## \(e(m.commitmentsInForce)) (\(model.run.periodEnd))")
            line()
            for c in d.commitments { line("- \(e(c.id)): \(e(m.commitment(c))) (" + Escaping.markdownLink(c.source.publisher, c.source.url) + ")") }
            line()
        }
        if !d.restatements.isEmpty {
            line("## \(e(m.restatements))")
            line()
            for r in d.restatements { line("- " + e(m.restatement(r))) }
            line()
        }
        if !card.history.periods.isEmpty {
            line("## \(e(m.history))")
            line()
            table([m.period, m.shortPositive, m.shortNegative, m.shortCombined].map(e), align: ["---", "---:", "---:", "---:"],
                  card.history.periods.enumerated().map { index, period in
                      [e(period), m.number(card.history.positive[index]), m.number(card.history.negative[index]), m.number(card.history.combined[index])]
                  })
        }
        line(p(m.methodSentences(model.methodology, page: EditionLayout.link(from: path, to: EditionLayout.methodologyPage)).last!))
    }
}
