/// An edition as pages: the summary (`index.html`), one report card per actor
/// (`actors/<id>.html`) and the method (`methodology.html`), linked by relative paths, with no
/// scripts and no external requests: the folder can go on any static host as it is. Every value
/// from the data is escaped (`Escaping.html`); links out are only made for http(s) URLs.
public enum HTMLEdition {
    public static func summary(_ model: ReportModel, _ options: EditionOptions) -> String {
        var page = HTMLBody(model: model, options: options, path: EditionLayout.index(.html))
        page.summary()
        return page.page(title: (options.title ?? model.methodology.title) + ": " + model.run.period, current: .summary, introduction: true)
    }

    public static func card(_ model: ReportModel, _ card: ReportModel.ActorCard, _ options: EditionOptions) -> String {
        var page = HTMLBody(model: model, options: options, path: EditionLayout.card(card.actor.id, .html))
        page.card(card)
        return page.page(title: card.detail.name, current: nil, introduction: false)
    }

    public static func methodology(_ model: ReportModel, _ options: EditionOptions) -> String {
        let page = HTMLBody(model: model, options: options, path: EditionLayout.methodologyPage).shell(
            title: options.messages.methodologyTitle, current: .methodology, introduction: false)
        return MethodologyPage.render(model.methodology, rules: nil, page: page)
    }

    public static var stylesheet: String { EditionStylesheet.css }
}

struct HTMLBody {
    let model: ReportModel
    let options: EditionOptions
    /// This page's edition-relative path, for relative links.
    let path: String
    var out = ""

    var m: Messages { options.messages }

    func h(_ text: String) -> String { Escaping.html(text) }
    mutating func line(_ text: String) { out += text + "\n" }

    func local(_ to: String) -> String { EditionLayout.link(from: path, to: to) }

    func link(_ text: String, _ url: String) -> String {
        guard let safe = Escaping.safeURL(url) else { return h(text) }
        return "<a href=\"\(h(safe))\">\(h(text))</a>"
    }

    func cardLink(_ a: ReportModel.RankedActor) -> String { "<a href=\"\(local(EditionLayout.card(a.id, .html)))\">\(h(a.name))</a>" }

    /// The shared shell of every page (`HTMLPage`): the publisher's title, introduction, logo and stylesheet.
    func shell(title: String, current: HTMLPage.Section?, introduction: Bool) -> HTMLPage {
        HTMLPage(messages: m, path: path, title: title, siteTitle: options.title ?? model.methodology.title,
                 introduction: introduction ? options.introduction : nil, logo: options.logoDataURI,
                 customStylesheet: options.customStylesheet == nil ? nil : EditionLayout.customStylesheet, current: current,
                 footer: .init(methodologyID: model.methodology.id, methodologyVersion: model.methodology.version,
                               methodologySHA256: model.methodology.sha256, runDigest: model.run.id))
    }

    func page(title: String, current: HTMLPage.Section?, introduction: Bool) -> String {
        shell(title: title, current: current, introduction: introduction).render(body: out)
    }

    static func double(_ n: ReportNumber?) -> Double? { n.flatMap { Double($0.text) } }

    // MARK: The summary

    mutating func summary() {
        line("<p class=\"edition\">\(h(m.edition(model)))</p>")
        line("<h2>\(h(m.keyFindings))</h2>")
        if model.findings.isEmpty { line("<p>\(h(m.noFindings))</p>") }
        for kind in ReportModel.KeyFinding.Kind.allCases {
            let groups = model.findingGroups(kind)
            guard !groups.isEmpty else { continue }
            line("<h3>\(h(m.findingHeading(kind)))</h3>\n<ul>")
            // A restatement is shown whole, with its causes: a reader must see why a published figure changed.
            if kind == .restatement {
                let all = model.edition.restatements
                for r in all.prefix(10) {
                    line("<li>\(model.ranked(r.actorID).map(cardLink) ?? h(r.actorName))\(h(String(m.restatementFinding(r).dropFirst(r.actorName.count))))</li>")
                }
                if all.count > 10 { line("<li>\(h(m.andMore(all.count - 10)))</li>") }
                line("</ul>")
                continue
            }
            for g in groups.prefix(10) {
                if g.grouped {
                    line("<li>\(h(m.findingGroupHeading(g))): " + g.findings.map { f in model.ranked(f.actorID).map(cardLink) ?? h(f.actorName) }.joined(separator: ", ") + "</li>")
                } else {
                    let f = g.findings[0]
                    let name = model.ranked(f.actorID).map(cardLink) ?? h(f.actorName)
                    line("<li>\(name)\(h(String(m.finding(f).dropFirst(f.actorName.count))))</li>")
                }
            }
            if groups.count > 10 { line("<li>\(h(m.andMore(groups.count - 10)))</li>") }
            line("</ul>")
        }
        // The two faces side by side for every actor with conduct on record, and one against the other.
        let scored = model.rankings.flatMap(\.actors).filter { $0.groupID == nil && !$0.noConduct }
        if !scored.isEmpty {
            line("<h2>\(h(m.pick("At a glance", "En un coup d'œil")))</h2>")
            line(Charts.faces(scored.map { a in
                Charts.FacesRow(label: a.name, href: local(EditionLayout.card(a.id, .html)), positive: HTMLBody.double(a.positive), negative: HTMLBody.double(a.negative))
            }, id: "faces", messages: m))
            let kinds = model.rankings.map(\.kind)
            line(Charts.scatter(scored.map { a in
                Charts.ScatterPoint(label: a.name, href: local(EditionLayout.card(a.id, .html)), positive: HTMLBody.double(a.positive),
                                    negative: HTMLBody.double(a.negative), category: kinds.firstIndex(of: a.kind) ?? 0)
            }, categories: kinds.map(m.kindTitle), id: "scatter", messages: m))
        }
        line("<h2>\(h(m.rankings))</h2>")
        line("<p class=\"legend\">\(h(m.rankingsLegend(sensitivity: model.run.sensitivity, previous: model.run.previousPeriod)))</p>")
        let showStatus = model.rankings.contains { $0.actors.contains { !$0.status.isEmpty } }
        let pillars = model.methodology.pillars
        for ranking in model.rankings {
            let ranked = ranking.actors.first?.rankedInKind ?? 0
            line("<h3 id=\"\(h(ranking.kind))\">\(h(m.kindTitle(ranking.kind))) <span class=\"muted\">(\(h(m.ranked(ranked, of: ranking.actors.count))))</span></h3>")
            line(HTMLPage.scrollingTableOpening(m, caption: m.kindTitle(ranking.kind)) + "<table class=\"rankings\">")
            var header = "<thead><tr><th scope=\"col\" class=\"num\">\(h(m.rankLabel))</th><th scope=\"col\">\(h(m.actorLabel))</th>"
            header += "<th scope=\"col\">\(h(m.gradeLabel))</th><th scope=\"col\" class=\"num\">\(h(m.positive))</th><th scope=\"col\" class=\"num\">\(h(m.negative))</th>"
            header += "<th scope=\"col\" class=\"num\">\(h(m.combined))</th>"
            for p in pillars { header += "<th scope=\"col\" class=\"num\" title=\"\(h(p.name))\">\(h(p.name)) +/−</th>" }
            header += "<th scope=\"col\">\(h(m.intervalLabel))</th><th scope=\"col\">\(h(m.changeLabel))</th>"
            if showStatus { header += "<th scope=\"col\">\(h(m.statusLabel))</th>" }
            line(header + "</tr></thead>\n<tbody>")
            for a in ranking.actors {
                var row = "<tr><td class=\"num\">\(h(m.rank(a)))</td><th scope=\"row\">\(cardLink(a))</th>"
                row += "<td>\(a.grade.map { "<b>\(h($0))</b>" } ?? "<span class=\"state\">\(h(m.grade(a)))</span>")</td>"
                row += "<td class=\"num\">\(h(m.face(a.positive)))</td><td class=\"num\">\(h(m.face(a.negative)))</td><td class=\"num\">\(h(m.number(a.combined)))</td>"
                for p in pillars {
                    let face = a.pillars.first { $0.pillar == p.id }
                    row += "<td class=\"num\">\(h(m.number(face?.positive))) / \(h(m.number(face?.negative)))</td>"
                }
                row += "<td>\(h(m.interval(a)))</td><td>\(h(m.change(a)))</td>"
                if showStatus { row += "<td>\(h(a.status.map { "\($0.instrumentName) \(Messages.statusMark($0))" }.joined(separator: " · ")))</td>" }
                line(row + "</tr>")
            }
            line("</tbody></table></div>")
        }
        if showStatus, let names = model.rankings.flatMap(\.actors).first(where: { !$0.status.isEmpty })?.status.map(\.instrumentName) {
            line("<p class=\"legend\">\(h(m.statusLabel))\(m.colon)\(h(m.statusLegend(names))).</p>")
        }
        line("<h2>\(h(m.method))</h2>")
        for sentence in m.methodSentences(model.methodology, page: EditionLayout.methodologyPage).dropLast() { line("<p>\(h(sentence))</p>") }
        line("<p><a href=\"\(local(EditionLayout.methodologyPage))\">\(h(m.methodology))</a></p>")
    }

    // MARK: A card

    mutating func card(_ card: ReportModel.ActorCard) {
        let a = card.actor
        let d = card.detail
        line("<article class=\"card\">")
        line("<p class=\"muted\">\(h(m.kindName(d.kind))) · \(h(d.id))</p>")
        line("<p class=\"grade\">\(h(m.gradeLabel))\(m.colon)<b>\(h(m.grade(a)))</b>\(a.gradeLabel.map { " (\(h($0)))" } ?? "")"
             + (m.rankOf(a).map { " · \(h($0))" } ?? "") + " · \(h(m.eventsBehind(a)))</p>")
        if let why = m.whyNoGrade(a, minimumEvidence: model.methodology.minimumEvidence) { line("<p>\(h(why))</p>") }
        if !a.status.isEmpty { line("<p>\(h(m.statusLabel))\(m.colon)\(h(m.status(a)))</p>") }
        if !a.members.isEmpty { line("<p>\(h(m.groupOf)) \(h(a.members.map(\.name).joined(separator: ", ")))</p>") }
        // Chart and tables each in their own box: Charts writes its <figure>; a table scrolls in its region on a phone.
        line(HTMLPage.scrollingTableOpening(m, caption: m.pillar) + "<table class=\"faces\"><thead><tr><th scope=\"col\">\(h(m.pillar))</th><th scope=\"col\" class=\"num\">\(h(m.positive))</th><th scope=\"col\" class=\"num\">\(h(m.negative))</th></tr></thead><tbody>")
        line("<tr><th scope=\"row\">\(h(m.pick("All pillars", "Tous les piliers")))</th><td class=\"num\">\(h(m.face(a.positive)))</td><td class=\"num\">\(h(m.face(a.negative)))</td></tr>")
        for p in a.pillars { line("<tr><th scope=\"row\">\(h(p.name))</th><td class=\"num\">\(h(m.face(p.positive)))</td><td class=\"num\">\(h(m.face(p.negative)))</td></tr>") }
        line("</tbody></table></div>")
        line("<p>\(h(m.combined))\(m.colon)<b>\(h(m.number(a.combined)))</b></p>")
        if let previous = model.run.previousPeriod, a.change.change != nil {
            line("<p>\(h(m.changeSince(a, previous)))\(a.change.cause.map { "; \(h(m.causeLabel))\(m.colon)\(h(m.cause($0)))" } ?? "")</p>")
        }
        if let previous = model.edition.previous, let since = m.sinceEdition(a, previous) { line("<p>\(h(since))</p>") }
        if let i = a.rankInterval { line("<p>\(h(m.intervalSentence(i)))</p>") }

        line("<h2>\(h(m.indicatorsThatApply))</h2>")
        let applying = d.indicators.filter { $0.state != "not applicable" && $0.state != "in group" }
        if applying.isEmpty { line("<p>\(h(m.noIndicatorApplies))</p>") }
        line("<ul class=\"indicators\">")
        for i in applying {
            var item = "<li><b>\(h(i.code))</b> \(Messages.polaritySign(i.polarity)) \(h(i.name)): <b>\(h(m.value(i)))</b> · \(h(m.indicatorEvents(i)))"
            let carried = i.contributions.filter(\.carriesEvent)
            if !carried.isEmpty {
                item += "<ul>" + carried.map { c in
                    let others = i.contributions.filter { !$0.carriesEvent && $0.eventID != nil && $0.eventID == c.eventID }.map(\.recordID)
                    let id = c.recordType == "evidence" ? "<a href=\"#\(Escaping.anchor(c.recordID))\">\(h(c.recordID))</a>" : h(c.recordID)
                    return "<li>\(id) \(h(c.points.text))" + (others.isEmpty ? "" : " (+ \(h(others.joined(separator: ", "))))") + "</li>"
                }.joined() + "</ul>"
            }
            if i.omittedEvents > 0 { item += "<p class=\"muted\">\(h(m.omittedEvents(i, dataFile: EditionLayout.data("contributions.csv"))))</p>" }
            line(item + "</li>")
        }
        line("</ul>")
        if !d.evidence.isEmpty {
            line("<h2>\(h(m.evidenceCited))</h2>")
            for e in d.evidence {
                line("<section class=\"record\" id=\"\(Escaping.anchor(e.id))\"><h3>\(h(e.occurredOn)) · \(h(e.id))"
                     + (e.role == "counterpart" ? " <span class=\"muted\">(\(h(m.asCounterpart)))</span>" : "") + "</h3>")
                line("<p class=\"meta\">\(h(m.evidenceFacts(e))) · \(h(m.countsTowards))\(m.colon)\(h(m.contributions(e)))</p>")
                if let event = m.event(e) { line("<p class=\"meta\">\(h(event))</p>") }
                line("<p>\(h(e.summary))</p>")
                if !e.sources.isEmpty {
                    line("<ul class=\"sources\">" + e.sources.map { "<li>\(link($0.publisher, $0.url)) (\(h(m.reliability($0.reliability))))</li>" }.joined() + "</ul>")
                }
                for r in d.responses where r.evidenceID == e.id {
                    line("<blockquote class=\"response\"><p>\(h(m.responseLabel)) \(h(r.respondedOn)): \(h(r.summary)) (\(link(r.source.publisher, r.source.url)))</p></blockquote>")
                }
                line("</section>")
            }
        }
        if !d.commitments.isEmpty {
            line("<h2>\(h(m.commitmentsInForce)) (\(h(model.run.periodEnd)))</h2><ul>")
            for c in d.commitments { line("<li>\(h(c.id)): \(h(m.commitment(c))) (\(link(c.source.publisher, c.source.url)))</li>") }
            line("</ul>")
        }
        if !d.restatements.isEmpty {
            line("<h2>\(h(m.restatements))</h2><ul>")
            for r in d.restatements { line("<li>\(h(m.restatement(r)))</li>") }
            line("</ul>")
        }
        if !card.history.periods.isEmpty {
            line("<h2>\(h(m.history))</h2>")
            line(Charts.history(periods: card.history.periods, series: [
                Charts.HistorySeries(label: m.positive, values: card.history.positive.map(HTMLBody.double)),
                Charts.HistorySeries(label: m.negative, values: card.history.negative.map(HTMLBody.double)),
                Charts.HistorySeries(label: m.combined, values: card.history.combined.map(HTMLBody.double)),
            ], id: "history", messages: m))
            line(HTMLPage.scrollingTableOpening(m, caption: m.history) + "<table class=\"history\"><thead><tr><th scope=\"col\">\(h(m.period))</th><th scope=\"col\" class=\"num\">\(h(m.positive))</th><th scope=\"col\" class=\"num\">\(h(m.negative))</th><th scope=\"col\" class=\"num\">\(h(m.combined))</th></tr></thead><tbody>")
            for (index, period) in card.history.periods.enumerated() {
                line("<tr><th scope=\"row\">\(h(period))</th><td class=\"num\">\(h(m.number(card.history.positive[index])))</td><td class=\"num\">\(h(m.number(card.history.negative[index])))</td><td class=\"num\">\(h(m.number(card.history.combined[index])))</td></tr>")
            }
            line("</tbody></table></div>")
        }
        line("</article>")
    }
}
