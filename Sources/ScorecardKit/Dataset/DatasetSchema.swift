/// The dataset's tables, defined once: validation, staging, loading, `datapackage.json`
/// and the format documentation's checks are all derived from these definitions.
public enum FieldType: Sendable, Equatable {
    /// `^[a-z0-9][a-z0-9._-]*$`, at most 100 characters.
    case id
    case text
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; stored as a date plus a precision column.
    case partialDate
    case url
    /// One of a fixed set of values.
    case oneOf([String])
    /// `;`-separated ids.
    case idList
    /// `;`-separated values from a fixed set.
    case listOf([String])
    case integer(ClosedRange<Int>)
    case boolean
    /// ISO 3166-1 alpha-2 or alpha-3, upper case.
    case countryCode
}

public struct FieldDefinition: Sendable {
    public let name: String
    public let type: FieldType
    public let required: Bool
    /// The table whose single-column primary key this field (or each list element) references.
    public let references: String?
    public let description: String
    /// A file may leave this column out, and then every record reads it as empty: the fields that
    /// format 2 added (events, measures, roles), so that a dataset written for format 1 still loads.
    public let mayBeAbsent: Bool

    public init(_ name: String, _ type: FieldType, required: Bool = false, references: String? = nil,
                mayBeAbsent: Bool = false, _ description: String = "") {
        self.name = name
        self.type = type
        self.required = required
        self.references = references
        self.mayBeAbsent = mayBeAbsent
        self.description = description
    }

    /// The database column holding a partial date's precision: `occurred_on` → `occurred_precision`.
    public var precisionColumn: String? {
        guard type == .partialDate else { return nil }
        return (name.hasSuffix("_on") ? String(name.dropLast(3)) : name) + "_precision"
    }

    /// Database columns for this field, with their types.
    public var columns: [(name: String, sqlType: String)] {
        switch type {
        case .partialDate: return [(name, "date"), (precisionColumn!, "text")]
        case .integer: return [(name, "integer")]
        case .boolean: return [(name, "boolean")]
        case .idList, .listOf: return [(name, "text[]")]
        default: return [(name, "text")]
        }
    }
}

public struct TableDefinition: Sendable {
    /// Resource name in `datapackage.json` and table name in the schema `scorecard`.
    public let name: String
    public let required: Bool
    public let fields: [FieldDefinition]
    public let primaryKey: [String]
    public let description: String

    public var fileName: String { name + ".csv" }

    public func field(_ name: String) -> FieldDefinition? { fields.first { $0.name == name } }

    public var columns: [(name: String, sqlType: String)] { fields.flatMap(\.columns) }
}

public enum DatasetSchema {
    public static let actorKinds = ["state", "vendor", "organisation", "investor"]
    public static let certainties = ["confirmed", "attributed", "reported"]
    public static let sensitivities = ["public", "restricted"]
    public static let reliabilityGrades = ["A", "B", "C", "D", "E", "F"]
    public static let instrumentKinds = ["declaration", "code_of_practice", "joint_statement", "law", "regulation",
                                         "executive_order", "export_control", "standard", "industry_code", "guidance"]
    public static let commitmentKinds = ["endorsed", "signed", "joined", "ratified", "adopted"]
    /// "actor_id relation related_actor_id". parent_of, subsidiary_of, member_of and successor_of
    /// put two actors of one kind in one group (docs/methodology.md, "Groups"); investor_in does not.
    public static let relationKinds = ["parent_of", "subsidiary_of", "member_of", "investor_in", "successor_of"]

    /// In load order: a table comes after every table it references.
    public static let tables: [TableDefinition] = [
        TableDefinition(name: "principles", required: true, fields: [
            FieldDefinition("id", .id, required: true),
            FieldDefinition("name", .text, required: true),
            FieldDefinition("description", .text),
        ], primaryKey: ["id"], description: "Principles (pillars) that provisions serve."),
        TableDefinition(name: "actors", required: true, fields: [
            FieldDefinition("id", .id, required: true),
            FieldDefinition("kind", .oneOf(actorKinds), required: true),
            FieldDefinition("name", .text, required: true),
            FieldDefinition("iso_code", .countryCode, "Required for states."),
            FieldDefinition("country", .countryCode, "Headquarters of a vendor or investor."),
            FieldDefinition("description", .text),
            FieldDefinition("url", .url),
            FieldDefinition("sensitivity", .oneOf(sensitivities), mayBeAbsent: true,
                            "restricted: never shown publicly (e.g. a victim recorded as a counterpart); empty: public unless only restricted records name it."),
        ], primaryKey: ["id"], description: "States, vendors, organisations and investors."),
        TableDefinition(name: "sources", required: true, fields: [
            FieldDefinition("id", .id, required: true),
            FieldDefinition("url", .url, required: true),
            FieldDefinition("publisher", .text, required: true),
            FieldDefinition("title", .text),
            FieldDefinition("published_on", .partialDate),
            FieldDefinition("reliability", .oneOf(reliabilityGrades), required: true),
            FieldDefinition("archive_url", .url),
            FieldDefinition("quote", .text),
        ], primaryKey: ["id"], description: "Published sources with a reliability grade."),
        TableDefinition(name: "actor_aliases", required: false, fields: [
            FieldDefinition("actor_id", .id, required: true, references: "actors"),
            FieldDefinition("alias", .text, required: true),
            FieldDefinition("alias_kind", .oneOf(["alias", "former_name", "brand"]), required: true),
            FieldDefinition("valid_from", .partialDate),
            FieldDefinition("valid_to", .partialDate),
            FieldDefinition("source_id", .id, references: "sources"),
            FieldDefinition("sensitivity", .oneOf(sensitivities), mayBeAbsent: true,
                            "restricted: never shown publicly; empty: public unless its actor is restricted."),
        ], primaryKey: ["actor_id", "alias"], description: "Other names an actor is or was known by."),
        TableDefinition(name: "actor_relations", required: false, fields: [
            FieldDefinition("actor_id", .id, required: true, references: "actors"),
            FieldDefinition("relation", .oneOf(relationKinds), required: true),
            FieldDefinition("related_actor_id", .id, required: true, references: "actors"),
            FieldDefinition("valid_from", .partialDate),
            FieldDefinition("valid_to", .partialDate),
            FieldDefinition("source_id", .id, references: "sources"),
        ], primaryKey: ["actor_id", "relation", "related_actor_id"], description: "Relations between actors."),
        TableDefinition(name: "instruments", required: true, fields: [
            FieldDefinition("id", .id, required: true),
            FieldDefinition("kind", .oneOf(instrumentKinds), required: true),
            FieldDefinition("title", .text, required: true),
            FieldDefinition("short_name", .text),
            FieldDefinition("issuer", .text, required: true),
            FieldDefinition("adopted_on", .partialDate, required: true),
            FieldDefinition("url", .url),
            FieldDefinition("addresses", .listOf(actorKinds), required: true),
            FieldDefinition("binding", .boolean, required: true),
            FieldDefinition("source_id", .id, required: true, references: "sources"),
        ], primaryKey: ["id"], description: "Texts actors can commit to."),
        TableDefinition(name: "provisions", required: true, fields: [
            FieldDefinition("id", .id, required: true),
            FieldDefinition("instrument_id", .id, required: true, references: "instruments"),
            FieldDefinition("principle_id", .id, required: true, references: "principles"),
            FieldDefinition("reference", .text),
            FieldDefinition("text", .text, required: true),
            FieldDefinition("source_id", .id, references: "sources"),
        ], primaryKey: ["id"], description: "Clauses of instruments, tagged with a principle."),
        TableDefinition(name: "commitments", required: true, fields: [
            FieldDefinition("id", .id, required: true),
            FieldDefinition("actor_id", .id, required: true, references: "actors"),
            FieldDefinition("instrument_id", .id, required: true, references: "instruments"),
            FieldDefinition("kind", .oneOf(commitmentKinds), required: true),
            FieldDefinition("committed_on", .partialDate, required: true),
            FieldDefinition("withdrawn_on", .partialDate),
            FieldDefinition("source_id", .id, required: true, references: "sources"),
            FieldDefinition("note", .text),
        ], primaryKey: ["id"], description: "An actor committed to an instrument on a date."),
        TableDefinition(name: "evidence_types", required: true, fields: [
            FieldDefinition("id", .id, required: true),
            FieldDefinition("name", .text, required: true),
            FieldDefinition("description", .text),
            FieldDefinition("measure", .boolean, mayBeAbsent: true,
                            "true: a status that holds until ended (a sanction, a listing); empty or false: an act."),
            FieldDefinition("actor_kinds", .listOf(actorKinds), mayBeAbsent: true,
                            "The kinds of actor a record of this type may name as actor_id; empty: any."),
            FieldDefinition("counterpart_kinds", .listOf(actorKinds), mayBeAbsent: true,
                            "The kinds of actor it may name as counterpart_id; empty: any."),
        ], primaryKey: ["id"], description: "The dataset's vocabulary of conduct."),
        TableDefinition(name: "evidence", required: true, fields: [
            FieldDefinition("id", .id, required: true),
            FieldDefinition("actor_id", .id, required: true, references: "actors"),
            FieldDefinition("evidence_type", .id, required: true, references: "evidence_types"),
            FieldDefinition("occurred_on", .partialDate, required: true),
            FieldDefinition("published_on", .partialDate, required: true),
            FieldDefinition("counterpart_id", .id, references: "actors"),
            FieldDefinition("provision_id", .id, references: "provisions"),
            FieldDefinition("severity", .integer(1...5), required: true),
            FieldDefinition("certainty", .oneOf(certainties), required: true),
            FieldDefinition("sensitivity", .oneOf(sensitivities), required: true),
            FieldDefinition("summary", .text, required: true),
            FieldDefinition("source_ids", .idList, required: true, references: "sources"),
            FieldDefinition("event_id", .id, mayBeAbsent: true,
                            "The act the record reports; records of one act share it. Empty: the record is its own event."),
            FieldDefinition("ends", .id, mayBeAbsent: true,
                            "The id of the measure record (a sanction, a listing) that this record ends."),
            FieldDefinition("ends_on", .partialDate, mayBeAbsent: true,
                            "For a measure: the date it ended or ends, when no record of its own ends it."),
        ], primaryKey: ["id"], description: "Dated records of conduct."),
        TableDefinition(name: "responses", required: false, fields: [
            FieldDefinition("id", .id, required: true),
            FieldDefinition("evidence_id", .id, required: true, references: "evidence"),
            FieldDefinition("actor_id", .id, required: true, references: "actors"),
            FieldDefinition("responded_on", .partialDate, required: true),
            FieldDefinition("summary", .text, required: true),
            FieldDefinition("source_id", .id, required: true, references: "sources"),
        ], primaryKey: ["id"], description: "Replies to evidence (right of reply)."),
    ]

    public static func table(_ name: String) -> TableDefinition? { tables.first { $0.name == name } }
}
