import Postgres

/// Checks that involve more than one field of the same record.
enum RowRules {
    /// The fields the rules read; only these are kept as text while staging.
    static let fieldsTheyRead: Set<String> = ["kind", "iso_code", "valid_from", "valid_to", "committed_on", "withdrawn_on",
                                              "occurred_on", "published_on", "responded_on"]

    /// `fields` maps a field name to its raw text (absent or empty when missing).
    static func check(table: String, fields: [String: String], today: CalendarDate) -> [(field: String, reason: String)] {
        func date(_ name: String) -> PartialDate? {
            guard let text = fields[name], !text.isEmpty, case let .success(date) = PartialDate.parse(text) else { return nil }
            return date
        }
        var problems: [(String, String)] = []
        func notBefore(_ later: String, _ earlier: String) {
            if let a = date(later), let b = date(earlier), a.isWhollyBefore(b) {
                problems.append((later, "\(a) is before \(earlier) \(b)"))
            }
        }
        func notAfterToday(_ name: String) {
            if let a = date(name), a.start > today {
                problems.append((name, "\(a) is after the date of the load (\(today))"))
            }
        }
        switch table {
        case "actors":
            if fields["kind"] == "state", (fields["iso_code"] ?? "").isEmpty {
                problems.append(("iso_code", "is required for a state"))
            }
        case "actor_aliases", "actor_relations":
            notBefore("valid_to", "valid_from")
        case "commitments":
            notBefore("withdrawn_on", "committed_on")
            notAfterToday("committed_on")
            notAfterToday("withdrawn_on")
        case "evidence":
            notBefore("published_on", "occurred_on")
            notAfterToday("occurred_on")
            notAfterToday("published_on")
        case "responses":
            notAfterToday("responded_on")
        case "sources":
            notAfterToday("published_on")
        default:
            break
        }
        return problems
    }
}
