import Yams

/// Reads the `indicators` list of a methodology file. Which keys an indicator may have depends on
/// its kind: a key that belongs to another kind (`half_life_days` on a commitment) is an error,
/// because the author expects it to have an effect and it would have none.
struct MethodologyIndicatorReader {
    typealias Indicator = Methodology.Indicator

    static let commonKeys = ["code", "name", "description", "applies_to", "polarity", "pillar", "weight", "kind"]
    static let allKeys = commonKeys + ["evidence_types", "instruments", "role", "half_life_days", "window_days", "saturation"]
    static let actorKinds = ["state", "vendor", "organisation", "investor"]

    static func keys(for kind: Indicator.Kind) -> [String] {
        switch kind {
        case .commitment: commonKeys + ["instruments"]
        case .evidence: commonKeys + ["evidence_types", "role", "half_life_days", "window_days", "saturation"]
        case .breach: allKeys
        }
    }

    static let halfLifeRule = NumberRule(
        requirement: "must be greater than 0 (it is the age in days at which evidence counts half)", accepts: { $0 > 0 })
    static let windowRule = NumberRule(
        requirement: "must be greater than 0 (conduct that ended longer ago than this many days does not count)", accepts: { $0 > 0 })

    /// Pillar ids the file declares; nil when the pillars could not be read (then pillars are not checked).
    let declaredPillars: [String]?

    /// The indicators as far as they could be read: all of them when every one was valid, and the
    /// pillars they name, so that a pillar without indicators can be reported.
    struct ReadIndicators {
        var all: [Indicator]?
        var pillarsUsed: Set<String>
    }

    func readIndicators(_ top: YAMLMappingReader) -> ReadIndicators? {
        guard let (entry, items) = top.list("indicators") else { return nil }
        let log = top.log
        if items.isEmpty { log.report(entry.keyLine, "indicators: must list at least one indicator") }
        var indicators: [Indicator] = []
        var read = ReadIndicators(all: nil, pillarsUsed: [])
        var codes: [(code: String, line: Int?)] = []
        var valid = !items.isEmpty
        for (index, item) in items.enumerated() {
            let indicator = readIndicator(item, position: index + 1, log: log, codes: &codes, pillarsUsed: &read.pillarsUsed)
            if let indicator { indicators.append(indicator) } else { valid = false }
        }
        read.all = valid ? indicators : nil
        return read
    }

    private func readIndicator(_ item: Node, position: Int, log: MethodologyProblemLog,
                               codes: inout [(code: String, line: Int?)], pillarsUsed: inout Set<String>) -> Indicator? {
        let peekedCode = item.mapping?["code"]?.scalar?.string
        let name = peekedCode.flatMap { IdentifierPattern.indicatorCode.matches($0) ? "indicator \($0)" : nil }
        let place = YAMLPlace.item(name ?? "indicators[\(position)]")
        guard let reader = YAMLMappingReader.open(item, place: place, keys: Self.commonKeys + ["…"], log: log) else { return nil }

        // The kind decides which keys are allowed; peeked without reporting, as it is read (and checked) below.
        let peekedKind = (item.mapping?["kind"]?.scalar?.string).flatMap(Indicator.Kind.init(rawValue:))
        reader.rejectUnknownKeys(allowed: peekedKind.map(Self.keys(for:)) ?? Self.allKeys) { key in
            guard let peekedKind, Self.allKeys.contains(key) else { return nil }
            return "\(YAMLText.quoted(key)) does not apply to \(peekedKind.rawValue) indicators"
        }

        let code = reader.identifier("code", pattern: .indicatorCode)
        var duplicate = false
        if let code {
            let line = reader.entry("code", required: false)?.keyLine
            if let first = codes.first(where: { $0.code == code }) {
                log.report(line, "indicators: duplicate code \(YAMLText.quoted(code))\(YAMLText.firstOn(first.line))")
                duplicate = true
            } else {
                codes.append((code, line))
            }
        }
        let title = reader.text("name")
        let description = reader.text("description")
        let appliesTo = reader.textList("applies_to", allowed: Self.actorKinds)
        let polarity = reader.choice("polarity", ["positive", "negative"]).flatMap(Indicator.Polarity.init(rawValue:))
        let pillar = readPillar(reader, pillarsUsed: &pillarsUsed)
        let weight = reader.number("weight", .positive)
        let kind = reader.choice("kind", ["commitment", "evidence", "breach"]).flatMap(Indicator.Kind.init(rawValue:))

        let conduct: Conduct?
        let instruments: [String: Double]?
        switch kind {
        case .commitment?:
            conduct = Conduct.noEvidence
            instruments = readInstruments(reader, required: true, listAllowed: false)
        case .evidence?:
            conduct = readConduct(reader, required: true)
            instruments = [:]
        case .breach?:
            conduct = readConduct(reader, required: true)
            instruments = readInstruments(reader, required: true, listAllowed: true)
        case nil:
            // Without a kind nothing more is required, but what is there is still checked.
            _ = readConduct(reader, required: false)
            _ = readInstruments(reader, required: false, listAllowed: true)
            return nil
        }

        guard let code, !duplicate, let title, let description, let appliesTo, let polarity, let pillar, let weight,
              let kind, let conduct, let instruments
        else { return nil }
        return Indicator(
            code: code, name: title, description: description, appliesTo: appliesTo, polarity: polarity, pillar: pillar,
            weight: weight, kind: kind, evidenceTypes: conduct.evidenceTypes, role: conduct.role,
            halfLifeDays: conduct.halfLifeDays, windowDays: conduct.windowDays, saturation: conduct.saturation,
            instruments: instruments)
    }

    private func readPillar(_ reader: YAMLMappingReader, pillarsUsed: inout Set<String>) -> String? {
        guard let pillar = reader.text("pillar") else { return nil }
        pillarsUsed.insert(pillar)
        guard let declaredPillars, !declaredPillars.isEmpty else { return pillar }
        guard declaredPillars.contains(pillar) else {
            let line = reader.entry("pillar", required: false)?.keyLine
            reader.log.report(line, reader.place.reason(key: "pillar", "\(YAMLText.quoted(pillar)) is not one of the pillars (\(declaredPillars.joined(separator: ", ")))"))
            return nil
        }
        return pillar
    }

    // MARK: Evidence and breach

    /// What an evidence or breach indicator counts and how that evidence ages.
    struct Conduct {
        var evidenceTypes: [String]
        var role: Indicator.Role
        var halfLifeDays: Double
        var windowDays: Int
        var saturation: Double

        /// A commitment counts no evidence.
        static let noEvidence = Conduct(evidenceTypes: [], role: .actor, halfLifeDays: 0, windowDays: 0, saturation: 0)
    }

    private func readConduct(_ reader: YAMLMappingReader, required: Bool) -> Conduct? {
        let evidenceTypes = reader.textList("evidence_types", required: required)
        let role = reader.choice("role", ["actor", "counterpart"], required: false)
        let halfLife = reader.number("half_life_days", Self.halfLifeRule, required: required)
        let window = reader.integer("window_days", Self.windowRule, required: required)
        let saturation = reader.number("saturation", .positive, required: required)
        guard let evidenceTypes, let halfLife, let window, let saturation else { return nil }
        if role == nil, reader.entry("role", required: false) != nil { return nil }  // present but invalid: reported
        return Conduct(evidenceTypes: evidenceTypes, role: role.flatMap(Indicator.Role.init(rawValue:)) ?? .actor,
                       halfLifeDays: halfLife, windowDays: window, saturation: saturation)
    }

    // MARK: Commitment and breach

    /// `instruments`: instrument id → weight (> 0). A breach indicator may list ids instead, since
    /// its weights are ignored: any commitment in force makes a later breach count.
    private func readInstruments(_ reader: YAMLMappingReader, required: Bool, listAllowed: Bool) -> [String: Double]? {
        guard let entry = reader.valued("instruments", required: required) else { return nil }
        let prefix = reader.place.reason(key: "instruments", "")
        if listAllowed, let sequence = entry.value.sequence {
            guard let ids = YAMLText.distinctTexts(Array(sequence), prefix: prefix, line: entry.keyLine, allowed: nil, log: reader.log)
            else { return nil }
            return Dictionary(uniqueKeysWithValues: ids.map { ($0, 1.0) })
        }
        guard let mapping = entry.value.mapping else {
            let expected = "a mapping of instrument id to weight (e.g. {pall-mall-code: 1})" + (listAllowed ? " or a list of instrument ids" : "")
            reader.log.report(entry.keyLine, prefix + "must be \(expected), not \(YAMLText.describe(entry.value))")
            return nil
        }
        let weights = YAMLMappingReader(mapping, place: reader.place.nested("instruments"), log: reader.log)
        guard !weights.isEmpty else {
            reader.log.report(entry.keyLine, prefix + "must name at least one instrument")
            return nil
        }
        var instruments: [String: Double] = [:]
        var valid = true
        for instrument in weights.orderedEntries {
            if let weight = weights.number(instrument.key, .positive) {
                instruments[instrument.key] = weight
            } else {
                valid = false
            }
        }
        return valid ? instruments : nil
    }
}
