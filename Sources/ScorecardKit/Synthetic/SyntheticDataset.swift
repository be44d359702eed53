import Foundation
import Postgres

/// Writes a valid synthetic dataset of any size, deterministic for a seed, with the shape of
/// real data: evidence per actor skewed (a few actors draw most of it), every evidence type
/// and both roles, partial dates, restricted rows, several sources per record, events of several
/// records, measures with their ends (SyntheticEvidence), corporate groups of vendors, and states
/// with real ISO 3166-1 codes.
public struct SyntheticDataset {
    public let actors: Int
    public let evidence: Int
    public let seed: UInt64
    /// Also write `evidence.table.csv`: the same evidence in the column layout of the
    /// `scorecard.evidence` table, for benchmarking against `psql \copy`.
    public var writeTableLayoutCopy = false

    public init(actors: Int, evidence: Int, seed: UInt64) {
        self.actors = max(actors, 4)
        self.evidence = evidence
        self.seed = seed
    }

    /// The "today" of generated data: fixed so that output does not depend on the day.
    public static let referenceDate = CalendarDate(year: 2026, month: 6, day: 30)!

    public static let evidenceTypes = [
        ("sanction_imposed", "Sanction imposed"), ("entity_listing", "Entity listing"), ("court_ruling", "Court ruling"),
        ("export_rule_enacted", "Export rule enacted"), ("oversight_body_created", "Oversight body created"),
        ("transparency_report", "Transparency report"), ("misuse_documented", "Misuse documented"),
        ("procurement_documented", "Procurement documented"), ("sale_to_abusive_customer", "Sale to an abusive customer"),
        ("restructuring_to_evade_sanctions", "Restructuring to evade sanctions"), ("measure_lifted", "Measure lifted"),
    ]

    /// Corporate groups of vendors (actor_relations.csv rows): in each block of ten actors, vendor 7
    /// belongs to vendor 6, by member_of, subsidiary_of, parent_of or successor_of in turn (successor_of
    /// from 2022: a rename), and every eighth block's vendor 6 is itself a member of the previous block's,
    /// a group two levels deep. Every edge points to a lower id: no cycles, and each entity one parent.
    static func groupRelations(actors: Int) -> [[String]] {
        var rows: [[String]] = []
        for block in 0..<(actors / 10) where block * 10 + 7 < actors {
            let parent = "actor-\(block * 10 + 6)", child = "actor-\(block * 10 + 7)"
            switch block % 4 {
            case 0: rows.append([child, "member_of", parent, "", "", "src-2"])
            case 1: rows.append([child, "subsidiary_of", parent, "2019-03", "", "src-2"])
            case 2: rows.append([parent, "parent_of", child, "", "", "src-2"])
            default: rows.append([parent, "successor_of", child, "2022-01-01", "", "src-2"])
            }
            if block % 8 == 4 { rows.append([parent, "member_of", "actor-\(block * 10 - 4)", "", "", "src-3"]) }
        }
        return rows
    }

    /// Writes the dataset's files into `directory` (created if needed). Streams: memory stays flat.
    public func write(to directory: URL, today: CalendarDate = .today) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let random = SplitMix64(seed: seed)
        let sourceCount = max(10, evidence / 4)
        let instruments = 6
        let end = min(today, CalendarDate(year: 2026, month: 6, day: 30)!)
        let start = CalendarDate(year: 2018, month: 1, day: 1)!
        let span = end.daysSinceEpoch - start.daysSinceEpoch

        let kind = SyntheticEvidence.kind
        // States take the UN members' and observers' codes in turn (the n-th state the n-th code), from
        // the embedded list validation checks them against (ReferenceLists): 195 states cover them all.
        let codes = ReferenceLists.unStates.map(\.alpha3)
        func isoCode(_ index: Int) -> String {
            let state = index / 10 * 6 + min(index % 10, 5)
            return codes[state % codes.count]
        }

        try CSVFileWriter.write(directory.appendingPathComponent("principles.csv"), header: ["id", "name", "description"]) { file in
            for name in ["accountability", "precision", "oversight", "transparency"] {
                try file.writeRow([name, name.capitalized, "Synthetic principle."])
            }
        }
        try CSVFileWriter.write(directory.appendingPathComponent("actors.csv"), header: ["id", "kind", "name", "iso_code", "country", "description", "url"]) { file in
            for index in 0..<actors {
                let k = kind(index)
                try file.writeRow(["actor-\(index)", k, "Synthetic \(k) \(index)", k == "state" ? isoCode(index) : "", k == "vendor" ? isoCode(index + 1) : "", "", ""])
            }
        }
        try CSVFileWriter.write(directory.appendingPathComponent("actor_aliases.csv"), header: ["actor_id", "alias", "alias_kind", "valid_from", "valid_to", "source_id"]) { file in
            for index in stride(from: 6, to: actors, by: 10) {
                try file.writeRow(["actor-\(index)", "Former Name \(index)", "former_name", "2015", "2019-06", "src-0"])
            }
        }
        try CSVFileWriter.write(directory.appendingPathComponent("actor_relations.csv"), header: ["actor_id", "relation", "related_actor_id", "valid_from", "valid_to", "source_id"]) { file in
            for index in stride(from: 9, to: actors, by: 10) where index - 2 >= 0 {
                try file.writeRow(["actor-\(index)", "investor_in", "actor-\(index - 2)", "2020", "", "src-1"])
            }
            for row in SyntheticDataset.groupRelations(actors: actors) { try file.writeRow(row) }
        }
        try CSVFileWriter.write(directory.appendingPathComponent("sources.csv"), header: ["id", "url", "publisher", "title", "published_on", "reliability", "archive_url", "quote"]) { file in
            let grades = ["A", "B", "B", "C", "C", "C", "D"]
            for index in 0..<sourceCount {
                let date = CalendarDate(daysSinceEpoch: start.daysSinceEpoch + index % max(1, span))
                try file.writeRow(["src-\(index)", "https://source\(index % 97).example.org/report/\(index)", "Publisher \(index % 97)", "Report \(index)",
                         date.description, grades[index % grades.count], "", index % 3 == 0 ? "A short \"quoted\" passage, with a comma." : ""])
            }
        }
        try CSVFileWriter.write(directory.appendingPathComponent("instruments.csv"), header: ["id", "kind", "title", "short_name", "issuer", "adopted_on", "url", "addresses", "binding", "source_id"]) { file in
            let kinds = ["declaration", "code_of_practice", "joint_statement", "law", "export_control", "industry_code"]
            for index in 0..<instruments {
                try file.writeRow(["instrument-\(index)", kinds[index], "Synthetic instrument \(index)", "", "Synthetic issuer",
                         "\(2018 + index)-0\(1 + index % 9)", "https://example.org/instrument/\(index)",
                         index == 5 ? "vendor" : "state;organisation", index == 3 ? "true" : "false", "src-\(index)"])
            }
        }
        let principles = ["accountability", "precision", "oversight", "transparency"]
        try CSVFileWriter.write(directory.appendingPathComponent("provisions.csv"), header: ["id", "instrument_id", "principle_id", "reference", "text", "source_id"]) { file in
            for instrument in 0..<instruments {
                for (p, principle) in principles.enumerated() {
                    try file.writeRow(["instrument-\(instrument).\(principle)", "instrument-\(instrument)", principle, "\(p + 1)", "Synthetic clause on \(principle).", ""])
                }
            }
        }
        try CSVFileWriter.write(directory.appendingPathComponent("commitments.csv"), header: ["id", "actor_id", "instrument_id", "kind", "committed_on", "withdrawn_on", "source_id", "note"]) { file in
            for index in 0..<actors where kind(index) == "state" || kind(index) == "organisation" {
                for instrument in 0..<5 where (index + instrument) % 3 != 0 {
                    let year = 2018 + instrument + index % 3
                    let withdrawn = index % 41 == 0 ? "\(min(year + 2, 2025))" : ""
                    try file.writeRow(["commitment-\(index)-\(instrument)", "actor-\(index)", "instrument-\(instrument)", "endorsed",
                             "\(year)-0\(1 + index % 9)", withdrawn, "src-\(instrument)", ""])
                }
            }
        }
        try CSVFileWriter.write(directory.appendingPathComponent("evidence_types.csv"),
                                header: ["id", "name", "description", "measure", "actor_kinds", "counterpart_kinds"]) { file in
            for (id, name) in SyntheticDataset.evidenceTypes {
                // Measures and their lifting take the roles the generator gives them; every other type takes any actor.
                let roles = SyntheticEvidence.measureTypes.contains(id) || id == SyntheticEvidence.liftType
                try file.writeRow([id, name, "Synthetic type.", SyntheticEvidence.measureTypes.contains(id) ? "true" : "",
                                   roles ? SyntheticEvidence.measureActorKinds.joined(separator: ";") : "",
                                   roles ? SyntheticEvidence.measureCounterpartKinds.joined(separator: ";") : ""])
            }
        }

        let evidenceHeader = ["id", "actor_id", "evidence_type", "occurred_on", "published_on", "counterpart_id", "provision_id",
                              "severity", "certainty", "sensitivity", "summary", "source_ids", "event_id", "ends", "ends_on"]
        let tableCopy = writeTableLayoutCopy ? directory.appendingPathComponent("evidence.table.csv") : nil
        var records = SyntheticEvidence(actors: actors, sourceCount: sourceCount, start: start, end: end, random: random)
        try CSVFileWriter.write(directory.appendingPathComponent("evidence.csv"), header: evidenceHeader, alsoTo: tableCopy,
                                alsoHeader: ["id", "actor_id", "evidence_type", "occurred_on", "occurred_precision", "published_on",
                                             "published_precision", "counterpart_id", "provision_id", "severity", "certainty",
                                             "sensitivity", "summary", "source_ids", "first_batch_id", "changed_batch_id",
                                             "event_id", "ends", "ends_on", "ends_precision"]) { file, tableFile in
            for index in 0..<evidence {
                let record = records.next(index: index)
                let counterpart = record.counterpart.map { "actor-\($0)" } ?? ""
                let sensitivity = record.restricted ? "restricted" : "public"
                let sources = record.sources.map { "src-\($0)" }
                let summary = "Synthetic record \(index): actor-\(record.actor) \(record.type.replacingOccurrences(of: "_", with: " ")), reported with \(record.certainty) certainty, \"quoted\" and with a comma."
                let endsOn = record.endsOn?.description ?? ""
                try file.writeRow(["ev-\(index)", "actor-\(record.actor)", record.type, record.occurredText, record.published.description,
                                   counterpart, record.provision, String(record.severity), record.certainty, sensitivity, summary,
                                   sources.joined(separator: ";"), record.eventID ?? "", record.ends ?? "", endsOn])
                try tableFile?.writeRow(["ev-\(index)", "actor-\(record.actor)", record.type, record.occurredStart.description, record.precision,
                                         record.published.description, "day", counterpart, record.provision, String(record.severity),
                                         record.certainty, sensitivity, summary, "{" + sources.joined(separator: ",") + "}", "1", "1",
                                         record.eventID ?? "", record.ends ?? "", endsOn, record.endsOn == nil ? "" : "day"])
            }
        }
        try CSVFileWriter.write(directory.appendingPathComponent("responses.csv"), header: ["id", "evidence_id", "actor_id", "responded_on", "summary", "source_id"]) { file in
            for index in stride(from: 0, to: min(evidence, 2000), by: 50) {
                try file.writeRow(["response-\(index)", "ev-\(index)", "actor-\(index % actors)", end.description, "A synthetic reply.", "src-0"])
            }
        }
        let descriptor = FrictionlessDescriptor.dataPackage(name: "synthetic", title: "Synthetic dataset (\(actors) actors, \(evidence) evidence, seed \(seed))")
        try Data(try FrictionlessDescriptor.json(descriptor).utf8).write(to: directory.appendingPathComponent(DataPackage.fileName))
    }
}

/// Writes RFC 4180 CSV through a buffer, quoting only fields that need it.
enum CSVFileWriter {
    static func write(_ url: URL, header: [String], _ body: (BufferedFile) throws -> Void) throws {
        try write(url, header: header, alsoTo: nil, alsoHeader: []) { file, _ in try body(file) }
    }

    /// Writes two files side by side (the dataset's and a companion in another layout).
    static func write(_ url: URL, header: [String], alsoTo second: URL?, alsoHeader: [String],
                      _ body: (BufferedFile, BufferedFile?) throws -> Void) throws {
        let first = try BufferedFile(url)
        let other = try second.map { try BufferedFile($0) }
        try first.writeRow(header)
        try other?.writeRow(alsoHeader)
        try body(first, other)
        try first.close()
        try other?.close()
    }

    final class BufferedFile {
        let handle: FileHandle
        var buffer: [UInt8] = []

        init(_ url: URL) throws {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
            handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 0)
            buffer.reserveCapacity(1 << 20)
        }

        func writeRow(_ fields: [String]) throws {
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(44) }
                let bytes = field.utf8
                if bytes.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
                    buffer.append(34)
                    for byte in bytes {
                        if byte == 34 { buffer.append(34) }
                        buffer.append(byte)
                    }
                    buffer.append(34)
                } else {
                    buffer.append(contentsOf: bytes)
                }
            }
            buffer.append(10)
            if buffer.count >= 1 << 20 { try flush() }
        }

        func flush() throws {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }

        func close() throws {
            try flush()
            try handle.close()
        }
    }
}
