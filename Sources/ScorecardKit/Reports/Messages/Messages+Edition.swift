import Foundation

/// The edition's headings, fields and generated sentences: the summary and the report cards, in
/// every format.
extension Messages {
    public func scorecardFor(_ period: String) -> String { pick("Accountability scorecard for \(period)", "Tableau de redevabilité pour \(period)") }
    /// `: ` in English, ` : ` in French (a thin space before the colon is typography; a space reads the same in 80 columns).
    public var colon: String { pick(": ", " : ") }
    public var summaryTitle: String { pick("Summary", "Synthèse") }
    public var keyFindings: String { pick("Key findings", "Constats principaux") }
    public var rankings: String { pick("Rankings", "Classements") }
    public var pillars: String { pick("Pillars", "Piliers") }
    public var pillar: String { pick("Pillar", "Pilier") }
    public var indicatorsThatApply: String { pick("Indicators that apply (+ positive, − negative)", "Indicateurs applicables (+ positif, − négatif)") }
    public var evidenceCited: String { pick("Public evidence cited", "Preuves publiques citées") }
    public var commitmentsInForce: String { pick("Commitments in force", "Engagements en vigueur") }
    public var responses: String { pick("Responses (right of reply)", "Réponses (droit de réponse)") }
    public var restatements: String { pick("Restatements", "Reformulations") }
    public var history: String { pick("History", "Historique") }
    public var coverage: String { pick("Coverage", "Couverture") }
    public var method: String { pick("Method", "Méthode") }
    public var methodology: String { pick("Methodology", "Méthodologie") }
    public var data: String { pick("Data", "Données") }
    public var period: String { pick("Period", "Période") }
    public var reportCard: String { pick("Report card", "Fiche") }
    public var whyThisGrade: String { pick("Why this grade", "Pourquoi cette note") }
    public var groupOf: String { pick("group of", "groupe de") }
    public var inGroup: String { pick("in the group", "dans le groupe") }

    public func periodRange(_ r: ReportModel.RunInfo) -> String { pick("\(r.period) (\(r.periodStart) to \(r.periodEnd))", "\(r.period) (du \(r.periodStart) au \(r.periodEnd))") }
    public func methodologyVersion(_ m: ReportModel.MethodologyInfo) -> String { pick("\(m.id), version \(m.version)", "\(m.id), version \(m.version)") }
    public var methodSHA: String { pick("Method SHA-256", "SHA-256 méthode") }
    public var dataSHA: String { pick("Data SHA-256", "SHA-256 données") }
    public var scoreRun: String { pick("Score run", "Calcul") }
    public var cutoff: String { pick("Cutoff", "Date de coupure") }
    public func cutoffSentence(_ r: ReportModel.RunInfo) -> String {
        pick("evidence published by \(r.knowledgeCutoff)", "preuves publiées au plus tard le \(r.knowledgeCutoff)")
    }
    public var editionLabel: String { pick("Edition", "Édition") }

    public func ranked(_ ranked: Int, of total: Int) -> String { pick("\(ranked) of \(total) ranked", "\(ranked) classés sur \(total)") }

    // MARK: Key findings

    public func finding(_ f: ReportModel.KeyFinding) -> String {
        let on = f.on.map { " (\($0))" } ?? ""
        switch f.kind {
        case .mover:
            return pick("\(f.actorName): \(f.points?.signed ?? "") by its own conduct", "\(f.actorName) : \(f.points?.signed ?? "") du fait de sa conduite")
                + (f.recordID.map { pick(", mostly \($0)", ", surtout \($0)") + (f.subject.isEmpty ? "" : ": \(Messages.firstWords(f.subject, 90))") } ?? "")
        case .breach:
            return pick("\(f.actorName): breach, \(f.subject)\(on), \(f.recordID ?? "")", "\(f.actorName) : manquement, \(f.subject)\(on), \(f.recordID ?? "")")
        case .commitment:
            return pick("\(f.actorName) committed to \(f.subject)\(on)", "\(f.actorName) s'est engagé : \(f.subject)\(on)")
        case .withdrawal:
            return pick("\(f.actorName) withdrew from \(f.subject)\(on)", "\(f.actorName) s'est retiré : \(f.subject)\(on)")
        case .measure:
            return pick("\(f.actorName): \(f.subject)\(on)", "\(f.actorName) : \(f.subject)\(on)")
        case .measureEnded:
            return pick("\(f.actorName): \(f.subject) ended\(on)", "\(f.actorName) : fin de \(f.subject)\(on)")
        case .restatement:
            return pick("\(f.actorName): the \(f.on ?? "") edition restated, combined \(number(f.was)) as published, \(number(f.points)) now",
                        "\(f.actorName) : édition \(f.on ?? "") reformulée, combiné \(number(f.was)) tel que publié, \(number(f.points)) aujourd'hui")
        }
    }

    /// `Pall Mall Code of Practice (2025-04-04): 22 commitments` — the names follow.
    public func findingGroupHeading(_ g: ReportModel.FindingGroup) -> String {
        let f = g.findings[0]
        let on = f.on.map { " (\($0))" } ?? ""
        return g.kind == .withdrawal
            ? pick("\(f.subject)\(on), withdrawn by \(actors(g.findings.count))", "\(f.subject)\(on), retiré par \(actors(g.findings.count))")
            : pick("\(f.subject)\(on), committed to by \(actors(g.findings.count))", "\(f.subject)\(on), engagement de \(actors(g.findings.count))")
    }

    /// At most `limit` characters, cut at a word with an ellipsis.
    static func firstWords(_ text: String, _ limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }

    public func findingHeading(_ kind: ReportModel.KeyFinding.Kind) -> String {
        switch kind {
        case .mover: return pick("Largest moves by the actors' own conduct", "Plus forts mouvements dus à la conduite des acteurs")
        case .breach: return pick("New breaches of commitments", "Nouveaux manquements aux engagements")
        case .commitment: return pick("New commitments", "Nouveaux engagements")
        case .withdrawal: return pick("Commitments withdrawn", "Engagements retirés")
        case .measure: return pick("Measures imposed", "Mesures imposées")
        case .measureEnded: return pick("Measures ended", "Mesures levées ou expirées")
        case .restatement: return pick("Earlier editions restated", "Éditions antérieures reformulées")
        }
    }

    public var noFindings: String { pick("Nothing new in the period: no move by conduct, breach, commitment or measure.",
                                         "Rien de nouveau dans la période : ni mouvement dû à la conduite, ni manquement, ni engagement, ni mesure.") }
    public func andMore(_ count: Int) -> String { pick("and \(count) more", "et \(count) de plus") }

    // MARK: The unranked

    public func noConductList(_ count: Int) -> String {
        pick("No conduct on record (\(count)): no combined score and no grade; absence is not balance. Marks for those with a commitment:",
             "Aucune conduite consignée (\(count)) : ni score combiné ni note ; l'absence n'est pas un équilibre. Marques pour ceux qui ont un engagement :")
    }

    public var insufficientFootnote: String { pick("insufficient evidence: no grade and no rank", "preuves insuffisantes : ni note ni rang") }

    public func whereTheRestIs(cards: String, data: String) -> String {
        pick("Every actor has a report card (\(cards)); every figure is in \(data).",
             "Chaque acteur a sa fiche (\(cards)) ; chaque chiffre est dans \(data).")
    }

    public func rankingsLegend(sensitivity: ReportModel.SensitivityInfo?, previous: String?) -> String {
        var text = pick("Pos., Neg., Comb.: the positive, negative and combined scores, 0–100; – on a face: no evidence on it. ",
                        "Pos., Nég., Comb. : scores positif, négatif et combiné, de 0 à 100 ; – sur une face : aucune preuve. ")
        if let s = sensitivity {
            text += pick("5–95%: the rank interval when the weights are perturbed (\(s.samples) samples, seed \(s.seed)). ",
                         "5–95 % : l'intervalle de rang quand les poids varient (\(s.samples) tirages, graine \(s.seed)). ")
        }
        if let previous {
            text += pick("Change: since \(previous), the part that is the actor's own conduct.", "Évolution : depuis \(previous), la part due à la conduite de l'acteur.")
        } else {
            text += pick("Change: no previous period under this methodology version.", "Évolution : pas de période précédente sous cette version de la méthodologie.")
        }
        return text
    }

    public var shortPositive: String { pick("Pos.", "Pos.") }
    public var shortNegative: String { pick("Neg.", "Nég.") }
    public var shortCombined: String { pick("Comb.", "Comb.") }
    public var shortGrade: String { pick("Gr.", "Note") }
    public var shortStatus: String { pick("Cmt", "Eng.") }

    // MARK: Coverage and method

    public func thinIndicator(_ i: ReportModel.ThinIndicator) -> String {
        pick("\(i.code) \(i.name): scored for \(i.scoredActors) of \(i.applicableActors) applicable actors",
             "\(i.code) \(i.name) : noté pour \(i.scoredActors) des \(i.applicableActors) acteurs concernés")
    }

    /// `S-P1 (1 of 205)`.
    public func thinIndicatorShort(_ i: ReportModel.ThinIndicator) -> String {
        pick("\(i.code) (\(i.scoredActors) of \(i.applicableActors))", "\(i.code) (\(i.scoredActors) sur \(i.applicableActors))")
    }

    public func thinIndicators(_ threshold: Int) -> String {
        pick("Indicators with thin evidence (scored for fewer than \(threshold) actors)", "Indicateurs aux preuves minces (notés pour moins de \(threshold) acteurs)")
    }

    public func withoutEvidence(_ cutoff: String, _ count: Int) -> String {
        pick("\(actors(count)) with no public evidence on record by \(cutoff).", "\(actors(count)) sans preuve publique consignée au \(cutoff).")
    }

    /// The method in a few sentences, with where to read it whole.
    public func methodSentences(_ m: ReportModel.MethodologyInfo, page: String) -> [String] {
        [
            pick("Each indicator is a value from 0 to 100 computed from commitments in force or from dated, sourced evidence; each act (an event) counts once, however many records report it. \"no evidence\" means nothing is on record (never a zero); \"not applicable\" means the indicator does not concern the actor.",
                 "Chaque indicateur est une valeur de 0 à 100 calculée à partir d'engagements en vigueur ou de preuves datées et sourcées ; chaque acte (un fait) compte une fois, quel que soit le nombre d'éléments qui le rapportent. « aucune preuve » signifie que rien n'est consigné (jamais un zéro) ; « sans objet » que l'indicateur ne concerne pas l'acteur."),
            pick("A period uses only what was published by its end. A published edition never changes: what later data or a later methodology changes is shown as a restatement in the next edition.",
                 "Une période n'utilise que ce qui était publié à sa fin. Une édition publiée ne change jamais : ce que des données ou une méthodologie ultérieures modifient apparaît comme une reformulation dans l'édition suivante."),
            pick("The whole method, with every indicator, formula and grade band: \(page).", "La méthode entière, avec chaque indicateur, formule et seuil de note : \(page)."),
        ]
    }

    // MARK: Cards

    public func cardTitle(_ d: ReportModel.ActorDetail) -> String { "\(d.name) (\(d.id)), \(kindName(d.kind))" }
    public func eventsBehind(_ a: ReportModel.RankedActor) -> String {
        pick("\(events(a.events)) (\(records(a.evidenceRecords))) behind the scores", "\(events(a.events)) (\(records(a.evidenceRecords))) fondent les scores")
    }
    public var noIndicatorApplies: String { pick("no indicator applies", "aucun indicateur applicable") }
    public func scoredInGroup(_ group: String) -> String {
        pick("Conduct scored in its group: see \(group).", "Conduite notée dans son groupe : voir \(group).")
    }
    public var historyGap: String { pick("– no figure in that period", "– pas de chiffre pour cette période") }
    public var answers: String { pick("answers", "répond à") }
    public func changeSinceLabel(_ previous: String) -> String { pick("Change since \(previous)", "Évolution depuis \(previous)") }
    public var noPreviousPeriod: String { pick("no previous period", "pas de période précédente") }
    public var summaryLink: String { pick("the summary", "la synthèse") }
}
