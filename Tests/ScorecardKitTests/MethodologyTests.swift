import Foundation
@testable import ScorecardKit
import Testing
import TestSupport

/// The methodology file: the default parses and uses only what the example dataset defines, every
/// rule gives its exact message and line, and the documentation's table matches the file.
@Suite("Methodology")
struct MethodologyTests {
    static let defaultPath = "Examples/pall-mall/methodology.yaml"

    // MARK: The default methodology

    @Test func defaultMethodologyParses() throws {
        let file = try MethodologyFile.load(path: ProjectFiles.url(Self.defaultPath).path)
        let methodology = file.methodology
        #expect(methodology.id == "pall-mall")
        #expect(methodology.version == "2.0.0")
        #expect(methodology.period == .quarter)
        #expect(methodology.pillars.map(\.id) == ["accountability", "precision", "oversight", "transparency"])
        #expect(methodology.restrictedEvidence == .exclude)
        #expect(file.sha256.count == 64)
    }

    @Test func defaultMethodologyUsesOnlyTheExampleDatasetsIDs() throws {
        let methodology = try MethodologyFile.load(path: ProjectFiles.url(Self.defaultPath).path).methodology
        let evidenceTypes = try Self.firstColumn("Examples/pall-mall/data/evidence_types.csv")
        let instruments = try Self.firstColumn("Examples/pall-mall/data/instruments.csv")
        for indicator in methodology.indicators {
            for type in indicator.evidenceTypes {
                #expect(evidenceTypes.contains(type), "\(indicator.code): evidence type \(type) is not in evidence_types.csv")
            }
            for instrument in indicator.instruments.keys {
                #expect(instruments.contains(instrument), "\(indicator.code): instrument \(instrument) is not in instruments.csv")
            }
        }
    }

    @Test func defaultMethodologyScoresBothFacesOfStatesAndVendors() throws {
        let indicators = try MethodologyFile.load(path: ProjectFiles.url(Self.defaultPath).path).methodology.indicators
        for kind in ["state", "vendor"] {
            for polarity in [Methodology.Indicator.Polarity.positive, .negative] {
                #expect(indicators.contains { $0.appliesTo.contains(kind) && $0.polarity == polarity },
                        "no \(polarity.rawValue) indicator applies to \(kind)")
            }
        }
    }

    @Test func documentedIndicatorTableMatchesTheDefault() throws {
        let methodology = try MethodologyFile.load(path: ProjectFiles.url(Self.defaultPath).path).methodology
        let mismatch = try DocumentSection.compare(
            MethodologyDocumentation.indicatorTable(methodology), with: "docs/methodology.md", section: "indicators")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    // MARK: Loading

    @Test func missingFileIsExit66() throws {
        let error = #expect(throws: MethodologyMissing.self) { try MethodologyFile.load(path: "/nonexistent/methodology.yaml") }
        #expect(error?.exitCode == .noInput)
        #expect(error?.description == "/nonexistent/methodology.yaml: no such file")
    }

    @Test func invalidFileIsExit78AndCountsItsProblems() throws {
        let error = #expect(throws: MethodologyInvalid.self) {
            try MethodologyFile.parse(text: Self.valid.replacing(line: 4, with: "period: month").replacing(line: 12, with: "minimum_evidence: -1"),
                                      path: "methodology.yaml")
        }
        #expect(error?.exitCode == .configuration)
        #expect(error?.description == "the methodology methodology.yaml has 2 problems")
    }

    @Test func shaIsOfTheFileBytes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("methodology-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.valid.utf8).write(to: url)
        let loaded = try MethodologyFile.load(path: url.path)
        let parsed = try MethodologyFile.parse(text: Self.valid, path: "methodology.yaml")
        #expect(loaded.sha256 == parsed.sha256)
        #expect(loaded.text == Self.valid)
        #expect(parsed.sha256 == Self.validSHA256, "the SHA-256 of `valid` (update after editing it: sha256sum)")
        #expect(try MethodologyFile.parse(text: Self.valid + "# a comment changes the file\n", path: "m.yaml").sha256 != parsed.sha256)
    }

    // MARK: The parsed model

    @Test func validFileParsesIntoTheModel() throws {
        let methodology = try MethodologyFile.parse(text: Self.valid, path: "methodology.yaml").methodology
        #expect(methodology.version == "1")
        #expect(methodology.restrictedEvidence == .exclude)
        #expect(methodology.weights.severity == [1: 0.2, 2: 0.4, 3: 0.6, 4: 0.8, 5: 1])
        #expect(methodology.weights.reliability["F"] == 0.5)
        #expect(methodology.grades.map(\.minimum) == [65, 50, 0])
        let commitment = methodology.indicators[0], evidence = methodology.indicators[1], breach = methodology.indicators[2]
        #expect(commitment.kind == .commitment && commitment.instruments == ["pall-mall-code": 1] && commitment.evidenceTypes.isEmpty)
        #expect(evidence.role == .actor && evidence.halfLifeDays == 730 && evidence.windowDays == 1825 && evidence.saturation == 2)
        #expect(evidence.appliesTo == ["state", "vendor"] && evidence.instruments.isEmpty)
        #expect(breach.instruments == ["pall-mall-code": 1, "joint-statement-spyware": 1])
    }

    @Test func versionKeepsItsTextAndOptionalKeysTakeTheirValues() throws {
        // Bottom up, so that each edit's line number is the template's.
        let text = Self.valid.replacing(line: 36, with: "    half_life_days: 730\n    role: counterpart")
            .replacing(line: 12, with: "minimum_evidence: 2\nrestricted_evidence: include")
            .replacing(line: 2, with: "version: 1.10")
        let methodology = try MethodologyFile.parse(text: text, path: "methodology.yaml").methodology
        #expect(methodology.version == "1.10")
        #expect(methodology.restrictedEvidence == .include)
        #expect(methodology.indicators[1].role == .counterpart)
    }

    @Test func breachInstrumentsMayBeAMapping() throws {
        let text = Self.valid.replacing(line: 48, with: "    instruments: {pall-mall-code: 1}")
        #expect(try MethodologyFile.parse(text: text, path: "methodology.yaml").methodology.indicators[2].instruments == ["pall-mall-code": 1])
    }

    // MARK: Every rule, its message and its line

    @Test(arguments: InvalidCase.all)
    func invalidFileReportsExactly(_ invalid: InvalidCase) {
        let error = #expect(throws: MethodologyInvalid.self) { try MethodologyFile.parse(text: invalid.text, path: "methodology.yaml") }
        #expect(error?.problems.map(\.description) == invalid.expected)
    }

    // MARK: Helpers

    /// A small valid methodology; the cases below edit it by line number, so keep the numbers in view.
    static let valid = """
        id: test
        version: 1
        title: Test
        period: quarter
        pillars:
          - {id: accountability, name: Accountability, weight: 0.5}
          - {id: precision, name: Precision, weight: 0.5}
        weights:
          certainty: {confirmed: 1, attributed: 0.75, reported: 0.5}
          reliability: {A: 1, B: 0.9, C: 0.75, D: 0.5, E: 0.25, F: 0.5}
          severity: {1: 0.2, 2: 0.4, 3: 0.6, 4: 0.8, 5: 1}
        minimum_evidence: 2
        grades:
          - {grade: A, minimum: 65}
          - {grade: B, minimum: 50, label: Middle}
          - {grade: C, minimum: 0}
        indicators:
          - code: C1
            name: Commits
            description: Committed to the Code.
            applies_to: [state]
            polarity: positive
            pillar: accountability
            weight: 1
            kind: commitment
            instruments: {pall-mall-code: 1}
          - code: N1
            name: Misuse
            description: Misuse documented.
            applies_to: [state, vendor]
            polarity: negative
            pillar: precision
            weight: 2
            kind: evidence
            evidence_types: [misuse_documented]
            half_life_days: 730
            window_days: 1825
            saturation: 2
          - code: B1
            name: Breach
            description: Misuse after a promise.
            applies_to: [state]
            polarity: negative
            pillar: precision
            weight: 1
            kind: breach
            evidence_types: [misuse_documented]
            instruments: [pall-mall-code, joint-statement-spyware]
            half_life_days: 730
            window_days: 1825
            saturation: 1

        """

    static let validSHA256 = "ea4f166c027936c0ee96bd9658fb3664b749a9c8821f5191ff5848edf68f1323"

    static func firstColumn(_ relativePath: String) throws -> Set<String> {
        let text = try String(contentsOf: ProjectFiles.url(relativePath), encoding: .utf8)
        return Set(text.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) })
    }
}

/// A variation of `MethodologyTests.valid` and the problems it must produce, in order.
struct InvalidCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let expected: [String]

    var testDescription: String { name }

    init(_ name: String, _ text: String, _ expected: [String]) {
        self.name = name
        self.text = text
        self.expected = expected.map { "methodology.yaml:" + $0 }
    }

    static let indicatorKeys = "code, name, description, applies_to, polarity, pillar, weight, kind"
    static let evidenceKeys = "\(indicatorKeys), evidence_types, role, half_life_days, window_days, saturation"
    static let topLevelKeys = "id, version, title, description, period, pillars, weights, restricted_evidence, minimum_evidence, status_instruments, grades, indicators"

    static let all: [InvalidCase] = {
        let valid = MethodologyTests.valid
        return [
            // Syntax and shape
            InvalidCase("YAML syntax error", valid.replacing(line: 22, with: "    applies_to: [state"),
                        ["23: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence on line 22)"]),
            InvalidCase("empty file", "# nothing yet\n",
                        [" is empty; a methodology is a mapping of \(topLevelKeys)"]),  // a whole-file problem has no line
            InvalidCase("not a mapping", "- id: test\n- version: 1\n",
                        ["1: the file must be a mapping of \(topLevelKeys), not a list"]),
            InvalidCase("duplicate key", valid.replacing(line: 1, with: "id: test\nid: other"),
                        ["2: duplicate key \"id\" (first on line 1)"]),
            // Unknown and missing keys
            InvalidCase("unknown top-level key", valid.replacing(line: 3, with: "title: Test\ncolour: blue"),
                        ["4: unknown key \"colour\"; allowed: \(topLevelKeys)"]),
            InvalidCase("misspelt top-level key", valid.replacing(line: 3, with: "titel: Test"),
                        ["3: unknown key \"titel\" (did you mean \"title\"?); allowed: \(topLevelKeys)"]),
            InvalidCase("missing required key", valid.replacing(line: 3, with: nil),
                        ["1: missing required key \"title\""]),
            InvalidCase("evidence_type instead of evidence_types", valid.replacing(line: 35, with: "    evidence_type: [misuse_documented]"),
                        ["35: indicator N1: unknown key \"evidence_type\" (did you mean \"evidence_types\"?); allowed: \(evidenceKeys)"]),
            InvalidCase("unknown key in a pillar", valid.replacing(line: 6, with: "  - {id: accountability, name: Accountability, weigth: 0.5}"),
                        ["6: pillar accountability: unknown key \"weigth\" (did you mean \"weight\"?); allowed: id, name, weight"]),
            InvalidCase("unknown key in weights", valid.replacing(line: 9, with: "  certainty: {confirmed: 1, attributed: 0.75, reportd: 0.5}"),
                        ["9: weights.certainty: unknown key \"reportd\" (did you mean \"reported\"?); allowed: confirmed, attributed, reported"]),
            InvalidCase("unknown key in a grade", valid.replacing(line: 14, with: "  - {grade: A, minimum: 65, lable: Top}"),
                        ["14: grade A: unknown key \"lable\" (did you mean \"label\"?); allowed: grade, minimum, label, maximum_negative"]),
            InvalidCase("evidence key on a commitment", valid.replacing(line: 26, with: "    instruments: {pall-mall-code: 1}\n    half_life_days: 730"),
                        ["27: indicator C1: \"half_life_days\" does not apply to commitment indicators; allowed: \(indicatorKeys), instruments"]),
            InvalidCase("instruments on an evidence indicator", valid.replacing(line: 38, with: "    saturation: 2\n    instruments: {pall-mall-code: 1}"),
                        ["39: indicator N1: \"instruments\" does not apply to evidence indicators; allowed: \(evidenceKeys)"]),
            // Top-level values
            InvalidCase("id pattern", valid.replacing(line: 1, with: "id: Test Methodology"),
                        ["1: id: \"Test Methodology\" must match ^[a-z0-9][a-z0-9._-]*$"]),
            InvalidCase("bad period", valid.replacing(line: 4, with: "period: month"),
                        ["4: period: must be quarter or year, not \"month\""]),
            InvalidCase("empty title", valid.replacing(line: 3, with: "title:"),
                        ["3: title: has no value"]),
            InvalidCase("restricted_evidence", valid.replacing(line: 12, with: "minimum_evidence: 2\nrestricted_evidence: maybe"),
                        ["13: restricted_evidence: must be exclude or include, not \"maybe\""]),
            InvalidCase("negative minimum_evidence", valid.replacing(line: 12, with: "minimum_evidence: -1"),
                        ["12: minimum_evidence: must be at least 0, not -1"]),
            InvalidCase("fractional minimum_evidence", valid.replacing(line: 12, with: "minimum_evidence: 1.5"),
                        ["12: minimum_evidence: must be a whole number, not 1.5"]),
            // Pillars
            InvalidCase("pillar weights not adding up", valid.replacing(line: 7, with: "  - {id: precision, name: Precision, weight: 0.4}"),
                        ["5: pillars: the weights add up to 0.9, not 1"]),
            InvalidCase("negative pillar weight",
                        valid.replacing(line: 6, with: "  - {id: accountability, name: Accountability, weight: -0.5}")
                            .replacing(line: 7, with: "  - {id: precision, name: Precision, weight: 1.5}"),
                        ["6: pillar accountability: weight: must be at least 0, not -0.5"]),
            InvalidCase("duplicate pillar id", valid.replacing(line: 7, with: "  - {id: accountability, name: Precision, weight: 0.5}"),
                        ["7: pillars: duplicate id \"accountability\" (first on line 6)",
                         "32: indicator N1: pillar: \"precision\" is not one of the pillars (accountability)",
                         "44: indicator B1: pillar: \"precision\" is not one of the pillars (accountability)"]),
            InvalidCase("pillar without indicators",
                        valid.replacing(line: 6, with: "  - {id: accountability, name: Accountability, weight: 0.25}")
                            .replacing(line: 7, with: "  - {id: precision, name: Precision, weight: 0.5}\n  - {id: transparency, name: Transparency, weight: 0.25}"),
                        ["8: pillar transparency: no indicator belongs to it (give it one, or remove it and share out its weight)"]),
            // Weights
            InvalidCase("missing certainty level", valid.replacing(line: 9, with: "  certainty: {confirmed: 1, attributed: 0.75}"),
                        ["9: weights.certainty: missing required key \"reported\""]),
            InvalidCase("negative reliability weight", valid.replacing(line: 10, with: "  reliability: {A: 1, B: 0.9, C: 0.75, D: 0.5, E: -0.25, F: 0.5}"),
                        ["10: weights.reliability.E: must be at least 0, not -0.25"]),
            InvalidCase("severity out of range", valid.replacing(line: 11, with: "  severity: {1: 0.2, 2: 0.4, 3: 0.6, 4: 0.8, 5: 1, 6: 1.2}"),
                        ["11: weights.severity: unknown key \"6\"; allowed: 1, 2, 3, 4, 5"]),
            InvalidCase("weight that is not a number", valid.replacing(line: 9, with: "  certainty: {confirmed: high, attributed: 0.75, reported: 0.5}"),
                        ["9: weights.certainty.confirmed: must be a number, not \"high\""]),
            // Grades
            InvalidCase("grades not decreasing", valid.replacing(line: 15, with: "  - {grade: B, minimum: 70}"),
                        ["15: grade B: minimum: must be lower than the minimum of grade A above it (65), not 70: grades go from highest to lowest"]),
            InvalidCase("last grade minimum not 0", valid.replacing(line: 16, with: "  - {grade: C, minimum: 10}"),
                        ["16: grade C: minimum: the last grade's minimum must be 0, so that every score gets a grade, not 10"]),
            InvalidCase("duplicate grade", valid.replacing(line: 15, with: "  - {grade: A, minimum: 50}"),
                        ["15: grades: duplicate grade \"A\" (first on line 14)"]),
            InvalidCase("grade minimum above 100", valid.replacing(line: 14, with: "  - {grade: A, minimum: 120}"),
                        ["14: grade A: minimum: must be from 0 to 100 (the range of the combined score), not 120"]),
            InvalidCase("no grades", valid.replacing(line: 13, with: "grades: []").replacing(line: 14, with: nil).replacing(line: 14, with: nil).replacing(line: 14, with: nil),
                        ["13: grades: must list at least one grade"]),
            // Indicators: common keys
            InvalidCase("duplicate code", valid.replacing(line: 39, with: "  - code: N1"),
                        ["39: indicators: duplicate code \"N1\" (first on line 27)"]),
            InvalidCase("code pattern", valid.replacing(line: 18, with: "  - code: c1"),
                        ["18: indicators[1]: code: \"c1\" must match ^[A-Z0-9][A-Z0-9-]*$"]),
            InvalidCase("unknown pillar", valid.replacing(line: 32, with: "    pillar: precison"),
                        ["32: indicator N1: pillar: \"precison\" is not one of the pillars (accountability, precision)"]),
            InvalidCase("bad polarity", valid.replacing(line: 22, with: "    polarity: good"),
                        ["22: indicator C1: polarity: must be positive or negative, not \"good\""]),
            InvalidCase("bad kind", valid.replacing(line: 25, with: "    kind: promise"),
                        ["25: indicator C1: kind: must be commitment, evidence or breach, not \"promise\""]),
            InvalidCase("bad role", valid.replacing(line: 35, with: "    evidence_types: [misuse_documented]\n    role: target"),
                        ["36: indicator N1: role: must be actor or counterpart, not \"target\""]),
            InvalidCase("unknown actor kind", valid.replacing(line: 30, with: "    applies_to: [state, company]"),
                        ["30: indicator N1: applies_to: \"company\" is not one of state, vendor, organisation, investor"]),
            InvalidCase("empty applies_to", valid.replacing(line: 30, with: "    applies_to: []"),
                        ["30: indicator N1: applies_to: must not be an empty list"]),
            InvalidCase("zero weight", valid.replacing(line: 33, with: "    weight: 0"),
                        ["33: indicator N1: weight: must be greater than 0, not 0"]),
            // Indicators: evidence and breach
            InvalidCase("negative half-life", valid.replacing(line: 36, with: "    half_life_days: -730"),
                        ["36: indicator N1: half_life_days: must be greater than 0 (it is the age in days at which evidence counts half), not -730"]),
            InvalidCase("zero window", valid.replacing(line: 37, with: "    window_days: 0"),
                        ["37: indicator N1: window_days: must be greater than 0 (conduct that ended longer ago than this many days does not count), not 0"]),
            InvalidCase("fractional window", valid.replacing(line: 37, with: "    window_days: 365.5"),
                        ["37: indicator N1: window_days: must be a whole number, not 365.5"]),
            InvalidCase("zero saturation", valid.replacing(line: 38, with: "    saturation: 0"),
                        ["38: indicator N1: saturation: must be greater than 0, not 0"]),
            InvalidCase("evidence without evidence types", valid.replacing(line: 35, with: nil),
                        ["27: indicator N1: missing required key \"evidence_types\""]),
            InvalidCase("empty evidence types", valid.replacing(line: 35, with: "    evidence_types: []"),
                        ["35: indicator N1: evidence_types: must not be an empty list"]),
            InvalidCase("evidence type listed twice", valid.replacing(line: 35, with: "    evidence_types: [misuse_documented, misuse_documented]"),
                        ["35: indicator N1: evidence_types: \"misuse_documented\" is listed twice"]),
            InvalidCase("breach without instruments", valid.replacing(line: 48, with: nil),
                        ["39: indicator B1: missing required key \"instruments\""]),
            // Indicators: commitment and breach instruments
            InvalidCase("commitment without instruments", valid.replacing(line: 26, with: nil),
                        ["18: indicator C1: missing required key \"instruments\""]),
            InvalidCase("commitment instruments as a list", valid.replacing(line: 26, with: "    instruments: [pall-mall-code]"),
                        ["26: indicator C1: instruments: must be a mapping of instrument id to weight (e.g. {pall-mall-code: 1}), not a list"]),
            InvalidCase("zero instrument weight", valid.replacing(line: 26, with: "    instruments: {pall-mall-code: 0}"),
                        ["26: indicator C1: instruments.pall-mall-code: must be greater than 0, not 0"]),
            InvalidCase("no instruments", valid.replacing(line: 26, with: "    instruments: {}"),
                        ["26: indicator C1: instruments: must name at least one instrument"]),
            // All problems at once, in line order
            InvalidCase("several problems",
                        valid.replacing(line: 36, with: "    half_life_days: -1").replacing(line: 4, with: "period: month")
                            .replacing(line: 1, with: "id: Bad"),
                        ["1: id: \"Bad\" must match ^[a-z0-9][a-z0-9._-]*$",
                         "4: period: must be quarter or year, not \"month\"",
                         "36: indicator N1: half_life_days: must be greater than 0 (it is the age in days at which evidence counts half), not -1"]),
        ]
    }()
}

extension String {
    /// This text with its 1-based line `number` replaced by `replacement` (which may hold several
    /// lines), or removed when `replacement` is nil.
    func replacing(line number: Int, with replacement: String?) -> String {
        var lines = components(separatedBy: "\n")
        precondition(lines.indices.contains(number - 1), "no line \(number)")
        if let replacement { lines[number - 1] = replacement } else { lines.remove(at: number - 1) }
        return lines.joined(separator: "\n")
    }
}

/// A generated section of a committed Markdown file, between `<!-- NAME:begin -->` and
/// `<!-- NAME:end -->`: compared, or rewritten when SCORECARD_UPDATE_SNAPSHOTS=1 (as ProjectFiles does for whole files).
enum DocumentSection {
    struct MarkersMissing: Error, CustomStringConvertible {
        let description: String
    }

    /// Nil when the section equals `generated`, else a message saying how to update it.
    static func compare(_ generated: String, with relativePath: String, section: String) throws -> String? {
        let url = ProjectFiles.url(relativePath)
        let document = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- \(section):begin -->\n", end = "<!-- \(section):end -->"
        guard let start = document.range(of: begin), let stop = document.range(of: end, range: start.upperBound..<document.endIndex) else {
            throw MarkersMissing(description: "\(relativePath) has no \(begin.dropLast()) … \(end) section")
        }
        if ProjectFiles.updatingSnapshots {
            try document.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: generated).write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        let committed = String(document[start.upperBound..<stop.lowerBound])
        guard committed != generated else { return nil }
        let difference = TextDiff.firstDifference(expected: committed, actual: generated) ?? ""
        return "the \(section) section of \(relativePath) is stale; run: SCORECARD_UPDATE_SNAPSHOTS=1 swift test --filter MethodologyTests (then review the diff)\n\(difference)"
    }
}
