/// The report as GitHub Flavored Markdown: headings, tables and links, every value from the
/// data escaped (`Escaping.markdown`), so a `|` or `*` in a summary stays text.
public enum MarkdownReport {
    public static func render(_ model: ReportModel) -> String {
        var r = MarkdownRenderer(model: model)
        r.render()
        return r.out
    }
}

private struct MarkdownRenderer {
    let model: ReportModel
    var out = ""

    init(model: ReportModel) { self.model = model }

    func e(_ text: String) -> String { Escaping.markdown(text) }
    func link(_ text: String, _ url: String) -> String { Escaping.markdownLink(text, url) }

    mutating func line(_ text: String = "") { out += text + "\n" }

    mutating func table(_ header: [String], align: [String], _ rows: [[String]]) {
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + align.joined(separator: "|") + "|")
        for row in rows { line("| " + row.joined(separator: " | ") + " |") }
        line()
    }

    func bar(_ value: ReportNumber?) -> String { value == nil ? "" : "`\(TextLayout.bar(value))`" }

    func actorLink(_ id: String, _ name: String) -> String {
        model.actors.contains { $0.id == id } ? "[\(e(name))](#\(Escaping.anchor(id)))" : e(name)
    }

    mutating func render() {
        let m = model.methodology
        let r = model.run
        line("# \(e(m.title)): \(e(r.period))" + (r.actorFilter.map { ", \(e($0))" } ?? ""))
        line()
        var facts: [[String]] = [
            ["Period", "\(e(r.period)) (\(r.periodStart) to \(r.periodEnd))"],
            ["Methodology", "\(e(m.id)), version \(e(m.version))"],
            ["Methodology SHA-256", e(m.sha256)],
            ["Dataset SHA-256", e(r.datasetSHA256)],
            ["Score run", "sha256 \(r.id.prefix(16))… (\(r.basis == "as_published" ? "as published" : e(r.basis)))"],
            ["Knowledge cutoff", "evidence published by \(r.knowledgeCutoff)"],
            ["Provisional", r.provisional ? "**yes**: the period had not ended when the data was loaded; later evidence may still count" : "no"],
        ]
        if let s = r.sensitivity { facts.append(["Sensitivity analysis", "\(s.samples) samples, seed \(s.seed)"]) }
        if let p = r.previousPeriod { facts.append(["Compared with", e(p)]) }
        facts.append(["Edition", e(ReportWording.edition(model))])
        table(["Report", ""], align: ["---", "---"], facts)
        restatements()
        rankings()
        if !model.actors.isEmpty {
            line("## Actors")
            line()
            for actor in model.actors { section(actor) }
        }
        coverage()
        methodology()
    }

    /// Every restatement of an earlier edition recorded since the previous edition was published.
    mutating func restatements() {
        line("## Restatements since the previous edition")
        line()
        if model.edition.restatements.isEmpty { line("None: no published figure is known differently now.") }
        for r in model.edition.restatements { line("- \(e(r.actorName)) (\(e(r.actorID))), \(e(ReportWording.restatement(r)))") }
        line()
    }

    mutating func rankings() {
        line("## Rankings")
        line()
        var legend = "Scores run from 0 to 100; combined = (100 + positive − negative) / 2. A face without conduct on record "
            + "shows no evidence (–), and an actor with no conduct on record has no combined score and no grade; an entity of a "
            + "corporate group is scored in its group."
        if let s = model.run.sensitivity {
            legend += " Rank 5–95% is the interval of ranks when the weights are perturbed (\(s.samples) samples, seed \(s.seed))."
        }
        if let p = model.run.previousPeriod {
            legend += " Change is the part of the combined score's change since \(e(p)) that is the actor's own conduct in the period, "
                + "and its cause the record of new conduct that moved it most; the rest (older evidence weighing less, records of "
                + "\(e(p)) known differently now) is in each actor's section, never shown as a move."
        } else {
            legend += " There is no previous period under this methodology version, so no change is shown."
        }
        line(legend)
        line()
        for ranking in model.rankings {
            let ranked = ranking.actors.first?.rankedInKind ?? 0
            line("### \(e(ReportModel.kindTitle(ranking.kind)))")
            line()
            line("\(ranked) of \(ReportWording.plural(ranking.actors.count, "actor")) ranked.")
            line()
            let statusNames = ranking.actors.first { !$0.status.isEmpty }?.status.map(\.instrumentName) ?? []
            let rows = ranking.actors.filter { $0.groupID == nil }.map { a -> [String] in
                var name = actorLink(a.id, a.name)
                if !a.members.isEmpty { name += " (group of " + a.members.map { e($0.name) }.joined(separator: ", ") + ")" }
                return [
                    ReportWording.rank(a), name, ReportWording.number(a.positive), ReportWording.number(a.negative),
                    ReportWording.number(a.combined), bar(a.combined),
                    a.grade.map { "**\(e($0))**" } ?? "*\(ReportWording.grade(a))*",
                    ReportWording.interval(a), ReportWording.change(a),
                    a.change.cause.map { e(ReportWording.cause($0, short: true)) } ?? "",
                ] + (statusNames.isEmpty ? [] : a.status.map { e(ReportWording.statusCell($0)) })
            }
            table(["Rank", "Actor", "Positive", "Negative", "Combined", "0–100", "Grade", "Rank 5–95%", "Change", "Cause of the change"]
                    + statusNames.map(e),
                  align: ["---:", "---", "---:", "---:", "---:", "---", "---", "---", "---", "---"] + statusNames.map { _ in "---" }, rows)
        }
    }

    mutating func section(_ d: ReportModel.ActorDetail) {
        guard let a = model.ranked(d.id) else { return }
        line("<a id=\"\(Escaping.anchor(d.id))\"></a>")
        line()
        line("### \(e(d.name)) (\(e(d.id)))")
        line()
        var standing = [e(d.kind.prefix(1).uppercased() + d.kind.dropFirst())]
        if let rank = a.rank { standing.append("rank \(rank) of \(a.rankedInKind)") }
        standing.append(a.grade.map { "grade **\(e($0))**" } ?? "*\(ReportWording.grade(a))*")
        standing.append(ReportWording.plural(a.events, "conduct event") + " (" + ReportWording.plural(a.evidenceRecords, "public evidence record")
                        + ") behind the scores")
        if !a.status.isEmpty { standing.append(e(ReportWording.status(a))) }
        if !a.members.isEmpty { standing.append("group of " + a.members.map { e($0.name) }.joined(separator: ", ")) }
        line(standing.joined(separator: " · "))
        line()
        table(["Score", "Value", "0–100"], align: ["---", "---:", "---"], [
            ["Positive", ReportWording.face(a.positive), bar(a.positive)],
            ["Negative", ReportWording.face(a.negative), bar(a.negative)],
            ["Combined", ReportWording.number(a.combined), bar(a.combined)],
        ])
        if a.change.change != nil, let previous = model.run.previousPeriod {
            var text = e(ReportWording.changeSince(a, previous)).capitalizedFirst
            if let cause = a.change.cause { text += "; cause: \(e(ReportWording.cause(cause)))" }
            line(text + ".")
            line()
        }
        if let previous = model.edition.previous, let since = ReportWording.sinceEdition(a, previous) {
            line(e(since).capitalizedFirst + " as published (the change above is like for like, both periods on today's data).")
            line()
        }
        if let i = a.rankInterval {
            line("Rank interval \(i.p05)–\(i.p95) (median \(i.median.text)); the grade differs in a share of \(i.gradeChangeShare.text) of samples.")
            line()
        }

        line("#### Commitments in force at \(model.run.periodEnd)")
        line()
        if d.commitments.isEmpty { line("None.") }
        for c in d.commitments {
            line("- \(e(c.id)): \(e(ReportWording.commitment(c))). Source: \(link(c.source.publisher, c.source.url))")
        }
        line()

        line("#### Indicators")
        line()
        table(["Code", "Indicator", "Polarity", "Pillar", "Kind", "Value", "Behind it"],
              align: ["---", "---", "---", "---", "---", "---:", "---"],
              d.indicators.map { i in
                  [e(i.code), e(i.name), i.polarity, e(i.pillar), i.kind,
                   i.state == "scored" ? ReportWording.value(i) : "*\(i.state)*", ReportWording.records(i)]
              })

        line("#### Public evidence cited")
        line()
        if d.evidence.isEmpty { line("None.") }
        for ev in d.evidence {
            var text = "- **\(e(ev.occurredOn))** \(e(ev.id))\(ev.role == "counterpart" ? " (as counterpart)" : ""): \(e(ev.summary))"
            text += " *\(e(ev.typeName)); \(ev.certainty); severity \(ev.severity); published \(e(ev.publishedOn)); "
            text += "counts towards \(e(ReportWording.contributions(ev)))" + (ReportWording.event(ev).map { "; " + e($0) } ?? "") + ".*"
            if !ev.sources.isEmpty {
                text += " Sources: " + ev.sources.map { "\(link($0.publisher, $0.url)) (reliability \(e($0.reliability)))" }.joined(separator: ", ")
            }
            line(text)
        }
        line()

        line("#### Breaches")
        line()
        if d.breaches.isEmpty { line("None.") }
        for b in d.breaches { line("- \(e(b.indicator)): \(e(b.evidenceID)), \(b.points.text) points: \(e(b.summary))") }
        line()

        line("#### Responses (right of reply)")
        line()
        if d.responses.isEmpty { line("None.") }
        for r in d.responses {
            line("- **\(e(r.respondedOn))** \(e(r.id)), to \(e(r.evidenceID)): \(e(r.summary)) Source: \(link(r.source.publisher, r.source.url))")
        }
        line()

        line("#### Restatements")
        line()
        if d.restatements.isEmpty { line("None.") }
        for r in d.restatements { line("- \(e(ReportWording.restatement(r)))") }
        line()
    }

    mutating func coverage() {
        let c = model.coverage
        line("## Coverage")
        line()
        line("Actors with no public evidence on record by \(model.run.knowledgeCutoff):")
        line()
        if c.actorsWithoutEvidence.isEmpty { line("None.") }
        for a in c.actorsWithoutEvidence { line("- \(e(a.name)) (\(e(a.id)), \(e(a.kind)))") }
        line()
        line("Indicators with thin evidence (scored for fewer than \(c.threshold) actors):")
        line()
        if c.thinIndicators.isEmpty {
            line("None.")
            line()
        } else {
            table(["Code", "Indicator", "Scored for", "Applicable to"], align: ["---", "---", "---:", "---:"],
                  c.thinIndicators.map { [e($0.code), e($0.name), String($0.scoredActors), String($0.applicableActors)] })
        }
    }

    mutating func methodology() {
        let m = model.methodology
        line("## Methodology")
        line()
        line("\(e(m.title)) (\(e(m.id)), version \(e(m.version))), published by \(m.periodKind).")
        if let description = m.description, !description.isEmpty {
            line()
            line(Escaping.markdownParagraph(description))
        }
        for sentence in ReportWording.methodSentences(m) {
            line()
            line(Escaping.markdownParagraph(sentence))
        }
        line()
        line("The full method, with every formula: [\(e(m.document))](../\(m.document)).")
    }
}

extension String {
    /// The first letter upper-cased (`▲ +1.000 since 2023` is left as it is).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
