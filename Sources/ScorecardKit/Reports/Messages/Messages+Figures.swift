/// Words and figures every format shows the same way (before its own escaping): grades, faces,
/// status, change, causes, indicator states, events, restatements, the edition.
extension Messages {
    public static let missing = "–"
    public var missing: String { Messages.missing }

    public func number(_ value: ReportNumber?) -> String { value?.text ?? missing }

    public func plural(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }

    public func kindTitle(_ kind: String) -> String {
        switch kind {
        case "state": return pick("States", "États")
        case "organisation": return pick("Organisations", "Organisations")
        case "vendor": return pick("Vendors", "Fournisseurs")
        case "investor": return pick("Investors", "Investisseurs")
        default: return kind.prefix(1).uppercased() + kind.dropFirst() + "s"
        }
    }

    public func kindName(_ kind: String) -> String {
        switch kind {
        case "state": return pick("state", "État")
        case "organisation": return pick("organisation", "organisation")
        case "vendor": return pick("vendor", "fournisseur")
        case "investor": return pick("investor", "investisseur")
        default: return kind
        }
    }

    public func actors(_ count: Int) -> String { plural(count, pick("actor", "acteur"), pick("actors", "acteurs")) }
    public func events(_ count: Int) -> String { plural(count, pick("conduct event", "fait de conduite"), pick("conduct events", "faits de conduite")) }
    public func records(_ count: Int) -> String {
        plural(count, pick("public evidence record", "élément de preuve public"), pick("public evidence records", "éléments de preuve publics"))
    }

    // MARK: Standing

    /// The grade, or why there is none.
    public func grade(_ a: ReportModel.RankedActor) -> String {
        if let grade = a.grade { return grade }
        if let group = a.groupID { return pick("scored in its group (\(group))", "noté dans son groupe (\(group))") }
        if a.noConduct { return pick("no conduct on record", "aucune conduite consignée") }
        if a.combined == nil { return pick("no score", "pas de score") }
        return pick("insufficient evidence", "preuves insuffisantes")
    }

    /// Why an actor has no grade, in a sentence; nil when it has one.
    public func whyNoGrade(_ a: ReportModel.RankedActor, minimumEvidence: Int) -> String? {
        if a.grade != nil { return nil }
        if let group = a.groupID {
            return pick("Its conduct is scored with its group's (\(group)): one act is counted once, for the group.",
                        "Sa conduite est notée avec celle de son groupe (\(group)) : un acte compte une fois, pour le groupe.")
        }
        if a.noConduct {
            return pick("No conduct is on record: commitments alone are words, and absence is not shown as balance.",
                        "Aucune conduite n'est consignée : des engagements seuls sont des paroles, et l'absence n'est pas présentée comme un équilibre.")
        }
        return pick("Fewer than \(events(minimumEvidence)) are behind its scores: no grade and no rank.",
                    "Moins de \(events(minimumEvidence)) fondent ses scores : ni note ni rang.")
    }

    /// A face's score, or "no evidence": never a number that reads as balance.
    public func face(_ value: ReportNumber?) -> String { value?.text ?? noEvidence }
    public var noEvidence: String { pick("no evidence", "aucune preuve") }
    public var notApplicable: String { pick("not applicable", "sans objet") }

    public var positive: String { pick("Positive", "Positif") }
    public var negative: String { pick("Negative", "Négatif") }
    public var combined: String { pick("Combined", "Combiné") }
    public var gradeLabel: String { pick("Grade", "Note") }
    public var rankLabel: String { pick("Rank", "Rang") }
    public var actorLabel: String { pick("Actor", "Acteur") }
    public var changeLabel: String { pick("Change", "Évolution") }
    public var intervalLabel: String { pick("5–95%", "5–95 %") }
    public var statusLabel: String { pick("Commitments", "Engagements") }

    public func rank(_ a: ReportModel.RankedActor) -> String { a.rank.map(String.init) ?? missing }

    public func rankOf(_ a: ReportModel.RankedActor) -> String? {
        a.rank.map { pick("rank \($0) of \(a.rankedInKind) \(kindTitle(a.kind).lowercased())",
                          "rang \($0) sur \(a.rankedInKind) \(kindTitle(a.kind).lowercased())") }
    }

    public func interval(_ a: ReportModel.RankedActor) -> String {
        guard let i = a.rankInterval else { return missing }
        return "\(i.p05)–\(i.p95)"
    }

    public func intervalSentence(_ i: ReportModel.RankInterval) -> String {
        pick("rank interval \(i.p05)–\(i.p95) (median \(i.median.text)) when the weights are perturbed; share of samples with another grade: \(i.gradeChangeShare.text)",
             "intervalle de rang \(i.p05)–\(i.p95) (médiane \(i.median.text)) quand les poids varient ; part des tirages avec une autre note : \(i.gradeChangeShare.text)")
    }

    // MARK: Status

    /// `Declaration committed 2024-02-06; Code not committed`.
    public func status(_ a: ReportModel.RankedActor) -> String { status(a.status) }

    public func status(_ status: [ReportModel.InstrumentStatus]) -> String {
        status.map { "\($0.instrumentName) " + statusWords($0) }.joined(separator: "; ")
    }

    public func statusWords(_ s: ReportModel.InstrumentStatus) -> String {
        switch s.status {
        case "committed": return pick("committed \(s.committedOn ?? "")", "engagé le \(s.committedOn ?? "")")
        case "withdrawn": return pick("withdrawn \(s.withdrawnOn ?? "") (committed \(s.committedOn ?? ""))",
                                      "retiré le \(s.withdrawnOn ?? "") (engagé le \(s.committedOn ?? ""))")
        default: return pick("not committed", "non engagé")
        }
    }

    /// ✓ committed, ✗ withdrawn, · not committed.
    public static func statusMark(_ s: ReportModel.InstrumentStatus) -> String {
        s.status == "committed" ? "✓" : s.status == "withdrawn" ? "✗" : "·"
    }

    public func statusLegend(_ names: [String]) -> String {
        pick("\(names.joined(separator: ", ")), in that order: ✓ committed, ✗ withdrawn, · not committed",
             "\(names.joined(separator: ", ")), dans cet ordre : ✓ engagé, ✗ retiré, · non engagé")
    }

    // MARK: Change

    /// `▲ +5.250`: the part of the change that is the actor's own conduct; `–` with no previous figure.
    public func change(_ a: ReportModel.RankedActor) -> String {
        guard let change = a.change.change else { return missing }
        if let parts = a.change.parts { return "\(a.change.direction.arrow) \(parts.conduct.signed)" }
        return "\(a.change.direction.arrow) \(change.signed)"
    }

    public var conductPart: String { pick("new conduct", "conduite nouvelle") }
    public var timePart: String { pick("time", "temps") }
    public var restatedPart: String { pick("restated", "reformulé") }

    /// `new conduct +1.500, time −0.200, restated +0.100`, largest first, zero parts left out.
    public func changeParts(_ a: ReportModel.RankedActor) -> String? {
        guard let p = a.change.parts else { return nil }
        let named = [(conductPart, p.conduct), (timePart, p.time), (restatedPart, p.restated)].filter { !$0.1.isZero }
        guard !named.isEmpty else { return nil }
        return named.sorted { abs($0.1.thousandths) > abs($1.1.thousandths) }.map { "\($0.0) \($0.1.signed)" }.joined(separator: ", ")
    }

    /// `▲ +5.250 since 2023 (new conduct +5.500, time -0.250)`, or `unchanged since 2023`.
    public func changeSince(_ a: ReportModel.RankedActor, _ previous: String) -> String {
        guard let change = a.change.change, !change.isZero else { return pick("unchanged since \(previous)", "inchangé depuis \(previous)") }
        // The arrow is the actor's own conduct's: a change that is only time or restated records has none.
        let arrow = a.change.direction == .up || a.change.direction == .down ? a.change.direction.arrow + " " : ""
        return pick("\(arrow)\(change.signed) since \(previous)", "\(arrow)\(change.signed) depuis \(previous)")
            + (changeParts(a).map { " (\($0))" } ?? "")
    }

    /// What the parts of a change mean, once per page that shows them.
    public var changeExplained: String {
        pick("Only the actor's own conduct in the period moves it (the arrow); older evidence weighing less (time) and records of the previous period known differently now (restated) are parts of the change, never shown as a move.",
             "Seule la conduite de l'acteur pendant la période le fait bouger (la flèche) ; le poids moindre des preuves anciennes (temps) et les faits de la période précédente connus autrement aujourd'hui (reformulé) sont des parts de l'évolution, jamais présentées comme un mouvement.")
    }

    /// `evidence alpha-misuse (Summary.), -63.212 indicator points`.
    public func cause(_ c: ReportModel.Cause, short: Bool = false) -> String {
        let description = short ? TextLayout.truncate(c.description, 40) : c.description
        return pick("\(c.type) \(c.id) (\(description)), \(c.points.signed) indicator points",
                    "\(c.type == "evidence" ? "preuve" : "engagement") \(c.id) (\(description)), \(c.points.signed) points d'indicateur")
    }

    public var causeLabel: String { pick("cause", "cause") }

    /// `▼ -2.718 since the 2025-Q3 edition (D → E); of it, …`: only where it tells something the
    /// like-for-like change does not (the data or the methodology changed since that edition).
    public func sinceEdition(_ a: ReportModel.RankedActor, _ previous: ReportModel.PreviousEdition) -> String? {
        guard let since = a.sinceEdition, let change = since.change,
              change != a.change.change || since.previousGrade != nil && since.previousGrade != a.grade && a.change.change == nil else { return nil }
        let arrow = change.isZero ? "–" : change.isNegative ? "▼" : "▲"
        var text = pick("\(arrow) \(change.signed) since the \(previous.period) edition as published",
                        "\(arrow) \(change.signed) depuis l'édition \(previous.period) telle que publiée")
        if let before = since.previousGrade, let now = a.grade, before != now { text += " (\(before) → \(now))" }
        if let republished = since.sincePublished, !republished.isZero {
            text += pick("; of it, ", " ; dont ")
                + (since.methodologyChanged ? pick("the change of method", "le changement de méthode")
                                            : pick("records of \(previous.period) known differently now", "des faits de \(previous.period) connus autrement aujourd'hui"))
                + " \(republished.signed)"
        }
        return text
    }

    // MARK: Indicators and evidence

    public func state(_ state: String) -> String {
        switch state {
        case "no evidence": return noEvidence
        case "not applicable": return notApplicable
        case "in group": return pick("in group", "dans le groupe")
        case "scored": return pick("scored", "noté")
        default: return state
        }
    }

    public func value(_ i: ReportModel.IndicatorLine) -> String {
        i.state == "scored" ? (i.value?.text ?? missing) : state(i.state)
    }

    /// `3 events`, `2 commitments`, and `(10 cited)` when a card cites fewer than there are.
    public func indicatorEvents(_ i: ReportModel.IndicatorLine) -> String {
        if i.state == "not applicable" || i.state == "in group" { return "" }
        let text = i.kind == "commitment"
            ? plural(i.events, pick("commitment", "engagement"), pick("commitments", "engagements"))
            : plural(i.events, pick("event", "fait"), pick("events", "faits"))
        return text + (i.omittedEvents > 0 ? pick(" (\(i.citedEvents) cited)", " (\(i.citedEvents) cités)") : "")
    }

    public func omittedEvents(_ i: ReportModel.IndicatorLine, dataFile: String) -> String {
        pick("\(plural(i.omittedEvents, "more event", "more events")) behind this value, not cited here: every contribution is in \(dataFile).",
             "\(plural(i.omittedEvents, "autre fait", "autres faits")) derrière cette valeur, non cités ici : toutes les contributions sont dans \(dataFile).")
    }

    public static func polaritySign(_ polarity: String) -> String { polarity == "positive" ? "+" : "−" }

    public func polarity(_ polarity: String) -> String { polarity == "positive" ? pick("positive", "positif") : pick("negative", "négatif") }

    public func commitment(_ c: ReportModel.CommitmentLine) -> String {
        pick("\(c.kind) \(c.instrumentTitle) (\(c.instrumentID)) on \(c.committedOn)" + (c.withdrawnOn.map { ", withdrawn \($0)" } ?? ""),
             "\(c.kind) \(c.instrumentTitle) (\(c.instrumentID)) le \(c.committedOn)" + (c.withdrawnOn.map { ", retiré le \($0)" } ?? ""))
    }

    /// `event ev-1 with ev-2, ev-3: this record carries it (counted once)`; nil for a record that is its own event.
    public func event(_ e: ReportModel.EvidenceLine) -> String? {
        guard !e.sameEvent.isEmpty || e.eventID != e.id else { return nil }
        let others = e.sameEvent.isEmpty ? "" : pick(" with ", " avec ") + e.sameEvent.joined(separator: ", ")
        return pick("event", "fait") + " \(e.eventID)\(others): "
            + (e.carriesEvent ? pick("this record carries it (counted once)", "cet élément le porte (compté une fois)")
                              : pick("this record corroborates it (0 points)", "cet élément le corrobore (0 point)"))
    }

    public func contributions(_ e: ReportModel.EvidenceLine) -> String {
        e.contributions.map { "\($0.indicator) \($0.points.text)" }.joined(separator: ", ")
    }

    public func evidenceFacts(_ e: ReportModel.EvidenceLine) -> String {
        pick("\(e.typeName); \(e.certainty); severity \(e.severity); published \(e.publishedOn)",
             "\(e.typeName) ; \(e.certainty) ; gravité \(e.severity) ; publié le \(e.publishedOn)")
    }

    public var asCounterpart: String { pick("as counterpart", "comme contrepartie") }
    public var countsTowards: String { pick("counts towards", "compte pour") }
    public var sourceLabel: String { pick("source", "source") }
    public func reliability(_ r: String) -> String { pick("reliability \(r)", "fiabilité \(r)") }
    public var responseLabel: String { pick("response", "réponse") }

    // MARK: Restatements and the edition

    /// `2025-Q4 (edition of 2026-01-01): combined 37.028 (D) as published, 34.310 (E) as known on
    /// 2026-02-01; recorded late: ev-1 (+1.250 points)`.
    public func restatement(_ r: ReportModel.RestatementLine) -> String {
        func figure(_ value: ReportNumber?, _ grade: String?) -> String { number(value) + (grade.map { " (\($0))" } ?? "") }
        var text = pick("\(r.period) (edition of \(r.editionPublishedOn)): combined \(figure(r.publishedCombined, r.publishedGrade)) as published, "
                            + "\(figure(r.restatedCombined, r.restatedGrade)) as known on \(r.recordedOn)",
                        "\(r.period) (édition du \(r.editionPublishedOn)) : combiné \(figure(r.publishedCombined, r.publishedGrade)) tel que publié, "
                            + "\(figure(r.restatedCombined, r.restatedGrade)) tel que connu le \(r.recordedOn)")
        if r.previousCombined != r.publishedCombined {
            text += pick(" (\(number(r.previousCombined)) as known before)", " (\(number(r.previousCombined)) tel que connu auparavant)")
        }
        let byCause = Dictionary(grouping: r.causes, by: \.cause)
        for cause in Messages.restatementCauseOrder where byCause[cause] != nil {
            let records = byCause[cause]!.compactMap { c -> String? in
                guard let id = c.recordID else { return nil }
                let noun = c.recordTable == "sources" ? pick("source ", "source ") : c.recordTable == "commitments" ? pick("commitment ", "engagement ") : ""
                return noun + id + (c.points.map { pick(" (\($0.signed) points)", " (\($0.signed) points)") } ?? "")
            }
            text += pick("; ", " ; ") + restatementCause(cause) + (records.isEmpty ? "" : pick(": ", " : ") + records.joined(separator: ", "))
        }
        return text
    }

    /// A restatement among the key findings: the actor, then the whole restatement with its causes.
    public func restatementFinding(_ r: ReportModel.RestatementLine) -> String {
        r.actorName + pick(": ", " : ") + restatement(r)
    }

    /// The kinds of cause of a restatement, in the order reports list them.
    public static let restatementCauseOrder = ["late_recorded", "published_later", "corrected", "removed", "methodology", "other"]

    public func restatementCause(_ cause: String) -> String {
        switch cause {
        case "late_recorded": return pick("recorded late", "consigné tardivement")
        case "published_later": return pick("published later", "publié plus tard")
        case "corrected": return pick("corrected", "corrigé")
        case "removed": return pick("removed", "retiré")
        case "methodology": return pick("another methodology", "une autre méthodologie")
        default: return pick("other changes of the data", "autres changements des données")
        }
    }

    /// What the report is, in one sentence: an edition (and of when), or not one.
    public func edition(_ m: ReportModel) -> String {
        let e = m.edition
        guard e.published, let on = e.publishedOn else {
            return m.run.provisional
                ? pick("Provisional: the period is not complete; this is no edition and will change.",
                       "Provisoire : la période n'est pas close ; ceci n'est pas une édition et changera.")
                : pick("Not published as an edition: these figures may still change.",
                       "Non publié comme édition : ces chiffres peuvent encore changer.")
        }
        var text = pick("Edition of \(m.run.period), published \(on)", "Édition \(m.run.period), publiée le \(on)")
        if e.backfill {
            text += pick(", as part of a back-filled history (published at once, not when the period was due)",
                         ", au sein d'un historique rétabli (publié d'un coup, non à l'échéance de la période)")
        }
        if let p = e.previous {
            text += pick(". Previous edition: \(p.period), published \(p.publishedOn)\(p.backfill ? " (back-fill)" : "")",
                         ". Édition précédente : \(p.period), publiée le \(p.publishedOn)\(p.backfill ? " (rétablie)" : "")")
            if p.methodologyVersion != m.methodology.version {
                text += pick(" under methodology version \(p.methodologyVersion); this edition uses \(m.methodology.version), so its change since then is not like for like",
                             " sous la version \(p.methodologyVersion) de la méthodologie ; cette édition suit la \(m.methodology.version) : l'évolution depuis n'est pas à méthode constante")
            }
        } else {
            text += pick(". It is the first edition of this methodology", ". C'est la première édition de cette méthodologie")
        }
        return text + "."
    }

    public var restatementsTitle: String { pick("Restatements since the previous edition", "Reformulations depuis l'édition précédente") }
    public var noRestatements: String { pick("none: no published figure is known differently now", "aucune : aucun chiffre publié n'est connu autrement aujourd'hui") }
    public var none: String { pick("none", "aucun") }
}
