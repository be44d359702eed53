import Postgres

/// Checks that involve more than one field of the same record, resolved to field positions
/// once per table so that checking a record does no lookups by name.
struct RowRules {
    private struct Ordering {
        let later: Int
        let earlier: Int
        /// The later date counts from its first day (a withdrawal: `scorecard.in_force`), so that
        /// may not fall before the earlier date either, as the table's CHECK also requires.
        let fromItsFirstDay: Bool
    }
    private var orderings: [Ordering] = []
    private var notInTheFuture: [Int] = []
    /// (kind, iso_code): a state needs an ISO code.
    private var stateNeedsCode: (kind: Int, code: Int)?
    private let names: [String]

    init(table: TableDefinition) {
        names = table.fields.map(\.name)
        func index(_ name: String) -> Int { table.fields.firstIndex { $0.name == name }! }
        func order(_ later: String, after earlier: String, fromItsFirstDay: Bool = false) {
            orderings.append(Ordering(later: index(later), earlier: index(earlier), fromItsFirstDay: fromItsFirstDay))
        }
        switch table.name {
        case "actors":
            stateNeedsCode = (index("kind"), index("iso_code"))
        case "actor_aliases", "actor_relations":
            order("valid_to", after: "valid_from")
        case "commitments":
            order("withdrawn_on", after: "committed_on", fromItsFirstDay: true)
            notInTheFuture = [index("committed_on"), index("withdrawn_on")]
        case "evidence":
            order("published_on", after: "occurred_on")
            order("ends_on", after: "occurred_on")  // a measure cannot end before it begins
            notInTheFuture = [index("occurred_on"), index("published_on")]
        case "responses":
            notInTheFuture = [index("responded_on")]
        case "sources":
            notInTheFuture = [index("published_on")]
        default:
            break
        }
    }

    var isEmpty: Bool { orderings.isEmpty && notInTheFuture.isEmpty && stateNeedsCode == nil }

    /// The problems of one record: (field position, reason). `withheld`: the record is restricted
    /// (`RestrictedRecords`), so the reasons name its fields but none of its dates.
    func check(_ record: TableRecord, today: CalendarDate, withheld: Bool = false) -> [(position: Int, reason: String)] {
        let hidden = " (\(RestrictedRecords.withheld))"
        func date(_ index: Int) -> PartialDate? {
            let raw = record.field(index)
            guard !raw.isEmpty, case let .success(date) = PartialDate.parse(bytes: raw) else { return nil }
            return date
        }
        var problems: [(Int, String)] = []
        for rule in orderings {
            guard let later = date(rule.later), let earlier = date(rule.earlier) else { continue }
            if later.isWhollyBefore(earlier) {
                problems.append((rule.later, withheld ? "is before \(names[rule.earlier])\(hidden)" : "\(later) is before \(names[rule.earlier]) \(earlier)"))
            } else if rule.fromItsFirstDay, later.start < earlier.start {
                problems.append((rule.later, withheld ? "takes effect from its first day, before \(names[rule.earlier]) (give the day)\(hidden)"
                                                      : "\(later) takes effect from its first day, \(later.start), before \(names[rule.earlier]) \(earlier) (give the day)"))
            }
        }
        for index in notInTheFuture {
            if let value = date(index), value.start > today {
                problems.append((index, withheld ? "is after the date of the load (\(today))\(hidden)" : "\(value) is after the date of the load (\(today))"))
            }
        }
        if let rule = stateNeedsCode, record.field(rule.kind).elementsEqual("state".utf8), record.field(rule.code).isEmpty {
            problems.append((rule.code, "is required for a state"))
        }
        return problems
    }
}
