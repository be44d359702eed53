/// `scorecard preview` as text, for a reviewer of a data change: what publishing now would do.
public enum PreviewText {
    public static func render(_ p: Preview) -> String {
        var out = "Preview as of \(p.asOf): what scorecard run would publish now. Nothing was written.\n"
        out += p.datasetChanged
            ? "Dataset: \(Messages.english.plural(p.rowsInserted, "record", "records")) added, \(p.rowsUpdated) changed, \(p.rowsDeleted) removed.\n"
            : "Dataset: unchanged.\n"

        out += "\nRestatements of published editions: \(p.restatements.isEmpty ? "none" : String(p.restatements.count))\n"
        for r in p.restatements { out += "  \(r.actorName) (\(r.actorID)), \(Messages.english.restatement(r))\n" }

        out += "\nEditions to publish: \(p.editions.isEmpty ? "none" : p.editions.map(\.period).joined(separator: ", "))\n"
        for e in p.editions {
            let against = e.previousPeriod.map { "against the \($0) edition as published" } ?? "the first edition: no previous one"
            out += "  \(e.period)\(e.backfill ? " (back-fill)" : ""), \(against): \(Messages.english.actors(e.movers.count)) moved\n"
            for m in e.movers { out += "    \(m.name) (\(m.actorID)): \(standing(m.previous)) → \(standing(m.now))\(m.change.map { ", \($0.signed)" } ?? "")\n" }
        }

        out += "\nCommitments: \(p.commitments.isEmpty ? "none added or ended" : "")\n"
        for c in p.commitments {
            out += "  \(c.change): \(c.id), \(c.actorID) \(c.kind) \(c.instrumentID)\(c.on.map { " (\($0))" } ?? "")\n"
        }
        return out
    }

    static func standing(_ s: Preview.Standing?) -> String {
        guard let s else { return "new" }
        return "\(Messages.english.number(s.combined)) (\(s.grade ?? "no grade")\(s.rank.map { ", rank \($0)" } ?? ""))"
    }
}

/// `scorecard preview --format json`: the same, for machines (a pull request bot). Keys sorted.
public enum PreviewJSON {
    public static let schemaVersion = "1.0"

    public static func render(_ p: Preview) -> String {
        let document: JSONValue = .object([
            "schema_version": .string(schemaVersion),
            "as_of": .string(p.asOf.description),
            "dataset": .object(["changed": .bool(p.datasetChanged), "inserted": .int(p.rowsInserted),
                                "updated": .int(p.rowsUpdated), "deleted": .int(p.rowsDeleted)]),
            "restatements": .array(p.restatements.map(JSONReport.restatement)),
            "editions": .array(p.editions.map { e in
                .object(["period": .string(e.period), "backfill": .bool(e.backfill),
                         "previous_period": JSONReport.string(e.previousPeriod),
                         "movers": .array(e.movers.map { m in
                             .object(["actor_id": .string(m.actorID), "name": .string(m.name), "kind": .string(m.kind),
                                      "previous": m.previous.map(standing) ?? .null, "now": standing(m.now),
                                      "change": JSONReport.number(m.change)])
                         })])
            }),
            "commitments": .array(p.commitments.map { c in
                .object(["change": .string(c.change), "id": .string(c.id), "actor_id": .string(c.actorID),
                         "instrument_id": .string(c.instrumentID), "kind": .string(c.kind), "on": JSONReport.string(c.on)])
            }),
        ])
        var out = ""
        JSONReport.write(document, indent: 0, to: &out)
        return out + "\n"
    }

    static func standing(_ s: Preview.Standing) -> JSONValue {
        .object(["combined": JSONReport.number(s.combined), "grade": JSONReport.string(s.grade), "rank": s.rank.map(JSONValue.int) ?? .null])
    }
}
