/// The words of `methodology.html` (`MethodologyPage`): the method in full, as docs/methodology.md
/// states it, for a reader who has only the edition. Names start with `methodology`, so that no
/// other page's messages clash with them. Formulas keep their symbols in every language.
extension Messages {
    public var methodologyTitle: String { pick("Methodology", "Méthodologie") }
    public var methodologyContents: String { pick("On this page", "Sur cette page") }

    // MARK: Facts

    public var methodologyIdentifier: String { pick("Identifier", "Identifiant") }
    public var methodologyVersion: String { pick("Version", "Version") }
    public var methodologyPeriodKind: String { pick("Published every", "Publication") }
    public func methodologyPeriod(_ kind: String) -> String {
        switch kind {
        case "quarter": return pick("quarter", "trimestrielle")
        case "year": return pick("year", "annuelle")
        default: return kind
        }
    }
    public var methodologyMinimumEvidence: String { pick("Minimum evidence for a grade", "Minimum d’éléments pour une note") }
    public func methodologyMinimumEvidenceValue(_ count: Int) -> String {
        pick("\(count) conduct \(count == 1 ? "event" : "events")", "\(count) \(count == 1 ? "fait" : "faits") de conduite")
    }
    public var methodologyRestricted: String { pick("Restricted evidence", "Éléments à diffusion restreinte") }
    public func methodologyRestrictedValue(_ value: String) -> String {
        value == "include"
            ? pick("scored (internal runs only: such scores are never published)", "comptés (calculs internes uniquement : ces scores ne sont jamais publiés)")
            : pick("not scored: every published figure rests on public records only", "non comptés : chaque chiffre publié repose sur des documents publics uniquement")
    }
    public var methodologySHA256: String { pick("SHA-256 of the methodology file", "SHA-256 du fichier de méthodologie") }
    public var methodologySHA256Note: String {
        pick("Every figure of the edition names this digest: a figure computed under another file would name another.",
             "Chaque chiffre de l’édition porte cette empreinte : un chiffre calculé selon un autre fichier en porterait une autre.")
    }

    // MARK: Pillars and indicators

    public var methodologyPillars: String { pick("Pillars", "Piliers") }
    public var methodologyPillarsIntro: String {
        pick("Every indicator belongs to one pillar. An actor’s positive and negative scores are the pillar-weighted means of its pillar scores; the weights add up to 1.",
             "Chaque indicateur relève d’un pilier. Les scores positif et négatif d’un acteur sont les moyennes de ses scores par pilier, pondérées par les poids des piliers, dont la somme vaut 1.")
    }
    public var methodologyPillar: String { pick("Pillar", "Pilier") }
    public var methodologyWeight: String { pick("Weight", "Poids") }

    public var methodologyIndicators: String { pick("Indicators", "Indicateurs") }
    public var methodologyIndicatorsIntro: String {
        pick("Each indicator gives an actor a value from 0 to 100, or a state that is not a value (below, “Not applicable and no evidence”). Positive indicators count what an actor committed to and the consequences it imposed; negative ones, what it did wrong. An indicator’s weight is relative to the other indicators of its pillar and polarity.",
             "Chaque indicateur donne à un acteur une valeur de 0 à 100, ou un état qui n’est pas une valeur (voir plus bas « Sans objet et aucun élément »). Les indicateurs positifs comptent ce à quoi un acteur s’est engagé et les conséquences qu’il a imposées ; les négatifs, ce qu’il a fait de mal. Le poids d’un indicateur est relatif aux autres indicateurs de même pilier et de même polarité.")
    }
    public func methodologyIndicatorsOfPillar(_ pillar: String) -> String { pick("Indicators of the pillar \(pillar)", "Indicateurs du pilier \(pillar)") }
    public var methodologyCode: String { pick("Code", "Code") }
    public var methodologyIndicator: String { pick("Indicator", "Indicateur") }
    public var methodologyPolarity: String { pick("Polarity", "Polarité") }
    public var methodologyKind: String { pick("Kind", "Nature") }
    public var methodologyAppliesTo: String { pick("Applies to", "S’applique aux") }
    public var methodologyRule: String { pick("What counts", "Ce qui compte") }

    public func methodologyPolarityName(_ polarity: String) -> String {
        switch polarity {
        case "positive": return pick("positive", "positive")
        case "negative": return pick("negative", "négative")
        default: return polarity
        }
    }
    public func methodologyKindName(_ kind: String) -> String {
        switch kind {
        case "commitment": return pick("commitment", "engagement")
        case "evidence": return pick("conduct", "conduite")
        case "breach": return pick("broken promise", "promesse rompue")
        default: return kind
        }
    }
    public func methodologyActorKinds(_ kind: String) -> String {
        switch kind {
        case "state": return pick("states", "États")
        case "organisation": return pick("organisations", "organisations")
        case "vendor": return pick("vendors", "fournisseurs")
        case "investor": return pick("investors", "investisseurs")
        default: return kind
        }
    }
    public func methodologyList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + pick(" and ", " et ") + items[items.count - 1]
    }

    /// An indicator's rule in words. `instruments`: id and weight, heaviest first; weights shown
    /// when they differ.
    public func methodologyCommitmentRule(instruments: [String]) -> String {
        pick("Share of the weight of the listed instruments adopted by the end of the period that the actor had committed to and not withdrawn from: \(methodologyList(instruments)).",
             "Part du poids des instruments énumérés, adoptés à la fin de la période, auxquels l’acteur s’était engagé sans s’en retirer : \(methodologyList(instruments)).")
    }
    public func methodologyEvidenceRule(types: [String], counterpart: Bool) -> String {
        counterpart
            ? pick("Records of \(methodologyList(types)) in which the actor is the counterpart (it was done to or with it).",
                   "Documents de type \(methodologyList(types)) où l’acteur est la contrepartie (l’acte le visait ou l’impliquait).")
            : pick("Records of \(methodologyList(types)) in which the actor is the one who acted.",
                   "Documents de type \(methodologyList(types)) où l’acteur est l’auteur de l’acte.")
    }
    public func methodologyBreachRule(types: [String], instruments: [String]) -> String {
        pick("Records of \(methodologyList(types)) by the actor that occurred after it had committed to \(methodologyList(instruments)), or that name a provision of such an instrument.",
             "Documents de type \(methodologyList(types)) où l’acteur a agi après s’être engagé envers \(methodologyList(instruments)), ou qui visent une disposition d’un tel instrument.")
    }
    public func methodologyDecay(halfLife: String, window: String, saturation: String) -> String {
        pick("Half-life \(halfLife) days; window \(window) days; saturation \(saturation).",
             "Demi-vie \(halfLife) jours ; fenêtre \(window) jours ; saturation \(saturation).")
    }
    /// The rule of a kind, when the page has no rule fields for the indicator.
    public func methodologyKindRule(_ kind: String) -> String {
        switch kind {
        case "commitment": return pick("Commitments in force at the end of the period to the listed instruments.", "Engagements en vigueur à la fin de la période envers les instruments énumérés.")
        case "breach": return pick("Conduct after a commitment against it.", "Conduite postérieure à un engagement qui l’interdit.")
        default: return pick("Records of the listed types of conduct.", "Documents des types de conduite énumérés.")
        }
    }

    // MARK: Weights of records

    public var methodologyRecordWeights: String { pick("Weights of a record", "Poids d’un document") }
    public var methodologyRecordWeightsIntro: String {
        pick("A record of conduct weighs by how grave the act is (severity, 1 to 5), how firmly it is established (certainty) and how reliable its best source is (reliability, graded A to F).",
             "Un document de conduite pèse selon la gravité de l’acte (sévérité, de 1 à 5), la solidité de son établissement (certitude) et la fiabilité de sa meilleure source (fiabilité, notée de A à F).")
    }
    public var methodologyCertainty: String { pick("Certainty", "Certitude") }
    public var methodologyReliability: String { pick("Reliability", "Fiabilité") }
    public var methodologySeverity: String { pick("Severity", "Sévérité") }
    public func methodologyCertaintyName(_ certainty: String) -> String {
        switch certainty {
        case "confirmed": return pick("confirmed", "confirmé")
        case "attributed": return pick("attributed", "attribué")
        case "reported": return pick("reported", "signalé")
        default: return certainty
        }
    }

    // MARK: Formulas

    public var methodologyValues: String { pick("How an indicator gets its value", "Comment un indicateur obtient sa valeur") }
    public var methodologyPeriodRule: String {
        pick("A period ends on its last day, E. Its knowledge cutoff K is E: a period’s figures use only what was published by then, so a later run on more data gives the same published figures. Evidence counts from the last day of its publication date, never before it could have been public. A commitment is in force at a date when it was made by then and not withdrawn by then.",
             "Une période se termine à son dernier jour, E. Sa date de connaissance K est E : les chiffres d’une période n’utilisent que ce qui était publié à cette date, si bien qu’un calcul ultérieur sur davantage de données donne les mêmes chiffres publiés. Un élément compte à partir du dernier jour de sa date de publication, jamais avant d’avoir pu être public. Un engagement est en vigueur à une date s’il a été pris et non retiré à cette date.")
    }
    public var methodologyCommitmentHeading: String { pick("Commitment indicators", "Indicateurs d’engagement") }
    public var methodologyCommitmentFormula: String {
        pick("value = 100 × Σ weight(i) over the instruments i the actor had committed to at E\n        / Σ weight(i) over the listed instruments adopted by E",
             "valeur = 100 × Σ poids(i) sur les instruments i auxquels l’acteur était engagé à E\n         / Σ poids(i) sur les instruments énumérés adoptés à E")
    }
    public var methodologyCommitmentText: String {
        pick("0 is a fact: the actor had not committed. The indicator is not applicable when none of its instruments had been adopted by E.",
             "0 est un fait : l’acteur ne s’était pas engagé. L’indicateur est sans objet si aucun de ses instruments n’était adopté à E.")
    }
    public var methodologyEvidenceHeading: String { pick("Conduct indicators", "Indicateurs de conduite") }
    public var methodologyEvidenceText: String {
        pick("The eligible records are those of the listed types in which the actor plays the listed role, published by K, whose conduct began by E and ended no more than the window’s days before E. Each record r has a strength s and a weight w; older conduct weighs less, halving every half-life:",
             "Les documents retenus sont ceux des types énumérés où l’acteur tient le rôle indiqué, publiés à K, dont la conduite a commencé à E et s’est terminée au plus tard la durée de la fenêtre avant E. Chaque document r a une force s et un poids w ; une conduite ancienne pèse moins, de moitié à chaque demi-vie :")
    }
    public var methodologyEvidenceFormula: String {
        pick("s(r) = severity(r) × reliability(r) × decay(r)\nw(r) = s(r) × certainty(r)\ndecay(r) = 0.5 ^ (age(r) / half-life), or 1 for a measure in force at E\nage(r) = max(0, E − last day of r’s conduct), in days\nreliability(r) = the highest reliability weight among r’s sources",
             "s(r) = sévérité(r) × fiabilité(r) × atténuation(r)\nw(r) = s(r) × certitude(r)\natténuation(r) = 0,5 ^ (âge(r) / demi-vie), ou 1 pour une mesure en vigueur à E\nâge(r) = max(0, E − dernier jour de la conduite de r), en jours\nfiabilité(r) = le plus fort poids de fiabilité parmi les sources de r")
    }
    public var methodologyEventsHeading: String { pick("Events: each act counts once", "Faits : chaque acte compte une fois") }
    public var methodologyEventsText: String {
        pick("Records of one act share an event (one designation of seven entities; one case reported by two laboratories). An indicator counts each event e once per actor, by its strongest record r*, at the event’s certainty; a second report of an act can raise its certainty, never its count. Saturation is the weighted evidence at which the value reaches 63.2; twice as much gives 86.5.",
             "Les documents d’un même acte partagent un fait (une désignation de sept entités ; un cas signalé par deux laboratoires). Un indicateur compte chaque fait e une fois par acteur, par son document le plus fort r*, à la certitude du fait ; un second signalement d’un acte peut relever sa certitude, jamais son nombre. La saturation est le poids d’éléments pour lequel la valeur atteint 63,2 ; le double donne 86,5.")
    }
    public var methodologyEventsFormula: String {
        pick("W(e) = s(r*) × max(certainty(r*), certainty(e))\ncertainty(e) = the highest certainty among e’s records, raised one step\n               (reported → attributed → confirmed) when they cite two distinct publishers\nvalue = 100 × (1 − exp(−Σ W(e) / saturation))\ncontribution(e) = value × W(e) / Σ W(e)",
             "W(e) = s(r*) × max(certitude(r*), certitude(e))\ncertitude(e) = la plus forte certitude parmi les documents de e, relevée d’un cran\n               (signalé → attribué → confirmé) s’ils citent deux éditeurs distincts\nvaleur = 100 × (1 − exp(−Σ W(e) / saturation))\ncontribution(e) = valeur × W(e) / Σ W(e)")
    }
    public var methodologyMeasuresHeading: String { pick("Measures", "Mesures") }
    public var methodologyMeasuresText: String {
        pick("A sanction, an entity listing, a visa restriction, a licence revoked or an injunction is a measure: a status, not an act. While it holds it counts undecayed and outside the window; once it ends (on its own end date, or when a record of its lifting is public) it no longer counts, for the state that imposed it or for the actor it named.",
             "Une sanction, une inscription sur liste, une restriction de visa, une licence retirée ou une injonction est une mesure : un état, non un acte. Tant qu’elle dure, elle compte sans atténuation et hors fenêtre ; une fois terminée (à sa date de fin, ou quand la levée en est rendue publique), elle ne compte plus, ni pour l’État qui l’a imposée ni pour l’acteur qu’elle visait.")
    }
    public var methodologyBreachHeading: String { pick("Broken promises", "Promesses rompues") }
    public var methodologyBreachText: String {
        pick("The gap between what an actor promised and what it did: eligible records as for conduct that occurred after the actor had committed to one of the listed instruments (and had not withdrawn), weighted, decayed and saturated alike. An actor that had made no such commitment cannot break it: the indicator is not applicable to it.",
             "L’écart entre ce qu’un acteur a promis et ce qu’il a fait : des documents retenus comme pour la conduite, survenus après que l’acteur s’est engagé envers l’un des instruments énumérés (sans s’en retirer), pondérés, atténués et saturés de même. Un acteur qui n’a pris aucun engagement de ce type ne peut le rompre : l’indicateur est sans objet pour lui.")
    }
    public var methodologyGroupsHeading: String { pick("Groups", "Groupes") }
    public var methodologyGroupsText: String {
        pick("Actors of one kind related as parent, subsidiary, member or successor form a group. The conduct of every entity counts for the group, once per event, whenever it happened: who buys a company buys its record, and a renamed company keeps its record. The entities have no scores, grade or rank of their own; they are shown inside their group. An investor answers for its own conduct only.",
             "Les acteurs d’une même nature liés comme société mère, filiale, membre ou successeur forment un groupe. La conduite de chaque entité compte pour le groupe, une fois par fait, quelle qu’en soit la date : qui rachète une société rachète son passé, et une société renommée le garde. Les entités n’ont ni score, ni note, ni rang propres ; elles figurent dans leur groupe. Un investisseur ne répond que de sa propre conduite.")
    }

    public var methodologyScores: String { pick("From indicators to scores", "Des indicateurs aux scores") }
    public var methodologyFacesText: String {
        pick("For each pillar, an actor’s positive score is the weighted mean of the values of the positive indicators of that pillar that apply to it; the negative score likewise. An indicator with no evidence adds no points to the mean, and one that is not applicable takes no part.",
             "Pour chaque pilier, le score positif d’un acteur est la moyenne pondérée des valeurs des indicateurs positifs de ce pilier qui s’appliquent à lui ; de même pour le score négatif. Un indicateur sans élément n’apporte aucun point à la moyenne, et un indicateur sans objet n’y prend aucune part.")
    }
    public var methodologyWordsAndDeeds: String {
        pick("Words and deeds; absence is absence. A pillar’s face exists only when at least one conduct indicator of that pillar and polarity is scored: commitments join the mean beside conduct, but commitments alone (words) make no face. A face with nothing on record is empty (“no evidence”), never a number that reads as balance. Across pillars, the positive (negative) score is the pillar-weighted mean of the pillar scores that exist, the weights renormalised.",
             "Les paroles et les actes ; l’absence est une absence. La face d’un pilier n’existe que si au moins un indicateur de conduite de ce pilier et de cette polarité a une valeur : les engagements entrent dans la moyenne à côté de la conduite, mais des engagements seuls (des paroles) ne font pas une face. Une face sans rien au dossier est vide (« aucun élément »), jamais un nombre qui ressemblerait à un équilibre. Entre piliers, le score positif (négatif) est la moyenne des scores de pilier existants, pondérée par les poids des piliers ramenés à 1.")
    }
    public var methodologyCombinedText: String {
        pick("The combined score puts both faces on one scale, an empty face taken as 0 (no credit for what is not on record). It exists only when the actor has at least one conduct event: 50 means the two faces balance, 100 full positive accountability and no negative record, 0 the reverse.",
             "Le score combiné place les deux faces sur une même échelle, une face vide comptant pour 0 (aucun crédit pour ce qui n’est pas au dossier). Il n’existe que si l’acteur a au moins un fait de conduite : 50 signifie que les deux faces s’équilibrent, 100 une responsabilité positive entière sans bilan négatif, 0 l’inverse.")
    }
    public var methodologyCombinedFormula: String {
        pick("combined = (100 + positive − negative) / 2", "combiné = (100 + positif − négatif) / 2")
    }
    public func methodologyRankingText(minimumEvidence: Int) -> String {
        pick("An actor with fewer than \(minimumEvidence) conduct events (each act once, whatever indicators it feeds) gets no grade and no rank (insufficient evidence), although its scores are shown: a rank built on one anecdote would mislead. The others are ranked within their kind by combined score, highest first; equal scores share a rank (1, 2, 2, 4). Every figure is rounded to 3 decimals as it is computed, and the next step works on the rounded figure, so a reader can redo each step from the published numbers.",
             "Un acteur qui compte moins de \(minimumEvidence) faits de conduite (chaque acte une fois, quels que soient les indicateurs qu’il alimente) n’a ni note ni rang (éléments insuffisants), bien que ses scores soient affichés : un rang fondé sur une anecdote induirait en erreur. Les autres sont classés au sein de leur nature par score combiné décroissant ; les scores égaux partagent un rang (1, 2, 2, 4). Chaque chiffre est arrondi à 3 décimales au fil du calcul, et l’étape suivante part du chiffre arrondi : un lecteur peut refaire chaque étape à partir des chiffres publiés.")
    }

    public var methodologyGrades: String { pick("Grades", "Notes") }
    public var methodologyGradesIntro: String {
        pick("The grade is the first band, from the top, whose minimum the combined score reaches and whose maximum negative score, if it has one, the negative face keeps within: an actor whose record of misconduct exceeds it is not given that band however much it did besides.",
             "La note est la première tranche, en partant du haut, dont le score combiné atteint le minimum et dont le score négatif maximal, s’il y en a un, n’est pas dépassé par la face négative : un acteur dont le bilan de manquements le dépasse n’obtient pas cette tranche, quoi qu’il ait fait par ailleurs.")
    }
    public var methodologyGrade: String { pick("Grade", "Note") }
    public var methodologyGradeLabel: String { pick("Label", "Libellé") }
    public var methodologyGradeMinimum: String { pick("Minimum combined score", "Score combiné minimal") }
    public var methodologyGradeMaximumNegative: String { pick("Maximum negative score", "Score négatif maximal") }
    public var methodologyNoCap: String { pick("none", "aucun") }

    public var methodologyStates: String { pick("Not applicable and no evidence", "Sans objet et aucun élément") }
    public var methodologyStatesIntro: String {
        pick("What is not a value is never shown or counted as 0 or 50. These are the states an indicator, a face or an actor can be in instead:",
             "Ce qui n’est pas une valeur n’est jamais affiché ni compté comme 0 ou 50. Voici les états qu’un indicateur, une face ou un acteur peut avoir à la place :")
    }
    public var methodologyStateNotApplicable: String { pick("Not applicable", "Sans objet") }
    public var methodologyStateNotApplicableText: String {
        pick("The indicator does not concern the actor: its kind is not one the indicator applies to, none of a commitment indicator’s instruments had been adopted, or (for a broken promise) the actor had made no such promise. It takes no part in any score.",
             "L’indicateur ne concerne pas l’acteur : sa nature n’est pas de celles auxquelles l’indicateur s’applique, aucun des instruments d’un indicateur d’engagement n’était adopté, ou (pour une promesse rompue) l’acteur n’avait fait aucune promesse de ce type. Il n’entre dans aucun score.")
    }
    public var methodologyStateNoEvidence: String { pick("No evidence", "Aucun élément") }
    public var methodologyStateNoEvidenceText: String {
        pick("The indicator applies, but no eligible record is on file. It is shown as such, never as 0: it adds no points to its face’s mean, and a face with no evidence is empty. No evidence says nothing about what the actor did; it says what is on record.",
             "L’indicateur s’applique, mais aucun document retenu ne figure au dossier. Il est affiché comme tel, jamais comme 0 : il n’ajoute aucun point à la moyenne de sa face, et une face sans élément est vide. L’absence d’élément ne dit rien de ce que l’acteur a fait ; elle dit ce qui figure au dossier.")
    }
    public var methodologyStateInGroup: String { pick("In group", "Dans un groupe") }
    public var methodologyStateInGroupText: String {
        pick("The actor is an entity of a group: its conduct counts for the group, which is scored instead.",
             "L’acteur est une entité d’un groupe : sa conduite compte pour le groupe, qui est noté à sa place.")
    }
    public var methodologyStateInsufficient: String { pick("Insufficient evidence", "Éléments insuffisants") }
    public func methodologyStateInsufficientText(_ minimumEvidence: Int) -> String {
        pick("Conduct is on record, but fewer than \(minimumEvidence) conduct events: the scores are shown, without a grade or a rank.",
             "Une conduite figure au dossier, mais moins de \(minimumEvidence) faits de conduite : les scores sont affichés, sans note ni rang.")
    }
    public var methodologyStateNoConduct: String { pick("No conduct on record", "Aucune conduite au dossier") }
    public var methodologyStateNoConductText: String {
        pick("No conduct event at all: no combined score and no grade. The actor’s commitments are shown as commitments.",
             "Aucun fait de conduite : ni score combiné ni note. Les engagements de l’acteur sont présentés comme des engagements.")
    }

    public var methodologyChange: String { pick("Change between periods", "Évolution d’une période à l’autre") }
    public var methodologyChangeText: String {
        pick("The change is the combined score minus that of the previous period, split into three parts that add up to it exactly. Only the conduct part moves an actor up or down, and its cause is the record of the period’s conduct that moved the actor most; time and restated records are shown as parts, never as the actor’s doing.",
             "L’évolution est le score combiné moins celui de la période précédente, décomposé en trois parts dont la somme lui est exactement égale. Seule la part de conduite fait monter ou descendre un acteur, et sa cause est le document de conduite de la période qui l’a le plus fait bouger ; le temps et les documents révisés sont présentés comme des parts, jamais comme le fait de l’acteur.")
    }
    public var methodologyChangeFormula: String {
        pick("restated = C(P, known now)  − C(P, as published)   records of P known differently now\ntime     = C(Q, aged)       − C(P, known now)        P’s conduct a period later: decay, window, measures ending\nconduct  = C(Q)             − C(Q, aged)             Q’s own conduct: new records, commitments, lifted measures",
             "révisé    = C(P, connu à ce jour) − C(P, tel que publié)   documents de P connus autrement aujourd’hui\ntemps     = C(Q, vieilli)         − C(P, connu à ce jour)  la conduite de P une période plus tard : atténuation, fenêtre, fin de mesures\nconduite  = C(Q)                  − C(Q, vieilli)          la conduite propre à Q : nouveaux documents, engagements, levées")
    }
    public var methodologyChangeLegend: String {
        pick("Q is the period, P the previous one, and C(Q, aged) Q scored with only the conduct up to P’s end.",
             "Q est la période, P la précédente, et C(Q, vieilli) le score de Q calculé avec la seule conduite antérieure à la fin de P.")
    }
    public var methodologyRestatements: String {
        pick("A published edition never changes. When a later run knows its figures differently (a record entered late, corrected or removed, a new methodology version), a restatement is recorded, with the figures as published and as known now and its cause, and the next edition shows it.",
             "Une édition publiée ne change jamais. Quand un calcul ultérieur en connaît les chiffres autrement (un document saisi tard, corrigé ou retiré, une nouvelle version de la méthodologie), une révision est enregistrée, avec les chiffres tels que publiés et tels que connus aujourd’hui et sa cause, et l’édition suivante la présente.")
    }
}
