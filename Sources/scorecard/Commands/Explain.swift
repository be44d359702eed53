import ArgumentParser
import Foundation
import ScorecardKit

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain an actor's scores: indicators, the evidence and sources behind them, commitments, responses.")

    @Argument(help: ArgumentHelp("The actor's id.", valueName: "actor")) var actor: String
    @OptionGroup var methodologyOptions: MethodologyOptions
    @Option(help: ArgumentHelp("The period (default: latest scored).", valueName: "period")) var period: String = "latest"
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let workspace = try workspaceOptions.resolve()
        let published = try PublishedRun.open(methodology: methodologyOptions, workspace: workspace, period: period, database: database, logger: logging.makeLogger())
        let explanation = try Explanation.load(published.connection, run: published.run, actorID: actor, methodology: published.file.methodology)
        print(ExplanationText.render(explanation), terminator: "")
    }
}

/// Plain text for a terminal or an email.
enum ExplanationText {
    static func number(_ value: Decimal?) -> String {
        guard let value else { return "–" }
        return String(format: "%.1f", NSDecimalNumber(decimal: value).doubleValue)
    }

    static func render(_ e: Explanation) -> String {
        var out = ""
        let run = e.run
        out += "\(e.actor.name) (\(e.actor.id), \(e.actor.kind)): \(run.period)\n"
        out += "methodology \(run.methodologyID) \(run.methodologyVersion) (sha256 \(run.methodologySHA256.prefix(12))…), run \(run.id), "
        out += "evidence published by \(run.knowledgeCutoff)\(run.provisional ? ", provisional" : "")\n\n"
        let s = e.scores
        out += "positive \(number(s.positive))   negative \(number(s.negative))   combined \(number(s.combined))   "
        out += "grade \(s.grade ?? (s.combined == nil ? "–" : "insufficient evidence"))"
        if let rank = s.rank { out += "   rank \(rank) of \(s.peers) (\(e.actor.kind)s)" }
        if let change = s.change { out += "   change \(change >= 0 ? "+" : "")\(number(change))" }
        out += "\n\(s.evidenceCount) evidence record\(s.evidenceCount == 1 ? "" : "s") behind the scores\n\nIndicators\n"
        for line in e.indicators {
            out += "  \(line.code)  \(line.name)  [\(line.polarity), \(line.pillar), \(line.kind)]  \(line.state)"
            if let value = line.value { out += "  \(number(value))" }
            if line.state != "not applicable" { out += "  (\(line.evidenceCount) \(line.kind == "commitment" ? "commitment" : "record")\(line.evidenceCount == 1 ? "" : "s"))" }
            out += "\n"
            for c in line.contributions {
                out += "      +\(number(c.contribution))  \(c.evidenceID ?? c.commitmentID ?? "")  \(c.description)\n"
                for source in c.sources { out += "          source \(source)\n" }
            }
        }
        out += "\nCommitments in force at \(run.periodEnd)\n"
        if e.commitments.isEmpty { out += "  none\n" }
        for c in e.commitments {
            out += "  \(c.id): \(c.kind) \(c.instrument) on \(c.committedOn)\(c.withdrawnOn.map { ", withdrawn \($0)" } ?? "")\n"
        }
        let breaches = e.indicators.filter { $0.kind == "breach" && $0.state == "scored" }
        out += "\nBreaches found\n"
        if breaches.isEmpty { out += "  none\n" }
        for b in breaches { for c in b.contributions { out += "  \(b.code): \(c.evidenceID ?? "")  \(c.description)\n" } }
        out += "\nResponses on record\n"
        if e.responses.isEmpty { out += "  none\n" }
        for r in e.responses { out += "  \(r.respondedOn) \(r.id) (to \(r.evidenceID)): \(r.summary)\n" }
        if !e.restatements.isEmpty {
            out += "\nRestatements\n"
            for r in e.restatements {
                out += "  combined \(number(r.originalCombined)) as published, \(number(r.restatedCombined)) with later evidence: \(r.evidenceIDs.joined(separator: ", "))\n"
            }
        }
        return out
    }
}
