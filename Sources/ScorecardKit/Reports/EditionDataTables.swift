/// The tables of an edition's `data/` folder, defined once: each file's name, the query that reads
/// it (`Schemas/queries/report/data_*.sql`, whose columns are named as the fields), its fields with
/// their types, titles and descriptions, and its keys. `EditionData` writes the files from this and
/// describes them from it in `data/datapackage.json`, so a file and its Table Schema cannot disagree.
public enum EditionDataTables {
    /// A field's type, as a Frictionless Table Schema (v2) names it.
    public enum FieldType: String, Sendable {
        case string, integer, number, boolean
    }

    public struct Field: Sendable {
        public let name: String
        public let type: FieldType
        public let title: String
        public let description: String
    }

    public struct ForeignKey: Sendable {
        public let fields: [String]
        /// The resource referred to (a table's `name`) and its fields.
        public let resource: String
        public let referenceFields: [String]
    }

    public struct Table: Sendable {
        /// The resource name in the data package (`actors`, `actors-ndjson`).
        public let name: String
        /// The file in `data/` (`actors.csv`).
        public let fileName: String
        public let format: Format
        public let title: String
        public let description: String
        /// The query of `Schemas/queries/report/`, e.g. `data_actors`.
        public let query: String
        public let fields: [Field]
        public let primaryKey: [String]
        public let foreignKeys: [ForeignKey]

        /// The file's path in the edition folder: `data/actors.csv`.
        public var path: String { EditionLayout.data(fileName) }
    }

    public enum Format: String, Sendable {
        case csv, ndjson

        public var mediatype: String {
            switch self {
            case .csv: return "text/csv"
            case .ndjson: return "application/x-ndjson"
            }
        }
    }

    static func field(_ name: String, _ type: FieldType, _ title: String, _ description: String) -> Field {
        Field(name: name, type: type, title: title, description: description)
    }

    static let actorKey = ForeignKey(fields: ["actor_id"], resource: "actors", referenceFields: ["actor_id"])

    /// Every field of an actor's row: `actors.csv` and `actors.ndjson` alike.
    public static let actorFields: [Field] = [
        field("actor_id", .string, "Actor", "The actor's id in the dataset (actors.csv)."),
        field("actor_name", .string, "Name", "The actor's name."),
        field("kind", .string, "Kind", "state, organisation, vendor or investor: actors are ranked within their kind."),
        field("country", .string, "Country", "Where a vendor or investor has its headquarters, as an ISO 3166-1 code; empty when not given."),
        field("iso_code", .string, "ISO code", "The actor's own ISO 3166-1 code (alpha-2 or alpha-3): every state has one; empty when not given."),
        field("positive", .number, "Positive", "Positive accountability (commitments kept, responsible conduct, consequences imposed), 0 to 100; empty when nothing positive was scored (no evidence, never 0)."),
        field("negative", .number, "Negative", "Negative accountability (documented misuse, consequences received, promises broken), 0 to 100; empty when nothing negative was scored (no evidence, never 0)."),
        field("combined", .number, "Combined", "(100 + positive - negative) / 2, an empty face counted as 0; empty when no conduct is on record (commitments alone are words) or neither face was scored."),
        field("grade", .string, "Grade", "The grade band of the combined score; empty with insufficient evidence, no conduct on record, or for an entity scored in its group."),
        field("rank", .integer, "Rank", "Rank by combined score among the actors of its kind with a grade, 1 = highest; equal scores share a rank. Empty when the actor has no rank."),
        field("ranked_in_kind", .integer, "Ranked in kind", "How many actors of this kind have a rank."),
        field("rank_p05", .integer, "Rank, 5th percentile", "The 5th percentile of the actor's rank when the weights are perturbed (the sensitivity analysis); empty when the run has no sensitivity analysis."),
        field("rank_p95", .integer, "Rank, 95th percentile", "The 95th percentile of the actor's rank in the sensitivity analysis; empty when there is none."),
        field("rank_median", .number, "Median rank", "The median of the actor's rank in the sensitivity analysis; empty when there is none."),
        field("grade_change_share", .number, "Share with another grade", "The share (0 to 1) of the sensitivity analysis' samples in which the actor gets another grade; empty when there is none."),
        field("events", .integer, "Events", "Conduct events behind the scores: each act once, however many records report it. The methodology's minimum_evidence counts these."),
        field("evidence_records", .integer, "Evidence records", "Distinct public evidence records behind the actor's evidence and breach indicators."),
        field("no_conduct", .boolean, "No conduct on record", "True when no conduct is on record at all (no event): no combined score and no grade."),
        field("insufficient_evidence", .boolean, "Insufficient evidence", "True when conduct is on record but fewer conduct events than the methodology's minimum_evidence: no grade and no rank."),
        field("group_id", .string, "Group", "For an entity of a corporate group: the group (an actor_id) whose score covers its conduct; the entity has no scores of its own. Empty otherwise."),
        field("commitment_status", .string, "Commitment status", "The actor's status under each of the methodology's status instruments that address its kind, as known at the period's end: 'Name committed DATE', 'Name withdrawn DATE (committed DATE)' or 'Name not committed', separated by '; '."),
        field("previous_combined", .number, "Previous combined", "The combined score of the previous period's run under the same methodology version; empty when there is none."),
        field("change", .number, "Change", "combined - previous_combined; empty when either is empty. Equals change_restated + change_time + change_conduct when those are given."),
        field("change_restated", .number, "Change: restated", "The part of the change that is the previous period known differently now (records published late, corrected or removed)."),
        field("change_time", .number, "Change: time", "The part of the change that is time alone (older evidence weighing less, leaving the window, measures ended): never the actor's own doing."),
        field("change_conduct", .number, "Change: conduct", "The part of the change that is this period's conduct: the only part that moves an actor up or down."),
    ]

    public static let actors = Table(
        name: "actors", fileName: "actors.csv", format: .csv, title: "Actors",
        description: "Every actor the run scored, ranked or not, with its scores, grade, rank, rank interval, counts, commitment status and change. One row per actor.",
        query: "data_actors", fields: actorFields, primaryKey: ["actor_id"], foreignKeys: [])

    public static let actorsNDJSON = Table(
        name: "actors-ndjson", fileName: "actors.ndjson", format: .ndjson, title: "Actors (NDJSON)",
        description: "The rows of actors.csv as newline-delimited JSON: one object per line and actor, keys in the order of actors.csv, numbers as JSON numbers, missing values as null.",
        query: "data_actors", fields: actorFields, primaryKey: ["actor_id"], foreignKeys: [actorKey])

    public static let pillars = Table(
        name: "pillars", fileName: "pillars.csv", format: .csv, title: "Pillar scores",
        description: "Each actor's positive and negative accountability per pillar of the methodology. One row per actor and pillar.",
        query: "data_pillars",
        fields: [
            field("actor_id", .string, "Actor", "The actor (actors.csv)."),
            field("pillar_id", .string, "Pillar", "The pillar's id in the methodology."),
            field("pillar_name", .string, "Pillar name", "The pillar's name in the methodology."),
            field("positive", .number, "Positive", "Weighted mean of the values of the pillar's positive indicators that apply to the actor, 0 to 100; empty when no conduct indicator of that polarity was scored."),
            field("negative", .number, "Negative", "Weighted mean of the values of the pillar's negative indicators that apply to the actor, 0 to 100; empty when no conduct indicator of that polarity was scored."),
        ],
        primaryKey: ["actor_id", "pillar_id"], foreignKeys: [actorKey])

    public static let indicators = Table(
        name: "indicators", fileName: "indicators.csv", format: .csv, title: "Indicator values",
        description: "Each indicator's state and value for each actor. One row per actor and indicator of the methodology.",
        query: "data_indicators",
        fields: [
            field("actor_id", .string, "Actor", "The actor (actors.csv)."),
            field("indicator_code", .string, "Indicator", "The indicator's code in the methodology."),
            field("indicator_name", .string, "Indicator name", "The indicator's name in the methodology."),
            field("pillar_id", .string, "Pillar", "The pillar the indicator belongs to (pillars.csv)."),
            field("polarity", .string, "Polarity", "positive or negative: the face of accountability the indicator counts towards."),
            field("kind", .string, "Kind", "commitment (commitments in force), evidence (weighted, decayed evidence) or breach (conduct after a commitment against it)."),
            field("state", .string, "State", "scored; no evidence (nothing on record, not the same as good conduct); not applicable (the indicator does not concern the actor); in group (the actor's group is scored for it)."),
            field("value", .number, "Value", "0 to 100 when scored; empty otherwise (no evidence is never 0)."),
            field("records", .integer, "Records", "Public evidence records behind the value (commitments in force, for a commitment indicator)."),
        ],
        primaryKey: ["actor_id", "indicator_code"], foreignKeys: [actorKey])

    public static let contributions = Table(
        name: "contributions", fileName: "contributions.csv", format: .csv, title: "Contributions",
        description: "What each public evidence record and each commitment contributed to each indicator value: the contributions of one value add up to it (each rounded to 0.001). One row per actor, indicator and record.",
        query: "data_contributions",
        fields: [
            field("actor_id", .string, "Actor", "The actor (actors.csv)."),
            field("indicator_code", .string, "Indicator", "The indicator (indicators.csv)."),
            field("record_type", .string, "Record type", "evidence (an evidence record of the dataset) or commitment (a commitment of the dataset)."),
            field("record_id", .string, "Record", "The evidence record's or the commitment's id in the dataset."),
            field("event_id", .string, "Event", "The conduct event the evidence record reports (its own id when it is an event of its own); empty for a commitment."),
            field("counts", .boolean, "Carries the event", "True when this record carries its event in the indicator; false when it corroborates another record of the same event, contributing 0. Always true for a commitment."),
            field("weight", .number, "Weight", "severity × certainty × reliability × decay (evidence; for the record that carries its event, the event's), or the instrument's weight (commitment)."),
            field("contribution", .number, "Contribution", "Its share of the indicator value, in points."),
        ],
        primaryKey: ["actor_id", "indicator_code", "record_type", "record_id"],
        foreignKeys: [
            actorKey,
            ForeignKey(fields: ["actor_id", "indicator_code"], resource: "indicators", referenceFields: ["actor_id", "indicator_code"]),
        ])

    /// Every table, in the order they are written and described.
    public static let all: [Table] = [actors, pillars, indicators, contributions, actorsNDJSON]

    /// The descriptor's file in the edition folder.
    public static let descriptorPath = EditionLayout.data("datapackage.json")
}
