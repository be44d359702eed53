import Foundation

/// `methodology.html`: the method of an edition in full, generated from the methodology the run
/// used, so that what readers see is what was scored: the pillars and their weights, every
/// indicator with its rule, the weights of a record, the formulas, the grade bands, what "not
/// applicable" and "no evidence" mean, the minimum evidence and the file's SHA-256. Self-contained:
/// it links to nothing outside the edition.
///
/// `ReportModel.MethodologyInfo` holds no indicator's rule fields (evidence types, role, half-life,
/// window, saturation, instruments) nor the weights of certainty, reliability and severity; `Rules`
/// carries them from the parsed methodology. Without it each indicator's rule is its kind's in general.
public enum MethodologyPage {
    /// What `MethodologyInfo` lacks, from the methodology the run stored.
    public struct Rules: Sendable, Equatable {
        public struct Indicator: Sendable, Equatable {
            public let kind: String
            public let evidenceTypes: [String]
            public let counterpart: Bool
            public let halfLifeDays, windowDays, saturation: String
            /// Heaviest first, then by id; with their weights.
            public let instruments: [(id: String, weight: String)]

            public static func == (a: Indicator, b: Indicator) -> Bool {
                a.kind == b.kind && a.evidenceTypes == b.evidenceTypes && a.counterpart == b.counterpart
                    && a.halfLifeDays == b.halfLifeDays && a.windowDays == b.windowDays && a.saturation == b.saturation
                    && a.instruments.map(\.id) == b.instruments.map(\.id) && a.instruments.map(\.weight) == b.instruments.map(\.weight)
            }
        }

        /// By indicator code.
        public let indicators: [String: Indicator]
        /// In the order: confirmed, attributed, reported; A–F; 5 down to 1.
        public let certainty, reliability, severity: [(key: String, weight: String)]

        public init(_ methodology: Methodology) {
            func number(_ value: Double) -> String { ReportNumber(parameter: value).text }
            var indicators: [String: Indicator] = [:]
            for i in methodology.indicators {
                let instruments = i.instruments.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (id: $0.key, weight: number($0.value)) }
                indicators[i.code] = Indicator(kind: i.kind.rawValue, evidenceTypes: i.evidenceTypes, counterpart: i.role == .counterpart,
                                               halfLifeDays: number(i.halfLifeDays), windowDays: String(i.windowDays),
                                               saturation: number(i.saturation), instruments: instruments)
            }
            self.indicators = indicators
            let certaintyOrder = ["confirmed", "attributed", "reported"]
            certainty = methodology.weights.certainty.sorted { a, b in
                (certaintyOrder.firstIndex(of: a.key) ?? 99, a.key) < (certaintyOrder.firstIndex(of: b.key) ?? 99, b.key)
            }.map { (key: $0.key, weight: number($0.value)) }
            reliability = methodology.weights.reliability.sorted { $0.key < $1.key }.map { (key: $0.key, weight: number($0.value)) }
            severity = methodology.weights.severity.sorted { $0.key > $1.key }.map { (key: String($0.key), weight: number($0.value)) }
        }

        public static func == (a: Rules, b: Rules) -> Bool {
            a.indicators == b.indicators && a.certainty.map(\.key) == b.certainty.map(\.key) && a.certainty.map(\.weight) == b.certainty.map(\.weight)
                && a.reliability.map(\.key) == b.reliability.map(\.key) && a.reliability.map(\.weight) == b.reliability.map(\.weight)
                && a.severity.map(\.key) == b.severity.map(\.key) && a.severity.map(\.weight) == b.severity.map(\.weight)
        }
    }

    /// The whole page, in `page`'s shell (its `path` should be `EditionLayout.methodologyPage`).
    public static func render(_ methodology: ReportModel.MethodologyInfo, rules: Rules?, page: HTMLPage) -> String {
        page.render(body: body(methodology, rules: rules, messages: page.messages))
    }

    /// The shell of the page for a methodology: titled, in the methodology section, its footer naming it.
    public static func shell(_ methodology: ReportModel.MethodologyInfo, messages: Messages, siteTitle: String,
                             introduction: String? = nil, logo: String? = nil, customStylesheet: String? = nil,
                             runDigest: String? = nil) -> HTMLPage {
        HTMLPage(messages: messages, path: EditionLayout.methodologyPage, title: messages.methodologyTitle, siteTitle: siteTitle,
                 introduction: introduction, logo: logo, customStylesheet: customStylesheet, current: .methodology,
                 footer: .init(methodologyID: methodology.id, methodologyVersion: methodology.version,
                               methodologySHA256: methodology.sha256, runDigest: runDigest))
    }

    /// The content of `main` after its heading.
    public static func body(_ info: ReportModel.MethodologyInfo, rules: Rules?, messages m: Messages) -> String {
        var out = "<p class=\"lede\">\(h(info.title))</p>\n"
        if let description = info.description {
            for paragraph in HTMLPage.paragraphs(description) { out += "<p>\(h(paragraph))</p>\n" }
        }
        out += "<dl class=\"facts\">\n"
        out += fact(m.methodologyIdentifier, "<code>\(h(info.id))</code>")
        out += fact(m.methodologyVersion, h(info.version))
        out += fact(m.methodologyPeriodKind, h(m.methodologyPeriod(info.periodKind)))
        out += fact(m.methodologyMinimumEvidence, h(m.methodologyMinimumEvidenceValue(info.minimumEvidence)))
        out += fact(m.methodologyRestricted, h(m.methodologyRestrictedValue(info.restrictedEvidence)))
        out += fact(m.methodologySHA256, "<code class=\"digest\">\(h(info.sha256))</code>")
        out += "</dl>\n<p class=\"muted\">\(h(m.methodologySHA256Note))</p>\n"

        var contents: [(id: String, title: String)] = [("pillars", m.methodologyPillars), ("indicators", m.methodologyIndicators)]
        if rules != nil { contents.append(("record-weights", m.methodologyRecordWeights)) }
        contents += [("values", m.methodologyValues), ("scores", m.methodologyScores), ("grades", m.methodologyGrades),
                     ("states", m.methodologyStates), ("change", m.methodologyChange)]
        out += "<nav aria-label=\"\(h(m.methodologyContents))\">\n<h2 class=\"visually-hidden\">\(h(m.methodologyContents))</h2>\n<ol>\n"
        for entry in contents { out += "<li><a href=\"#\(entry.id)\">\(h(entry.title))</a></li>\n" }
        out += "</ol>\n</nav>\n"

        out += section("pillars", m.methodologyPillars)
        out += "<p>\(h(m.methodologyPillarsIntro))</p>\n"
        var pillarTable = "<table>\n<caption>\(h(m.methodologyPillars))</caption>\n<thead><tr><th scope=\"col\">\(h(m.methodologyPillar))</th>"
            + "<th scope=\"col\">\(h(m.methodologyIdentifier))</th><th scope=\"col\" class=\"num\">\(h(m.methodologyWeight))</th></tr></thead>\n<tbody>\n"
        for pillar in info.pillars {
            pillarTable += "<tr><th scope=\"row\">\(h(pillar.name))</th><td><code>\(h(pillar.id))</code></td><td class=\"num\">\(h(pillar.weight.text))</td></tr>\n"
        }
        pillarTable += "</tbody>\n</table>\n"
        out += HTMLPage.scrollingTable(m, caption: m.methodologyPillars, table: pillarTable)
        out += "</section>\n"

        out += section("indicators", m.methodologyIndicators)
        out += "<p>\(h(m.methodologyIndicatorsIntro))</p>\n"
        let pillarNames = Dictionary(info.pillars.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // In the pillars' order, then any pillar the list does not name (the parser forbids it; no indicator is dropped).
        var pillarOrder = info.pillars.map(\.id)
        for indicator in info.indicators where !pillarOrder.contains(indicator.pillar) { pillarOrder.append(indicator.pillar) }
        for pillar in pillarOrder {
            let indicators = info.indicators.filter { $0.pillar == pillar }
            guard !indicators.isEmpty else { continue }
            let caption = m.methodologyIndicatorsOfPillar(pillarNames[pillar] ?? pillar)
            out += "<h3 id=\"indicators-\(h(anchor(pillar)))\">\(h(pillarNames[pillar] ?? pillar))</h3>\n"
            var table = "<table class=\"indicators\">\n<caption>\(h(caption))</caption>\n<thead><tr>"
            for (label, numeric) in [(m.methodologyCode, false), (m.methodologyIndicator, false), (m.methodologyPolarity, false),
                                     (m.methodologyKind, false), (m.methodologyWeight, true), (m.methodologyAppliesTo, false), (m.methodologyRule, false)] {
                table += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>\(h(label))</th>"
            }
            table += "</tr></thead>\n<tbody>\n"
            for indicator in indicators {
                table += "<tr id=\"indicator-\(h(anchor(indicator.code)))\"><th scope=\"row\"><code>\(h(indicator.code))</code></th>"
                table += "<td><strong>\(h(indicator.name))</strong><br><span class=\"muted\">\(h(indicator.description))</span></td>"
                table += "<td>\(h(m.methodologyPolarityName(indicator.polarity)))</td><td>\(h(m.methodologyKindName(indicator.kind)))</td>"
                table += "<td class=\"num\">\(h(indicator.weight.text))</td>"
                table += "<td>\(h(m.methodologyList(indicator.appliesTo.map(m.methodologyActorKinds))))</td>"
                table += "<td>\(rule(indicator, rules?.indicators[indicator.code], m))</td></tr>\n"
            }
            table += "</tbody>\n</table>\n"
            out += HTMLPage.scrollingTable(m, caption: caption, table: table)
        }
        out += "</section>\n"

        if let rules {
            out += section("record-weights", m.methodologyRecordWeights)
            out += "<p>\(h(m.methodologyRecordWeightsIntro))</p>\n"
            for (title, rows) in [(m.methodologyCertainty, rules.certainty.map { (m.methodologyCertaintyName($0.key), $0.weight) }),
                                  (m.methodologyReliability, rules.reliability.map { ($0.key, $0.weight) }),
                                  (m.methodologySeverity, rules.severity.map { ($0.key, $0.weight) })] {
                var table = "<table>\n<caption>\(h(title))</caption>\n<thead><tr><th scope=\"col\">\(h(title))</th>"
                    + "<th scope=\"col\" class=\"num\">\(h(m.methodologyWeight))</th></tr></thead>\n<tbody>\n"
                for (key, weight) in rows { table += "<tr><th scope=\"row\">\(h(key))</th><td class=\"num\">\(h(weight))</td></tr>\n" }
                table += "</tbody>\n</table>\n"
                out += HTMLPage.scrollingTable(m, caption: title, table: table)
            }
            out += "</section>\n"
        }

        out += section("values", m.methodologyValues)
        out += "<p>\(h(m.methodologyPeriodRule))</p>\n"
        out += "<h3>\(h(m.methodologyCommitmentHeading))</h3>\n" + formula(m.methodologyCommitmentFormula) + "<p>\(h(m.methodologyCommitmentText))</p>\n"
        out += "<h3>\(h(m.methodologyEvidenceHeading))</h3>\n<p>\(h(m.methodologyEvidenceText))</p>\n" + formula(m.methodologyEvidenceFormula)
        out += "<h3>\(h(m.methodologyEventsHeading))</h3>\n<p>\(h(m.methodologyEventsText))</p>\n" + formula(m.methodologyEventsFormula)
        out += "<h3>\(h(m.methodologyMeasuresHeading))</h3>\n<p>\(h(m.methodologyMeasuresText))</p>\n"
        out += "<h3>\(h(m.methodologyBreachHeading))</h3>\n<p>\(h(m.methodologyBreachText))</p>\n"
        out += "<h3>\(h(m.methodologyGroupsHeading))</h3>\n<p>\(h(m.methodologyGroupsText))</p>\n"
        out += "</section>\n"

        out += section("scores", m.methodologyScores)
        out += "<p>\(h(m.methodologyFacesText))</p>\n<p>\(h(m.methodologyWordsAndDeeds))</p>\n"
        out += "<p>\(h(m.methodologyCombinedText))</p>\n" + formula(m.methodologyCombinedFormula)
        out += "<p>\(h(m.methodologyRankingText(minimumEvidence: info.minimumEvidence)))</p>\n"
        out += "</section>\n"

        out += section("grades", m.methodologyGrades)
        out += "<p>\(h(m.methodologyGradesIntro))</p>\n"
        var grades = "<table>\n<caption>\(h(m.methodologyGrades))</caption>\n<thead><tr><th scope=\"col\">\(h(m.methodologyGrade))</th>"
            + "<th scope=\"col\">\(h(m.methodologyGradeLabel))</th><th scope=\"col\" class=\"num\">\(h(m.methodologyGradeMinimum))</th>"
            + "<th scope=\"col\" class=\"num\">\(h(m.methodologyGradeMaximumNegative))</th></tr></thead>\n<tbody>\n"
        for grade in info.grades {
            grades += "<tr><th scope=\"row\">\(h(grade.grade))</th><td>\(h(grade.label ?? ""))</td><td class=\"num\">\(h(grade.minimum.text))</td>"
                + "<td class=\"num\">\(h(grade.maximumNegative?.text ?? m.methodologyNoCap))</td></tr>\n"
        }
        grades += "</tbody>\n</table>\n"
        out += HTMLPage.scrollingTable(m, caption: m.methodologyGrades, table: grades)
        out += "</section>\n"

        out += section("states", m.methodologyStates)
        out += "<p>\(h(m.methodologyStatesIntro))</p>\n<dl class=\"facts\">\n"
        out += fact(m.methodologyStateNotApplicable, h(m.methodologyStateNotApplicableText))
        out += fact(m.methodologyStateNoEvidence, h(m.methodologyStateNoEvidenceText))
        out += fact(m.methodologyStateInGroup, h(m.methodologyStateInGroupText))
        out += fact(m.methodologyStateInsufficient, h(m.methodologyStateInsufficientText(info.minimumEvidence)))
        out += fact(m.methodologyStateNoConduct, h(m.methodologyStateNoConductText))
        out += "</dl>\n</section>\n"

        out += section("change", m.methodologyChange)
        out += "<p>\(h(m.methodologyChangeText))</p>\n" + formula(m.methodologyChangeFormula) + "<p>\(h(m.methodologyChangeLegend))</p>\n"
        out += "<p>\(h(m.methodologyRestatements))</p>\n"
        out += "</section>\n"
        return out
    }

    /// An indicator's rule in words, from its rule fields when the page has them.
    static func rule(_ indicator: ReportModel.IndicatorInfo, _ fields: Rules.Indicator?, _ m: Messages) -> String {
        guard let fields else { return h(m.methodologyKindRule(indicator.kind)) }
        let differing = Set(fields.instruments.map(\.weight)).count > 1
        let instruments = fields.instruments.map { "<code>\(h($0.id))</code>" + (differing ? " ×\(h($0.weight))" : "") }
        let types = fields.evidenceTypes.map { "<code>\(h($0))</code>" }
        // The lists carry markup: the sentence around them is escaped, the ids inside already are.
        func sentence(_ make: ([String], [String]) -> String) -> String {
            let placeholderTypes = types.indices.map { "\u{E000}t\($0)\u{E001}" }
            let placeholderInstruments = instruments.indices.map { "\u{E000}i\($0)\u{E001}" }
            var text = h(make(placeholderTypes, placeholderInstruments))
            for (index, markup) in types.enumerated() { text = text.replacingOccurrences(of: "\u{E000}t\(index)\u{E001}", with: markup) }
            for (index, markup) in instruments.enumerated() { text = text.replacingOccurrences(of: "\u{E000}i\(index)\u{E001}", with: markup) }
            return text
        }
        switch fields.kind {
        case "commitment":
            return sentence { _, instruments in m.methodologyCommitmentRule(instruments: instruments) }
        case "breach":
            return sentence { types, instruments in m.methodologyBreachRule(types: types, instruments: instruments) }
                + "<br><span class=\"muted\">" + h(m.methodologyDecay(halfLife: fields.halfLifeDays, window: fields.windowDays, saturation: fields.saturation)) + "</span>"
        default:
            return sentence { types, _ in m.methodologyEvidenceRule(types: types, counterpart: fields.counterpart) }
                + "<br><span class=\"muted\">" + h(m.methodologyDecay(halfLife: fields.halfLifeDays, window: fields.windowDays, saturation: fields.saturation)) + "</span>"
        }
    }

    static func section(_ id: String, _ title: String) -> String {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n<h2 id=\"\(id)-heading\">\(h(title))</h2>\n"
    }

    static func fact(_ term: String, _ html: String) -> String { "<dt>\(h(term))</dt><dd>\(html)</dd>\n" }

    static func formula(_ text: String) -> String { "<pre><code>\(h(text))</code></pre>\n" }

    static func anchor(_ id: String) -> String {
        String(id.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "_"
        })
    }

    private static func h(_ text: String) -> String { Escaping.html(text) }
}
