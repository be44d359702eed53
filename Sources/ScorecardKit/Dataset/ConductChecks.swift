/// The checks of evidence records against the actors and evidence types they name, and against
/// each other, run in Swift as the files stream (`CrossRecordChecks` calls them); `ConductChecksInSQL`
/// runs the same checks over a load's staging tables, and both word them through `CrossRecordProblems`:
/// - roles: the actor's kind is among its evidence type's `actor_kinds`, the counterpart's among
///   `counterpart_kinds` (empty: any);
/// - measures: `ends` names another record of the evidence file (it may come later in the file),
///   whose type is a measure; `ends_on` is only on a record whose type is a measure;
/// - events: the records sharing an `event_id` share `actor_id` and `evidence_type`.
///
/// Memory follows the key sets: a byte per actor (its kind), a few fields per evidence type, four
/// bytes per evidence record (its type), twelve per event, and the `ends` values named. Where an id
/// is given twice (itself a problem), its first record counts, as `DISTINCT ON … ORDER BY line` in SQL.
/// A value with a problem of its own, or one that names nothing, is skipped, in SQL as here.
final class ConductChecks {
    /// Each check, in the order found: by line, then by field.
    enum Check: Int, CaseIterable { case roles, ends, endsOn, events }

    private struct EvidenceType {
        let id: String
        let measure: Bool
        /// Bit `i`: `DatasetSchema.actorKinds[i]`; 0: any.
        let actorKinds: UInt8
        let counterpartKinds: UInt8
    }

    private struct Event {
        let firstLine: UInt32
        /// Indices into `eventValues`, -1 when the first record's field is not stored.
        let actor: Int32
        let evidenceType: Int32
    }

    private let limit: Int
    private let evidence = DatasetSchema.table("evidence")!
    private let evidenceFile: String
    private let typesFile: String
    private let actorKeys: CrossRecordChecks.TableKeys
    private let typeKeys: CrossRecordChecks.TableKeys
    private let evidenceKeys: CrossRecordChecks.TableKeys

    /// By actor key index: the index of its kind in `DatasetSchema.actorKinds`, or `noKind`.
    private var actorKinds: [UInt8] = []
    private static let noKind: UInt8 = 0xFF
    /// The UN states (alpha-3) that an actor of kind state has the code of (alpha-2 or alpha-3).
    private(set) var statesPresent: Set<String> = []
    /// By evidence type key index: what its first record says.
    private var types: [EvidenceType] = []
    /// By evidence key index: the evidence type key index of its first record, or -1.
    private var recordTypes: [Int32] = []
    /// The `ends` values, in line order, resolved when every record is read (`found`).
    private var ends: [(line: Int, value: [UInt8], itself: Bool)] = []
    private var events = ByteKeySet()
    private var eventFirsts: [Event] = []
    /// The actor ids and evidence types of events' first records, interned.
    private var eventValues = ByteKeySet()
    private var found = [DatasetChecks.Found](repeating: .init(), count: Check.allCases.count)

    private let position: (actorID: Int, type: Int, counterpart: Int, id: Int, ends: Int, endsOn: Int, event: Int)

    init(package: DataPackage, keys: [CrossRecordChecks.TableKeys], limit: Int) {
        self.limit = limit
        func keysOf(_ name: String) -> CrossRecordChecks.TableKeys { keys.first { $0.table.name == name }! }
        actorKeys = keysOf("actors")
        typeKeys = keysOf("evidence_types")
        evidenceKeys = keysOf("evidence")
        evidenceFile = CrossRecordProblems.file(of: evidence, in: package)
        typesFile = CrossRecordProblems.file(of: DatasetSchema.table("evidence_types")!, in: package)
        let fields = DatasetSchema.table("evidence")!.fields
        func at(_ name: String) -> Int { fields.firstIndex { $0.name == name }! }
        position = (at("actor_id"), at("evidence_type"), at("counterpart_id"), at("id"), at("ends"), at("ends_on"), at("event_id"))
    }

    // MARK: - The records, as they stream

    /// An actor; `inserted`: its id's key index when this is its first record.
    func actor(_ record: TableRecord, stored: [Bool], inserted: Int?) {
        let table = actorKeys.table
        let kindField = 1, codeField = 3
        precondition(table.fields[kindField].name == "kind" && table.fields[codeField].name == "iso_code")
        let kind = stored[kindField] ? DatasetSchema.actorKinds.firstIndex { record.field(kindField).elementsEqual($0.utf8) } : nil
        if inserted != nil { actorKinds.append(kind.map(UInt8.init) ?? Self.noKind) }
        if kind == 0, stored[codeField] {  // a state
            let code = String(decoding: record.field(codeField), as: UTF8.self)
            if let state = ReferenceLists.unStateByCode[code] { statesPresent.insert(state) }
        }
    }

    func evidenceType(_ record: TableRecord, stored: [Bool], inserted: Int?) {
        guard inserted != nil else { return }
        let table = typeKeys.table
        func at(_ name: String) -> Int { table.fields.firstIndex { $0.name == name }! }
        func kinds(_ name: String) -> UInt8 {
            let index = at(name)
            guard stored[index] else { return 0 }
            var mask: UInt8 = 0
            for element in record.field(index).split(separator: 59) {
                if let kind = DatasetSchema.actorKinds.firstIndex(where: { element.elementsEqual($0.utf8) }) { mask |= 1 << kind }
            }
            return mask
        }
        types.append(EvidenceType(id: String(decoding: record.field(at("id")), as: UTF8.self),
                                  measure: stored[at("measure")] && record.field(at("measure")).elementsEqual("true".utf8),
                                  actorKinds: kinds("actor_kinds"), counterpartKinds: kinds("counterpart_kinds")))
    }

    func evidenceRecord(_ record: TableRecord, stored: [Bool], inserted: Int?) {
        let line = record.line
        let type = stored[position.type] ? typeKeys.index(of: record.field(position.type)) : nil
        if inserted != nil { recordTypes.append(Int32(type ?? -1)) }

        if let type {
            // Called twice, not looped over an array: this runs for every record of a large file.
            func checkRole(_ index: Int, _ allowed: UInt8) {
                guard allowed != 0, stored[index], let actor = actorKeys.index(of: record.field(index)),
                      actorKinds[actor] != Self.noKind, allowed & (1 << actorKinds[actor]) == 0 else { return }
                add(.roles, CrossRecordProblems.wrongKind(
                    field: evidence.fields[index], position: index, kind: DatasetSchema.actorKinds[Int(actorKinds[actor])],
                    evidenceType: types[type].id, allowed: Self.kinds(allowed), typesFile: typesFile, file: evidenceFile, line: line))
            }
            checkRole(position.actorID, types[type].actorKinds)
            checkRole(position.counterpart, types[type].counterpartKinds)
        }
        if stored[position.ends] {
            let value = record.field(position.ends)
            ends.append((line, Array(value), stored[position.id] && value.elementsEqual(record.field(position.id))))
        }
        if stored[position.endsOn], let type, !types[type].measure {
            add(.endsOn, CrossRecordProblems.endDateOfAnAct(evidenceType: types[type].id, typesFile: typesFile,
                                                            position: position.endsOn, file: evidenceFile, line: line))
        }
        if stored[position.event] {
            func interned(_ index: Int) -> Int32 { stored[index] ? Int32(eventValues.insert(record.field(index)).index) : -1 }
            let event = events.insert(record.field(position.event))
            if event.inserted {
                eventFirsts.append(Event(firstLine: UInt32(clamping: line), actor: interned(position.actorID), evidenceType: interned(position.type)))
            } else {
                let first = eventFirsts[event.index]
                func compare(_ index: Int, _ firstValue: Int32) {
                    guard firstValue >= 0, stored[index], eventValues.index(of: record.field(index)) != Int(firstValue) else { return }
                    add(.events, CrossRecordProblems.eventDiffers(field: evidence.fields[index], position: index,
                                                                  event: String(decoding: record.field(position.event), as: UTF8.self),
                                                                  firstLine: Int(first.firstLine), file: evidenceFile, line: line))
                }
                compare(position.actorID, first.actor)
                compare(position.type, first.evidenceType)
            }
        }
    }

    // MARK: - What was found

    /// Every check's problems, in `Check` order; `ends` resolved now that every id is known.
    func problems() -> DatasetChecks.Found {
        var endsFound = DatasetChecks.Found()
        for end in ends {
            let problem: DatasetProblem?
            if end.itself {
                problem = CrossRecordProblems.endsItself(position: position.ends, file: evidenceFile, line: end.line)
            } else if let target = evidenceKeys.index(of: end.value[...]) {
                let type = Int(recordTypes[target])
                problem = type < 0 || types[type].measure ? nil : CrossRecordProblems.endsAnAct(
                    value: String(decoding: end.value, as: UTF8.self), targetLine: evidenceKeys.firstLine(target),
                    evidenceType: types[type].id, typesFile: typesFile, position: position.ends, file: evidenceFile, line: end.line)
            } else {
                problem = CrossRecordProblems.unknownReference(to: evidence, targetFile: evidenceFile, value: String(decoding: end.value, as: UTF8.self),
                                                               field: evidence.fields[position.ends], position: position.ends, file: evidenceFile, line: end.line)
            }
            guard let problem else { continue }
            if endsFound.problems.count < limit { endsFound.problems.append(problem) } else { endsFound.unlisted += 1 }
        }
        var all = DatasetChecks.Found()
        for check in Check.allCases { all += check == .ends ? endsFound : found[check.rawValue] }
        return all
    }

    /// How many UN member and observer states no actor of kind state has the code of, and the first
    /// of them (`shown`, by alpha-3 code): a warning, since a dataset may cover some states only, but
    /// the universe of states is every one of them (docs/data-format.md, "Reference lists").
    func missingStatesWarning(actorsFile: String, shown: Int = 12) -> String? {
        let missing = ReferenceLists.unStates.filter { !statesPresent.contains($0.alpha3) }
        guard !missing.isEmpty else { return nil }
        let listed = missing.prefix(shown).map { "\($0.alpha3) (\($0.name))" }.joined(separator: ", ")
        let more = missing.count > shown ? ", and \(missing.count - shown) more" : ""
        return "\(missing.count) of the \(ReferenceLists.unStates.count) UN member and observer states have no actor of kind state "
            + "with their iso_code in \(actorsFile): \(listed)\(more)"
    }

    private func add(_ check: Check, _ problem: DatasetProblem) {
        if found[check.rawValue].problems.count < limit { found[check.rawValue].problems.append(problem) } else { found[check.rawValue].unlisted += 1 }
    }

    private static func kinds(_ mask: UInt8) -> [String] {
        DatasetSchema.actorKinds.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
    }
}
