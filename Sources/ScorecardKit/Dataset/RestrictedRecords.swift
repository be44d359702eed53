/// Which records of a dataset are restricted, as the files stream, for the two things validation
/// must know of them (docs/data-format.md, "Restricted records and names"):
///
/// - a problem on a restricted record withholds its values (an error message goes to a terminal, a
///   CI log or cron mail). A record is restricted when it is evidence whose sensitivity is not
///   `public`, an actor or alias marked `restricted`, an alias or relation of an actor marked
///   `restricted`, or a reply to restricted evidence;
/// - a public record may not name an actor marked `restricted`: public evidence (as actor or
///   counterpart), a commitment, a reply to public evidence. The record must be marked restricted
///   instead, so that the derived rule (`scorecard.public_actors`) never has to choose.
///
/// It holds the ids of restricted actors and evidence only (`ByteKeySet`). `DatasetChecks` states
/// the same rule in SQL over a load's staging tables (`restrictedRecord`, `restrictedNames`); the
/// two must agree (`CheckAgreementTests`). Only the field problems, which SQL does not check, also
/// withhold a record whose own mark is not a valid sensitivity (it may have meant restricted).
final class RestrictedRecords {
    private var actors = ByteKeySet()
    private var evidence = ByteKeySet()

    static let withheld = "value withheld: the record is restricted"

    /// The rule of one table, resolved to field positions.
    struct Rule {
        fileprivate enum Kind {
            case none
            case actors(id: Int, sensitivity: Int)
            case aliases(actor: Int, sensitivity: Int)
            case relations(actor: Int, related: Int)
            case commitments(actor: Int)
            case evidence(id: Int, sensitivity: Int, actor: Int, counterpart: Int)
            case responses(evidence: Int, actor: Int)
        }
        fileprivate let kind: Kind
        fileprivate unowned let records: RestrictedRecords

        /// True when problems of this record withhold its values, in SQL as here.
        func isRestricted(_ record: TableRecord) -> Bool {
            switch kind {
            case .none, .commitments: return false
            case let .actors(_, sensitivity): return record.field(sensitivity).elementsEqual(Self.restrictedMark)
            case let .aliases(actor, sensitivity):
                return record.field(sensitivity).elementsEqual(Self.restrictedMark) || records.actors.contains(record.field(actor))
            case let .relations(actor, related):
                return records.actors.contains(record.field(actor)) || records.actors.contains(record.field(related))
            case let .evidence(_, sensitivity, _, _): return !record.field(sensitivity).elementsEqual(Self.publicMark)
            case let .responses(evidence, _): return records.evidence.contains(record.field(evidence))
            }
        }

        /// True when the field problems of this record withhold its values: a restricted record, or
        /// an actor or alias whose mark is neither empty nor a sensitivity.
        func withholdsFields(_ record: TableRecord) -> Bool {
            if isRestricted(record) { return true }
            switch kind {
            case let .actors(_, sensitivity), let .aliases(_, sensitivity):
                let mark = record.field(sensitivity)
                return !mark.isEmpty && !mark.elementsEqual(Self.publicMark)
            default: return false
            }
        }

        /// The positions of the fields of a public record that name an actor marked restricted.
        func namesRestrictedActors(_ record: TableRecord, stored: [Bool]) -> [Int] {
            var fields: [Int]
            switch kind {
            case let .commitments(actor): fields = [actor]
            case let .evidence(_, sensitivity, actor, counterpart):
                guard record.field(sensitivity).elementsEqual(Self.publicMark) else { return [] }
                fields = [actor, counterpart]
            case let .responses(evidence, actor):
                guard !records.evidence.contains(record.field(evidence)) else { return [] }
                fields = [actor]
            default: return []
            }
            fields.removeAll { !stored[$0] || !records.actors.contains(record.field($0)) }
            return fields
        }

        /// Remembers a restricted actor or evidence record, for the records that name it.
        func note(_ record: TableRecord, stored: [Bool]) {
            switch kind {
            case let .actors(id, _) where stored[id] && isRestricted(record): _ = records.actors.insert(record.field(id))
            case let .evidence(id, _, _, _) where stored[id] && isRestricted(record): _ = records.evidence.insert(record.field(id))
            default: break
            }
        }

        private static let restrictedMark = Array("restricted".utf8)
        private static let publicMark = Array("public".utf8)
    }

    func rule(for table: TableDefinition) -> Rule {
        func index(_ name: String) -> Int { table.fields.firstIndex { $0.name == name }! }
        let kind: Rule.Kind
        switch table.name {
        case "actors": kind = .actors(id: index("id"), sensitivity: index("sensitivity"))
        case "actor_aliases": kind = .aliases(actor: index("actor_id"), sensitivity: index("sensitivity"))
        case "actor_relations": kind = .relations(actor: index("actor_id"), related: index("related_actor_id"))
        case "commitments": kind = .commitments(actor: index("actor_id"))
        case "evidence": kind = .evidence(id: index("id"), sensitivity: index("sensitivity"), actor: index("actor_id"), counterpart: index("counterpart_id"))
        case "responses": kind = .responses(evidence: index("evidence_id"), actor: index("actor_id"))
        default: kind = .none
        }
        return Rule(kind: kind, records: self)
    }
}
