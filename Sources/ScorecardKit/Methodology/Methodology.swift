/// How evidence and commitments become indicator values and scores: the parsed form of a
/// methodology file (`methodology.yaml`, documented in docs/methodology.md).
///
/// Its JSON has one shape, the file's own snake_case keys: it is what `scorecard.methodologies.definition`
/// stores and what the scoring queries receive. Definitions stored by scorecard 0.1.0 (camelCase) are
/// read through `scorecard.methodology_definition(jsonb)`, which gives them this shape.
public struct Methodology: Sendable, Equatable, Codable {
    public var id: String
    public var version: String
    public var title: String
    public var description: String?
    public var period: PeriodKind
    public var pillars: [Pillar]
    public var weights: Weights
    public var restrictedEvidence: RestrictedEvidence
    /// Fewer conduct events than this behind an actor's scores: no grade and no rank.
    public var minimumEvidence: Int
    /// Instruments whose commitment status (committed on, not committed, withdrawn) every report
    /// shows for every actor they address, scored or not: who is inside the process and who is not.
    /// Optional in the file and in stored definitions (those of 1.x have none).
    public var statusInstrumentIDs: [String]?
    public var statusInstruments: [String] { statusInstrumentIDs ?? [] }
    /// Highest band first; the last has `minimum` 0.
    public var grades: [GradeBand]
    public var indicators: [Indicator]

    enum CodingKeys: String, CodingKey {
        case id, version, title, description, period, pillars, weights, grades, indicators
        case restrictedEvidence = "restricted_evidence"
        case minimumEvidence = "minimum_evidence"
        case statusInstrumentIDs = "status_instruments"
    }

    public enum PeriodKind: String, Sendable, Codable { case quarter, year }

    public enum RestrictedEvidence: String, Sendable, Codable {
        /// Restricted evidence is not scored (the default: public reports can show every score).
        case exclude
        /// Restricted evidence is scored; reports of such runs are for internal use only.
        case include
    }

    public struct Pillar: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var weight: Double
    }

    public struct Weights: Sendable, Equatable, Codable {
        /// By certainty: confirmed, attributed, reported.
        public var certainty: [String: Double]
        /// By source reliability grade A–F; a record takes the best of its sources.
        public var reliability: [String: Double]
        /// By severity 1–5.
        public var severity: [Int: Double]
    }

    public struct GradeBand: Sendable, Equatable, Codable {
        public var grade: String
        public var minimum: Double
        public var label: String?
        /// Optional: the highest negative face an actor may have for this band (a leading actor's
        /// record holds at most a trace of misconduct); above it, the next band that allows it.
        public var maximumNegative: Double?

        enum CodingKeys: String, CodingKey {
            case grade, minimum, label
            case maximumNegative = "maximum_negative"
        }
    }

    public struct Indicator: Sendable, Equatable, Codable {
        public var code: String
        public var name: String
        public var description: String
        public var appliesTo: [String]
        public var polarity: Polarity
        public var pillar: String
        public var weight: Double
        public var kind: Kind
        /// evidence and breach: which types count, and whose conduct (the actor's or the counterpart's).
        public var evidenceTypes: [String]
        public var role: Role
        /// evidence and breach: time decay and saturation.
        public var halfLifeDays: Double
        public var windowDays: Int
        public var saturation: Double
        /// commitment: instrument id → weight; breach: the instruments whose promises count (weights ignored).
        public var instruments: [String: Double]

        enum CodingKeys: String, CodingKey {
            case code, name, description, polarity, pillar, weight, kind, role, saturation, instruments
            case appliesTo = "applies_to"
            case evidenceTypes = "evidence_types"
            case halfLifeDays = "half_life_days"
            case windowDays = "window_days"
        }

        public enum Polarity: String, Sendable, Codable { case positive, negative }
        public enum Kind: String, Sendable, Codable { case commitment, evidence, breach }
        public enum Role: String, Sendable, Codable { case actor, counterpart }
    }
}
