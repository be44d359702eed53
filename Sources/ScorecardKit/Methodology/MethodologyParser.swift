import Foundation
import Yams

/// Reads a methodology file (docs/methodology.md) into `Methodology`, checking every rule and
/// reporting every problem with its line, so that one run shows everything to fix.
enum MethodologyParser {
    static let topLevelKeys = ["id", "version", "title", "description", "period", "pillars", "weights",
                               "restricted_evidence", "minimum_evidence", "status_instruments", "grades", "indicators"]
    static let pillarKeys = ["id", "name", "weight"]
    static let weightKeys = ["certainty", "reliability", "severity"]
    static let certaintyLevels = ["confirmed", "attributed", "reported"]
    static let reliabilityGrades = ["A", "B", "C", "D", "E", "F"]
    static let severityLevels = ["1", "2", "3", "4", "5"]
    static let gradeKeys = ["grade", "minimum", "label", "maximum_negative"]

    static func parse(text: String, file: String) -> Result<Methodology, MethodologyInvalid> {
        let log = MethodologyProblemLog(file: file)
        let methodology = read(text: text, log: log)
        if let methodology, log.isEmpty { return .success(methodology) }
        if log.isEmpty { log.report(nil, "could not be read") }  // every nil above reports why; this is a safety net
        return .failure(MethodologyInvalid(path: file, problems: log.problems))
    }

    private static func read(text: String, log: MethodologyProblemLog) -> Methodology? {
        if let line = YAMLNesting.lineTooDeep(in: text) {
            log.report(line, "nested too deeply (a methodology needs a few levels; more than \(YAMLNesting.limit) "
                + "levels, or aliases repeating deep structure, are refused before parsing)")
            return nil
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let syntax = YAMLSyntaxProblem(error, in: text)
            log.report(syntax.line, syntax.reason)
            return nil
        }
        guard let root, !YAMLText.isNull(root) else {
            log.report(nil, "is empty; a methodology is a mapping of \(topLevelKeys.joined(separator: ", "))")
            return nil
        }
        guard let rootMapping = root.mapping else {
            log.report(root.mark?.line, "the file must be a mapping of \(topLevelKeys.joined(separator: ", ")), not \(YAMLText.describe(root))")
            return nil
        }
        let top = YAMLMappingReader(rootMapping, place: .top, log: log)
        top.rejectUnknownKeys(allowed: topLevelKeys)

        let id = top.identifier("id", pattern: .lowerCaseID)
        let version = top.text("version")
        let title = top.text("title")
        let description = top.text("description", required: false)
        let period = top.choice("period", ["quarter", "year"]).flatMap(Methodology.PeriodKind.init(rawValue:))
        let pillars = readPillars(top)
        let weights = readWeights(top)
        let restricted = top.choice("restricted_evidence", ["exclude", "include"], required: false)
        let minimumEvidence = top.integer("minimum_evidence", .atLeastZero)
        let statusInstruments = top.textList("status_instruments", required: false)
        let grades = readGrades(top)
        let indicators = MethodologyIndicatorReader(declaredPillars: pillars?.declaredIDs).readIndicators(top)
        if let pillars, let indicators {
            requireAnIndicatorInEveryPillar(pillars, indicators: indicators, log: log)
        }

        guard let id, let version, let title, let period, let pillars, let weights, let minimumEvidence,
              let grades, let indicators, let allPillars = pillars.all, let allIndicators = indicators.all
        else { return nil }
        return Methodology(
            id: id, version: version, title: title, description: description, period: period,
            pillars: allPillars, weights: weights,
            restrictedEvidence: restricted.flatMap(Methodology.RestrictedEvidence.init(rawValue:)) ?? .exclude,
            minimumEvidence: minimumEvidence, statusInstrumentIDs: statusInstruments.flatMap { $0.isEmpty ? nil : $0 }, grades: grades, indicators: allIndicators)
    }

    // MARK: Pillars

    /// The pillars as far as they could be read: all of them when every one was valid, and the
    /// ids and lines of those that had one, to check the indicators against.
    struct ReadPillars {
        var all: [Methodology.Pillar]?
        var declared: [(id: String, line: Int?)]
        var declaredIDs: [String] { declared.map(\.id) }
    }

    private static func readPillars(_ top: YAMLMappingReader) -> ReadPillars? {
        guard let (entry, items) = top.list("pillars") else { return nil }
        let log = top.log
        if items.isEmpty { log.report(entry.keyLine, "pillars: must list at least one pillar") }
        var pillars: [Methodology.Pillar] = []
        var declared: [(id: String, line: Int?)] = []
        var valid = !items.isEmpty
        for (index, item) in items.enumerated() {
            let peekedID = item.mapping?["id"]?.scalar?.string
            let name = peekedID.flatMap { IdentifierPattern.lowerCaseID.matches($0) ? "pillar \($0)" : nil }
            guard let pillar = YAMLMappingReader.open(item, place: .item(name ?? "pillars[\(index + 1)]"), keys: pillarKeys, log: log) else {
                valid = false
                continue
            }
            pillar.rejectUnknownKeys(allowed: pillarKeys)
            let id = pillar.identifier("id", pattern: .lowerCaseID)
            if let id {
                let idLine = pillar.entry("id", required: false)?.keyLine
                if let first = declared.first(where: { $0.id == id }) {
                    log.report(idLine, "pillars: duplicate id \(YAMLText.quoted(id))\(YAMLText.firstOn(first.line))")
                    valid = false
                } else {
                    declared.append((id, idLine))
                }
            }
            let title = pillar.text("name")
            let weight = pillar.number("weight", .atLeastZero)
            guard let id, let title, let weight else {
                valid = false
                continue
            }
            pillars.append(Methodology.Pillar(id: id, name: title, weight: weight))
        }
        // The sum is checked only when every weight could be read, so that it is not reported twice.
        if valid {
            let sum = pillars.reduce(0) { $0 + $1.weight }
            if abs(sum - 1) > 0.0001 {
                log.report(entry.keyLine, "pillars: the weights add up to \(YAMLText.format(sum)), not 1")
                valid = false
            }
        }
        return ReadPillars(all: valid ? pillars : nil, declared: declared)
    }

    private static func requireAnIndicatorInEveryPillar(_ pillars: ReadPillars, indicators: MethodologyIndicatorReader.ReadIndicators,
                                                        log: MethodologyProblemLog) {
        for pillar in pillars.declared where !indicators.pillarsUsed.contains(pillar.id) {
            log.report(pillar.line, "pillar \(pillar.id): no indicator belongs to it (give it one, or remove it and share out its weight)")
        }
    }

    // MARK: Weights

    private static func readWeights(_ top: YAMLMappingReader) -> Methodology.Weights? {
        guard let weights = top.mapping("weights", keys: weightKeys) else { return nil }
        weights.rejectUnknownKeys(allowed: weightKeys)
        let certainty = readWeightTable(weights, "certainty", keys: certaintyLevels)
        let reliability = readWeightTable(weights, "reliability", keys: reliabilityGrades)
        let severity = readWeightTable(weights, "severity", keys: severityLevels)
        guard let certainty, let reliability, let severity else { return nil }
        return Methodology.Weights(
            certainty: certainty, reliability: reliability,
            severity: Dictionary(uniqueKeysWithValues: severity.compactMap { key, value in Int(key).map { ($0, value) } }))
    }

    /// A mapping with exactly `keys`, each a weight of at least 0.
    private static func readWeightTable(_ weights: YAMLMappingReader, _ key: String, keys: [String]) -> [String: Double]? {
        guard let table = weights.mapping(key, keys: keys) else { return nil }
        table.rejectUnknownKeys(allowed: keys)
        var result: [String: Double] = [:]
        for level in keys {
            if let value = table.number(level, .atLeastZero) { result[level] = value }
        }
        return result.count == keys.count ? result : nil
    }

    // MARK: Grades

    private static func readGrades(_ top: YAMLMappingReader) -> [Methodology.GradeBand]? {
        guard let (entry, items) = top.list("grades") else { return nil }
        let log = top.log
        guard !items.isEmpty else {
            log.report(entry.keyLine, "grades: must list at least one grade")
            return nil
        }
        var bands: [Methodology.GradeBand] = []
        var seen: [(grade: String, line: Int?)] = []
        var previous: (grade: String, minimum: Double)?
        var valid = true
        for (index, item) in items.enumerated() {
            let peeked = item.mapping?["grade"]?.scalar?.string
            let place = YAMLPlace.item(peeked.map { "grade \($0)" } ?? "grades[\(index + 1)]")
            guard let band = YAMLMappingReader.open(item, place: place, keys: gradeKeys, log: log) else {
                valid = false
                previous = nil
                continue
            }
            band.rejectUnknownKeys(allowed: gradeKeys)
            let grade = band.text("grade")
            if let grade {
                let line = band.entry("grade", required: false)?.keyLine
                if let first = seen.first(where: { $0.grade == grade }) {
                    log.report(line, "grades: duplicate grade \(YAMLText.quoted(grade))\(YAMLText.firstOn(first.line))")
                    valid = false
                }
                seen.append((grade, line))
            }
            let minimumRule = NumberRule(requirement: "must be from 0 to 100 (the range of the combined score)",
                                         accepts: { (0...100).contains($0) })
            let minimum = band.number("minimum", minimumRule)
            let minimumLine = band.entry("minimum", required: false)?.keyLine
            if let minimum, let previous, minimum >= previous.minimum {
                log.report(minimumLine, place.reason(key: "minimum", "must be lower than the minimum of grade \(previous.grade) above it "
                    + "(\(YAMLText.format(previous.minimum))), not \(YAMLText.format(minimum)): grades go from highest to lowest"))
                valid = false
            }
            if let minimum, index == items.count - 1, minimum != 0 {
                log.report(minimumLine, place.reason(key: "minimum", "the last grade's minimum must be 0, so that every score gets a grade, not \(YAMLText.format(minimum))"))
                valid = false
            }
            let label = band.text("label", required: false)
            let maximumNegative = band.number("maximum_negative", NumberRule(requirement: "must be from 0 to 100 (the range of the negative face)",
                                                                             accepts: { (0...100).contains($0) }), required: false)
            if maximumNegative != nil, index == items.count - 1 {
                log.report(band.entry("maximum_negative", required: false)?.keyLine,
                           place.reason(key: "maximum_negative", "the last grade may not have one, so that every score gets a grade"))
                valid = false
            }
            if let grade, let minimum { previous = (grade, minimum) } else { previous = nil }
            guard let grade, let minimum else {
                valid = false
                continue
            }
            bands.append(Methodology.GradeBand(grade: grade, minimum: minimum, label: label, maximumNegative: maximumNegative))
        }
        return valid ? bands : nil
    }
}
