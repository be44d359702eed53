/// The checks that need more than one record, run in Swift as the files stream (so validation needs
/// no database): a key given twice in a file, and a reference to an id that no file defines.
///
/// They hold the keys of every table (`ByteKeySet`), never its records: `DatasetSchema.tables` is in
/// load order, each table after every table it references, so when a record is read the ids it may
/// name are all known and its references are resolved at once. `DatasetChecks` runs the same checks
/// in SQL over a load's staging tables; both give the same problems in the same order, each check
/// capped at the same limit (`CheckAgreementTests`), and word them through `CrossRecordProblems`.
/// The checks of evidence against the actors and types it names, and of events and measures, are
/// `ConductChecks`, fed from here.
final class CrossRecordChecks {
    private let package: DataPackage
    private let limit: Int
    /// By the table's position in `DatasetSchema.tables`; a table without a file has no keys.
    private var keys: [TableKeys]
    /// The files begun, in the order they are read.
    private var files: [FileChecks] = []
    /// Which records are restricted: their problems withhold values, and public ones may not name restricted actors.
    private let restricted = RestrictedRecords()
    let conduct: ConductChecks

    init(package: DataPackage, limit: Int) {
        self.package = package
        self.limit = limit
        keys = DatasetSchema.tables.map(TableKeys.init)
        conduct = ConductChecks(package: package, keys: keys, limit: limit)
    }

    /// Starts the checks of one file; `check` them each record, in the order of the file.
    func begin(_ resource: DataPackage.Resource) -> FileChecks {
        let position = DatasetSchema.tables.firstIndex { $0.name == resource.table.name }!
        let references = resource.table.fields.enumerated().compactMap { fieldPosition, field -> ReferenceCheck? in
            guard let target = field.references, let targetPosition = DatasetSchema.tables.firstIndex(where: { $0.name == target }) else { return nil }
            precondition(targetPosition < position, "DatasetSchema.tables must list \(target) before \(resource.table.name), which references it")
            let targetTable = DatasetSchema.tables[targetPosition]
            return ReferenceCheck(field: field, position: fieldPosition, target: keys[targetPosition], targetTable: targetTable,
                                  targetFile: CrossRecordProblems.file(of: targetTable, in: package), file: resource.path, limit: limit)
        }
        let observe: ((TableRecord, [Bool], Int?) -> Void)? = switch resource.table.name {
        case "actors": conduct.actor
        case "evidence_types": conduct.evidenceType
        case "evidence": conduct.evidenceRecord
        default: nil
        }
        let checks = FileChecks(file: resource.path, keys: keys[position], references: references, limit: limit,
                                rule: restricted.rule(for: resource.table), table: resource.table,
                                actorsFile: CrossRecordProblems.file(of: DatasetSchema.table("actors")!, in: package), observe: observe)
        files.append(checks)
        return checks
    }

    /// Everything found, in the order `DatasetChecks.run` lists it: per file, its repeated keys, then
    /// each reference field's unknown ids, then its public records that name restricted actors, then
    /// (for the evidence) `ConductChecks`'.
    func found() -> DatasetChecks.Found {
        var found = DatasetChecks.Found()
        for file in files {
            found += file.duplicates()
            for reference in file.references { found += reference.found }
            found += file.restrictedNames
            if file.keys.table.name == "evidence" { found += conduct.problems() }
        }
        return found
    }

    /// What is worth saying and is no problem: the UN states the dataset has no actor for.
    func warnings() -> [String] {
        let actorsFile = CrossRecordProblems.file(of: DatasetSchema.table("actors")!, in: package)
        return [conduct.missingStatesWarning(actorsFile: actorsFile)].compactMap { $0 }
    }

    /// The checks of one file.
    final class FileChecks {
        let file: String
        fileprivate let keys: TableKeys
        fileprivate private(set) var references: [ReferenceCheck]
        /// Whether a record is restricted (`RestrictedRecords`).
        let rule: RestrictedRecords.Rule
        fileprivate private(set) var restrictedNames = DatasetChecks.Found()
        private let table: TableDefinition
        private let actorsFile: String
        private let limit: Int
        private var scratch: [UInt8] = []
        /// Gets each record, what is stored of it, and its key's index when the key is new.
        private let observe: ((TableRecord, [Bool], Int?) -> Void)?

        fileprivate init(file: String, keys: TableKeys, references: [ReferenceCheck], limit: Int,
                         rule: RestrictedRecords.Rule, table: TableDefinition, actorsFile: String,
                         observe: ((TableRecord, [Bool], Int?) -> Void)?) {
            self.file = file
            self.keys = keys
            self.references = references
            self.limit = limit
            self.rule = rule
            self.table = table
            self.actorsFile = actorsFile
            self.observe = observe
        }

        /// Adds a record's key and resolves its references. `stored[i]`: field `i` holds a value a
        /// load stores (not empty, and without a problem); the others are NULL to the checks, in
        /// SQL as here.
        func check(_ record: TableRecord, stored: [Bool]) {
            let withheld = rule.isRestricted(record)
            var inserted: Int?
            if keys.fields.count == 1 {
                if stored[keys.fields[0]] { inserted = keys.add(record.field(keys.fields[0]), line: record.line, limit: limit, withheld: withheld) }
            } else if keys.fields.allSatisfy({ stored[$0] }) {
                // Joined with NUL, which no stored key field holds, so ("a/b", "c") and ("a", "b/c") stay apart.
                scratch.removeAll(keepingCapacity: true)
                for (index, field) in keys.fields.enumerated() {
                    if index > 0 { scratch.append(0) }
                    scratch.append(contentsOf: record.field(field))
                }
                keys.add(scratch[...], line: record.line, limit: limit, withheld: withheld)
            }
            for index in references.indices where stored[references[index].position] {
                references[index].check(record.field(references[index].position), line: record.line, withheld: withheld)
            }
            for position in rule.namesRestrictedActors(record, stored: stored) {
                if restrictedNames.problems.count < limit {
                    restrictedNames.problems.append(CrossRecordProblems.namesRestrictedActor(field: table.fields[position], position: position,
                                                                                            actorsFile: actorsFile, file: file, line: record.line))
                } else {
                    restrictedNames.unlisted += 1
                }
            }
            rule.note(record, stored: stored)
            observe?(record, stored, inserted)
        }

        fileprivate func duplicates() -> DatasetChecks.Found {
            var found = DatasetChecks.Found()
            for repeated in keys.repeated {
                found.problems.append(CrossRecordProblems.duplicateKey(in: keys.table, file: file, key: repeated.withheld ? nil : repeated.shown[...],
                                                                       lines: repeated.lines, copies: repeated.copies))
            }
            found.unlisted = max(0, keys.repeatedCount - limit)
            return found
        }
    }

    /// A table's keys, with the line of each key's first record and the keys given more than once.
    final class TableKeys {
        struct Repeated {
            /// The key as a problem shows it, fields joined with `/`, as much of it as a message shows.
            let shown: [UInt8]
            var lines: [Int]
            var copies: Int
            /// A copy is a restricted record: the problem withholds the key.
            var withheld: Bool
        }

        let table: TableDefinition
        /// The positions of the primary key's fields.
        let fields: [Int]
        private var set = ByteKeySet()
        /// By key index; 4 bytes, not 8, as there is one per key (a line past 2³² would read as 2³² − 1).
        private var firstLines: [UInt32] = []
        /// The first `limit` keys given twice, in the order of their second lines.
        private(set) var repeated: [Repeated] = []
        /// Every key given twice: its place in `repeated`, or -1 past the limit (counted, not listed).
        private var repeatedIndex: [Int: Int] = [:]
        /// The keys (by index) of restricted records: a restricted record's key is never shown.
        private var withheldKeys: Set<Int> = []
        var repeatedCount: Int { repeatedIndex.count }

        init(_ table: TableDefinition) {
            self.table = table
            fields = table.primaryKey.map { name in table.fields.firstIndex { $0.name == name }! }
        }

        func contains(_ key: ArraySlice<UInt8>) -> Bool { set.contains(key) }

        func index(of key: ArraySlice<UInt8>) -> Int? { set.index(of: key) }

        /// The line of the first record of the key at `index`.
        func firstLine(_ index: Int) -> Int { Int(firstLines[index]) }

        /// Adds a record's key; returns its index when the key is new.
        @discardableResult
        func add(_ key: ArraySlice<UInt8>, line: Int, limit: Int, withheld: Bool) -> Int? {
            let (inserted, index) = set.insert(key)
            if withheld { withheldKeys.insert(index) }
            if inserted {
                firstLines.append(UInt32(clamping: line))
                return index
            }
            if let place = repeatedIndex[index] {
                guard place >= 0 else { return nil }
                repeated[place].copies += 1
                if withheld { repeated[place].withheld = true }
                if repeated[place].lines.count < CrossRecordProblems.linesKept { repeated[place].lines.append(line) }
            } else if repeated.count < limit {
                repeatedIndex[index] = repeated.count
                let shown = key.prefix(FieldConverter.shownBytes).map { $0 == 0 ? UInt8(ascii: "/") : $0 }
                repeated.append(Repeated(shown: shown, lines: [Int(firstLines[index]), line], copies: 2, withheld: withheldKeys.contains(index)))
            } else {
                repeatedIndex[index] = -1
            }
            return nil
        }
    }

    /// One field that names ids of another table, and the values found that are none.
    fileprivate struct ReferenceCheck {
        let field: FieldDefinition
        let position: Int
        let target: TableKeys
        let targetTable: TableDefinition
        let targetFile: String
        let file: String
        let limit: Int
        private(set) var found = DatasetChecks.Found()

        mutating func check(_ raw: ArraySlice<UInt8>, line: Int, withheld: Bool) {
            guard field.type.isList else {
                if !target.contains(raw) { unknown(raw, line: line, withheld: withheld) }
                return
            }
            // The elements a load stores, as FieldConverter splits them; the unknown ones in byte order.
            let unknown = raw.split(separator: 59, omittingEmptySubsequences: false).filter { !target.contains($0) }
            for element in unknown.sorted(by: { $0.lexicographicallyPrecedes($1) }) { self.unknown(element, line: line, withheld: withheld) }
        }

        private mutating func unknown(_ value: ArraySlice<UInt8>, line: Int, withheld: Bool) {
            guard found.problems.count < limit else {
                found.unlisted += 1
                return
            }
            found.problems.append(CrossRecordProblems.unknownReference(to: targetTable, targetFile: targetFile, value: withheld ? nil : String(decoding: value, as: UTF8.self),
                                                                       field: field, position: position, file: file, line: line))
        }
    }
}
