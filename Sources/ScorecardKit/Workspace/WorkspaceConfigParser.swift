import Foundation
import Yams

/// Reads `scorecard.yaml`, reporting every problem as `file:line: reason` (the methodology
/// file's conventions and reader, so both files fail the same way).
enum WorkspaceConfigParser {
    static let topKeys = ["dataset", "methodology", "periods", "provisional", "output", "sensitivity", "database"]
    static let outputKeys = ["folder", "formats", "periods", "language", "title", "introduction", "logo", "stylesheet", "events_per_indicator"]
    static let sensitivityKeys = ["samples", "seed"]
    static let databaseKeys = ["url"]

    static func parse(text: String, file: String) -> Result<WorkspaceConfig, WorkspaceConfigInvalid> {
        let log = MethodologyProblemLog(file: file)
        // The YAML library builds nodes recursively: refuse absurd nesting before it overflows the stack.
        if let line = YAMLNesting.lineTooDeep(in: text) {
            log.report(line, "nested too deeply (the configuration needs two levels; more than \(YAMLNesting.limit) are refused before parsing)")
            return .failure(WorkspaceConfigInvalid(path: file, problems: log.problems))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            let syntax = YAMLSyntaxProblem(error, in: text)
            log.report(syntax.line, syntax.reason)
            return .failure(WorkspaceConfigInvalid(path: file, problems: log.problems))
        }
        guard let node, let top = YAMLMappingReader.open(node, place: .top, keys: topKeys, log: log) else {
            if node == nil { log.report(nil, "is empty; it needs at least dataset and methodology") }
            return .failure(WorkspaceConfigInvalid(path: file, problems: log.problems))
        }
        top.rejectUnknownKeys(allowed: topKeys)
        let dataset = top.text("dataset")
        let methodology = top.text("methodology")
        let periods = readPeriods(top, log: log)
        let provisional = top.choice("provisional", ["true", "false"], required: false) == "true"

        var folder = "reports"
        var formats = ReportFormat.allCases
        var reported = WorkspaceConfig.ReportedPeriods.latest
        var look = WorkspaceConfig.Look()
        if let output = top.mapping("output", keys: outputKeys, required: false) {
            output.rejectUnknownKeys(allowed: outputKeys)
            if let value = output.text("folder", required: false) { folder = value }
            if let names = output.textList("formats", allowed: ReportFormat.allCases.map(\.rawValue), required: false) {
                formats = names.compactMap(ReportFormat.init(rawValue:))
            }
            if let value = output.choice("periods", WorkspaceConfig.ReportedPeriods.allCases.map(\.rawValue), required: false) {
                reported = WorkspaceConfig.ReportedPeriods(rawValue: value)!
            }
            if let value = output.choice("language", Messages.Language.allCases.map(\.rawValue), required: false) {
                look.language = Messages.Language(rawValue: value)!
            }
            look.title = output.text("title", required: false)
            look.introduction = output.text("introduction", required: false)
            look.logo = output.text("logo", required: false)
            look.stylesheet = output.text("stylesheet", required: false)
            if let value = output.integer("events_per_indicator", NumberRule(requirement: "must be between 1 and 1000", accepts: { $0 >= 1 && $0 <= 1000 }),
                                          required: false) {
                look.eventsPerIndicator = value
            }
        }

        var sensitivity: WorkspaceConfig.Sensitivity?
        if let section = top.mapping("sensitivity", keys: sensitivityKeys, required: false) {
            section.rejectUnknownKeys(allowed: sensitivityKeys)
            let samples = section.integer("samples", NumberRule(requirement: "must be between 1 and 1000000", accepts: { $0 >= 1 && $0 <= 1_000_000 }))
            let seed = section.integer("seed", .atLeastZero, required: false) ?? 1
            if let samples { sensitivity = .init(samples: samples, seed: UInt64(seed)) }
        }

        var databaseURL: String?
        if let section = top.mapping("database", keys: databaseKeys, required: false) {
            section.rejectUnknownKeys(allowed: databaseKeys)
            databaseURL = section.text("url", required: false)
        }

        guard log.isEmpty, let dataset, let methodology, let periods else {
            return .failure(WorkspaceConfigInvalid(path: file, problems: log.problems))
        }
        return .success(WorkspaceConfig(
            dataset: dataset, methodology: methodology, periods: periods, provisional: provisional, outputFolder: folder, formats: formats,
            reportedPeriods: reported, look: look, sensitivity: sensitivity, databaseURL: databaseURL))
    }

    /// `all`, `latest`, or a list of periods (checked against the methodology's period kind when scoring).
    private static func readPeriods(_ top: YAMLMappingReader, log: MethodologyProblemLog) -> WorkspaceConfig.Periods? {
        guard let entry = top.valued("periods", required: false) else { return log.isEmpty ? .all : nil }
        if let scalar = entry.value.scalar?.string {
            switch scalar {
            case "all": return .all
            case "latest": return .latest
            default: break
            }
        }
        if entry.value.sequence != nil, let list = top.textList("periods") { return .list(list) }
        if entry.value.sequence == nil {
            log.report(entry.keyLine, "periods: must be all, latest or a list of periods such as [2025-Q1, 2025-Q2], not \(YAMLText.describe(entry.value))")
        }
        return nil
    }
}
