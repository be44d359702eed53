import ArgumentParser
import Foundation
import ScorecardKit

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain an actor's scores: indicators, the evidence and sources behind them, commitments, responses.")

    @Argument(help: ArgumentHelp("The actor's id.", valueName: "actor")) var actor: String
    @OptionGroup var methodologyOptions: MethodologyOptions
    @Option(help: ArgumentHelp("The period (default: latest, the latest period scored with what was known at the as-of date).", valueName: "period")) var period: String = "latest"
    @Flag(help: "Show the restricted evidence records a run of a methodology with restricted_evidence: include scored, marked [restricted]; without it explain withholds them and says how many.")
    var includeRestricted = false
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let workspace = try workspaceOptions.resolve()
        let published = try PublishedRun.open(methodology: methodologyOptions, workspace: workspace, period: period, asOf: asOfOptions.resolve(), database: database, logger: logging.makeLogger())
        // The report's own model of this actor: internal, so that a run that scored restricted
        // evidence can still be explained to its monitor (a public report refuses such a run).
        try ExplainText.checkActorShown(published.connection, actorID: actor, includeRestricted: includeRestricted)
        let model = try ReportModel.load(published.connection, run: published.run, actorID: actor, audience: .internal)
        let restricted = try ExplainText.restrictedEvidence(published.connection, model: model, actorID: actor)
        print(ExplainText.render(model, actorID: actor, restricted: restricted, includeRestricted: includeRestricted), terminator: "")
    }
}
