/// The wording of the problems found across records: one definition for the checks in SQL
/// (`DatasetChecks`, over a load's staging tables) and in Swift (`CrossRecordChecks`, as the
/// files stream), so the two cannot word the same problem differently.
enum CrossRecordProblems {
    /// How many lines of a repeated key a problem is built from: the first, the second (the
    /// problem's own line) and five more named.
    static let linesKept = 8

    /// One problem per repeated key, on the line of its second record, pointing back to the first
    /// and naming the lines of the others (100,000 copies of one id are one problem, not 100,000).
    /// `key`: the key's fields joined with `/`, nil when a copy is a restricted record (withheld);
    /// `lines`: its first `linesKept` lines, in order.
    static func duplicateKey(in table: TableDefinition, file: String, key: ArraySlice<UInt8>?, lines: [Int], copies: Int) -> DatasetProblem {
        let shown = key.map(FieldConverter.quoted) ?? "(\(RestrictedRecords.withheld))"
        var reason = "duplicate \(table.primaryKey.count == 1 ? "id" : "key") \(shown) (first on line \(lines[0]))"
        if copies > 2 {
            let others = lines.dropFirst(2).prefix(5).map(String.init).joined(separator: ", ")
            reason += "; also on \(copies - 2) more line\(copies == 3 ? "" : "s"): \(others)\(copies > 7 ? ", …" : "")"
        }
        return DatasetProblem(file: file, line: lines[1], field: table.primaryKey.joined(separator: "+"), reason: reason,
                              position: table.fields.firstIndex { $0.name == table.primaryKey[0] } ?? -1)
    }

    /// A value of `field` (or one element of a list) that is no id of `target`; nil when the record
    /// is restricted (withheld).
    static func unknownReference(to target: TableDefinition, targetFile: String, value: String?, field: FieldDefinition,
                                 position: Int, file: String, line: Int) -> DatasetProblem {
        let noun = target.name == "evidence" ? "evidence" : String(target.name.dropLast())
        let shown = value.map { "'\($0)'" } ?? "(\(RestrictedRecords.withheld))"
        return DatasetProblem(file: file, line: line, field: field.name,
                              reason: "unknown \(noun.replacingOccurrences(of: "_", with: " ")) \(shown) (not in \(targetFile))",
                              position: position)
    }

    /// A public record names an actor marked restricted (`RestrictedRecords`); the id is withheld.
    static func namesRestrictedActor(field: FieldDefinition, position: Int, actorsFile: String, file: String, line: Int) -> DatasetProblem {
        DatasetProblem(file: file, line: line, field: field.name,
                       reason: "names an actor marked restricted in \(actorsFile), which a public record may not (value withheld; mark the record restricted, or the actor public)",
                       position: position)
    }

    /// A record names as actor (or counterpart) an actor whose kind its evidence type does not take
    /// (`actor_kinds`, `counterpart_kinds`). `allowed` is shown in `DatasetSchema.actorKinds` order.
    /// The actor's id is not repeated: the field holds it.
    static func wrongKind(field: FieldDefinition, position: Int, kind: String, evidenceType: String, allowed: [String],
                          typesFile: String, file: String, line: Int) -> DatasetProblem {
        let role = field.name == "actor_id" ? "actor" : "counterpart"
        let kinds = DatasetSchema.actorKinds.filter(allowed.contains).joined(separator: ", ")
        return DatasetProblem(file: file, line: line, field: field.name,
                              reason: "names \(article(kind)) \(kind), and evidence type '\(evidenceType)' takes as \(role) only: \(kinds) (\(role == "actor" ? "actor_kinds" : "counterpart_kinds") in \(typesFile))",
                              position: position)
    }

    /// `ends` names the record itself.
    static func endsItself(position: Int, file: String, line: Int) -> DatasetProblem {
        DatasetProblem(file: file, line: line, field: "ends", reason: "names the record itself; a record ends another record, a measure", position: position)
    }

    /// `ends` names a record whose evidence type is not a measure (an act cannot be ended).
    static func endsAnAct(value: String, targetLine: Int, evidenceType: String, typesFile: String, position: Int, file: String, line: Int) -> DatasetProblem {
        DatasetProblem(file: file, line: line, field: "ends",
                       reason: "'\(value)' (line \(targetLine)) is no measure: its evidence type '\(evidenceType)' is not marked measure true in \(typesFile)",
                       position: position)
    }

    /// `ends_on` on a record whose evidence type is not a measure.
    static func endDateOfAnAct(evidenceType: String, typesFile: String, position: Int, file: String, line: Int) -> DatasetProblem {
        DatasetProblem(file: file, line: line, field: "ends_on",
                       reason: "is only for a measure, and evidence type '\(evidenceType)' is not one (measure is not true in \(typesFile))",
                       position: position)
    }

    /// A record of an event whose `actor_id` or `evidence_type` differs from the event's first record.
    static func eventDiffers(field: FieldDefinition, position: Int, event: String, firstLine: Int, file: String, line: Int) -> DatasetProblem {
        DatasetProblem(file: file, line: line, field: field.name,
                       reason: "differs from that of line \(firstLine), the first record of event '\(event)': the records of one event are one act of one actor, and share actor_id and evidence_type",
                       position: position)
    }

    private static func article(_ word: String) -> String { "aeiou".contains(word.first ?? "x") ? "an" : "a" }

    /// The file a reference's target table is read from: its resource's path, else its usual name.
    static func file(of target: TableDefinition, in package: DataPackage) -> String {
        package.resources.first { $0.table.name == target.name }?.path ?? target.fileName
    }
}
