import Crypto
import Foundation
import Logging
import Postgres

/// Computes score runs, set-based in SQL (the queries of `Schemas/queries/`): indicator
/// values with their contributions, pillar and actor scores, grades, ranks and changes. Each
/// complete period gets its as-published run and its run with everything known now (what
/// `Editions` measures restatements of published editions against).
public struct ScoringEngine {
    let connection: Connection
    let logger: Logger
    /// Each run as it is computed, on a terminal.
    let progress: PhaseProgress?

    public init(connection: Connection, logger: Logger, progress: PhaseProgress? = nil) {
        self.connection = connection
        self.logger = logger
        self.progress = progress
    }

    public enum PeriodSelection: Sendable, Equatable {
        case period(String)
        /// These periods, in this order.
        case list([String])
        /// The last period complete at the as-of date.
        case latest
        /// Every period from the one of the first evidence to the last complete at the as-of date.
        case all
    }

    public struct RunSummary: Sendable, Equatable {
        public let period: Period
        public let runID: Int64
        /// False when an identical run (same inputs digest) already existed and was reused.
        public let computed: Bool
        /// The period had not ended before the as-of date (`Period.isComplete(asOf:)`).
        public let provisional: Bool
        /// The run of the period with everything known now: the restated run, or the as-published
        /// run itself when nothing was published after the period's cutoff.
        public let knownRunID: Int64
        public let inputsSHA256: String
    }

    /// Scores the periods selected, as of `asOf` (the date taken for today). `latest` and `all` end
    /// at the last period complete at `asOf`; with `currentPeriod`, they also score the period
    /// containing `asOf`, as provisional. A period is provisional when it is not complete at `asOf`
    /// (whatever the selection); its as-published run then knows only what was published by `asOf`.
    public func score(_ file: MethodologyFile, periods selection: PeriodSelection, asOf: CalendarDate,
                      currentPeriod: Bool = false) throws -> [RunSummary] {
        let methodology = file.methodology
        let batch = try latestBatch()
        try checkReferences(file)
        try store(file)
        let periods = try resolve(selection, methodology: methodology, asOf: asOf, currentPeriod: currentPeriod)
        let summaries = try periods.map { period in
            try connection.transaction { connection in
                // Two scorers take turns, period by period. A table lock, not an advisory one: a
                // reader role, which may only SELECT, can neither take nor block it.
                try connection.executeUnsafeTrustedScript("LOCK TABLE scorecard.score_runs IN SHARE ROW EXCLUSIVE MODE")
                // Room to hash a million records in memory rather than sort them on disk.
                try connection.executeUnsafeTrustedScript("SET LOCAL work_mem = '256MB'")
                return try score(period, file: file, batch: batch, asOf: asOf)
            }
        }
        // Fresh statistics after a bulk insert, so that reports and analysts' queries get good plans
        // before autovacuum comes round.
        if summaries.contains(where: \.computed) {
            try connection.executeUnsafeTrustedScript("""
                ANALYZE scorecard.score_runs, scorecard.indicator_values, scorecard.indicator_contributions,
                        scorecard.pillar_scores, scorecard.actor_scores
                """)
        }
        return summaries
    }

    struct Batch { let id: Int64; let datasetSHA256: String }

    func latestBatch() throws -> Batch {
        guard let row = try connection.query("""
            SELECT id, dataset_sha256 FROM scorecard.load_batches ORDER BY id DESC LIMIT 1
            """).first else {
            throw ScoringError.noDataset
        }
        return Batch(id: try row.decode("id"), datasetSHA256: try row.decode("dataset_sha256"))
    }

    /// Evidence types and instruments the methodology names must exist in the loaded dataset.
    func checkReferences(_ file: MethodologyFile) throws {
        let types = Set(try connection.query("SELECT id FROM scorecard.evidence_types").map { try $0.decode("id", as: String.self) })
        let instruments = Set(try connection.query("SELECT id FROM scorecard.instruments").map { try $0.decode("id", as: String.self) })
        var problems: [String] = []
        for indicator in file.methodology.indicators {
            for type in indicator.evidenceTypes where !types.contains(type) {
                problems.append("\(file.path): indicator \(indicator.code): unknown evidence type '\(type)' (not in the loaded dataset's evidence_types)")
            }
            for instrument in indicator.instruments.keys.sorted() where !instruments.contains(instrument) {
                problems.append("\(file.path): indicator \(indicator.code): unknown instrument '\(instrument)' (not in the loaded dataset's instruments)")
            }
        }
        for instrument in file.methodology.statusInstruments where !instruments.contains(instrument) {
            problems.append("\(file.path): status_instruments: unknown instrument '\(instrument)' (not in the loaded dataset's instruments)")
        }
        if !problems.isEmpty { throw ScoringError.methodologyDoesNotFitDataset(problems) }
    }

    /// Stores the methodology version the first time it is used; a changed file must change version.
    func store(_ file: MethodologyFile) throws {
        let m = file.methodology
        try connection.execute("""
            INSERT INTO scorecard.methodologies (id, version, sha256, title, source_text, definition)
            VALUES (\(m.id), \(m.version), \(file.sha256), \(m.title), \(file.text), \(try JSONB(encoding: m)))
            ON CONFLICT (id, version) DO NOTHING
            """)
        let stored = try connection.query("SELECT sha256 FROM scorecard.methodologies WHERE id = \(m.id) AND version = \(m.version)")
            .first!.decode("sha256", as: String.self)
        guard stored == file.sha256 else {
            throw ScoringError.methodologyChanged(id: m.id, version: m.version, path: file.path)
        }
    }

    /// The periods to score. `latest` and `all` follow the calendar, not the data: they end at the
    /// last period complete at `asOf` (or, with `currentPeriod`, at the period containing it), and
    /// `all` starts at the period of the first evidence (`scoring/period_bounds.sql`). `all` is empty when that
    /// first record falls after the last period to score.
    func resolve(_ selection: PeriodSelection, methodology: Methodology, asOf: CalendarDate, currentPeriod: Bool = false) throws -> [Period] {
        switch selection {
        case let .period(text):
            guard let period = Period.parse(text, kind: methodology.period) else {
                throw ScoringError.badPeriod(text, methodology.period)
            }
            return [period]
        case let .list(texts):
            return try texts.flatMap { try resolve(.period($0), methodology: methodology, asOf: asOf) }
        case .latest, .all:
            let row = try connection.query(QueryFiles.sql("scoring/period_bounds", [])).first!
            guard let first = try row.decode("first_day", as: CalendarDate?.self) else {
                throw ScoringError.noEvidence
            }
            let latest = Period.latestComplete(asOf: asOf, kind: methodology.period)
            let last = currentPeriod ? latest.next : latest
            guard selection == .all else { return currentPeriod ? [latest, last] : [latest] }
            var periods: [Period] = []
            var period = Period.containing(first, kind: methodology.period)
            while period <= last {
                periods.append(period)
                period = period.next
            }
            return periods
        }
    }

    private func score(_ period: Period, file: MethodologyFile, batch: Batch, asOf: CalendarDate) throws -> RunSummary {
        // A complete period knows what was published by its end; a provisional one, what was
        // published by the as-of date, and its digest names the as-of date.
        let provisional = !period.isComplete(asOf: asOf)
        let cutoff = provisional ? asOf : period.end
        let published = try run(period, basis: "as_published", cutoff: cutoff, provisionalAsOf: provisional ? asOf : nil,
                                file: file, batch: batch)
        // What the period shows with everything known now: what restatements of its edition are
        // measured against (Editions). The as-published run itself when nothing was published later.
        let knownUntil = try latestPublication(includeRestricted: file.methodology.restrictedEvidence == .include)
        var knownID = published.id
        if let knownUntil, knownUntil > cutoff, !provisional {
            knownID = try run(period, basis: "restated", cutoff: knownUntil, provisionalAsOf: nil, file: file, batch: batch).id
        }
        return RunSummary(period: period, runID: published.id, computed: published.computed,
                          provisional: provisional, knownRunID: knownID, inputsSHA256: published.digest)
    }

    func latestPublication(includeRestricted: Bool) throws -> CalendarDate? {
        try connection.query(QueryFiles.sql("scoring/latest_publication", [includeRestricted])).first!
            .decode("last_day", as: CalendarDate?.self)
    }

    /// Computes one run, or finds the identical run computed before. `provisionalAsOf`: the as-of
    /// date of a run of a period not complete then (nil for a complete period).
    /// `conductCutoff`: for an aged run (the change split's), the last day whose conduct counts.
    private func run(_ period: Period, basis: String, cutoff: CalendarDate, provisionalAsOf: CalendarDate?, file: MethodologyFile, batch: Batch,
                     conductCutoff: CalendarDate? = nil)
        throws -> (id: Int64, computed: Bool, digest: String)
    {
        let m = file.methodology
        let provisional = provisionalAsOf != nil
        let digest = ScoringEngine.inputsDigest(methodologySHA256: file.sha256, engineSHA256: QueryFiles.engineSHA256, period: period,
                                                basis: basis, cutoff: cutoff, datasetSHA256: batch.datasetSHA256,
                                                provisionalAsOf: provisionalAsOf, conductCutoff: conductCutoff)
        if let existing = try connection.query("SELECT id FROM scorecard.score_runs WHERE inputs_sha256 = \(digest)").first {
            return (try existing.decode("id"), false, digest)
        }
        // The change from the previous period, and its split (actor_scores.sql): the previous period's
        // run; that period re-scored with this run's knowledge; this period with only its conduct.
        // Only an as-published run has a change; the split's own runs have none.
        var previous: Int64?, previousKnown: Int64?, aged: Int64?
        if basis == "as_published" {
            previous = try connection.query(QueryFiles.sql("scoring/previous_run", [m.id, m.version, period.previous.description]))
                .first!.decode("id", as: Int64?.self)
            if previous != nil {
                previousKnown = try run(period.previous, basis: "restated", cutoff: cutoff, provisionalAsOf: nil, file: file, batch: batch).id
                aged = try run(period, basis: "aged", cutoff: cutoff, provisionalAsOf: provisionalAsOf, file: file, batch: batch,
                               conductCutoff: period.previous.end).id
            }
        }
        let started = DispatchTime.now()
        progress?.phase("scoring \(period) (\(basis.replacingOccurrences(of: "_", with: " ")))")
        let id = try connection.query("""
            INSERT INTO scorecard.score_runs (methodology_id, methodology_version, methodology_sha256, period, period_start,
                period_end, basis, knowledge_cutoff, load_batch_id, dataset_sha256, engine_sha256, inputs_sha256, provisional,
                conduct_cutoff, previous_known_run_id, aged_run_id)
            VALUES (\(m.id), \(m.version), \(file.sha256), \(period.description), \(period.start), \(period.end), \(basis),
                \(cutoff), \(batch.id), \(batch.datasetSHA256), \(QueryFiles.engineSHA256), \(digest), \(provisional), \(conductCutoff),
                \(previousKnown), \(aged))
            RETURNING id
            """).first!.decode("id", as: Int64.self)
        let definition = try JSONB(encoding: m)
        try connection.executeUnsafeTrustedScript("""
            DROP TABLE IF EXISTS pg_temp.scoring_evidence;
            CREATE TEMPORARY TABLE scoring_evidence (indicator_code text NOT NULL, actor_id text NOT NULL,
                evidence_id text NOT NULL, event_id text NOT NULL, weight float8 NOT NULL, counts boolean NOT NULL,
                event_weight float8) ON COMMIT DROP
            """)
        try connection.execute(QueryFiles.sql("scoring/scoring_evidence", [period.end, cutoff, definition, conductCutoff ?? period.end]))
        try connection.executeUnsafeTrustedScript("ANALYZE pg_temp.scoring_evidence")
        try connection.execute(QueryFiles.sql("scoring/indicator_values", [id, period.end, cutoff, definition]))
        try connection.execute(QueryFiles.sql("scoring/indicator_contributions", [id, period.end, cutoff, definition]))
        try connection.execute(QueryFiles.sql("scoring/pillar_scores", [id, definition]))
        try connection.execute(QueryFiles.sql("scoring/actor_scores", [id, definition, previous, previousKnown, aged]))
        Failpoint.score.pause()
        logger.info("scored \(period) (\(basis))", metadata: ["run": "\(id)", "seconds": "\(Stopwatch.seconds(since: started))"])
        return (id, true, digest)
    }

    /// Equal methodology, engine, period, basis, cutoff and dataset: equal digest, so equal numbers.
    ///
    /// The as-of date changes the figures only of a provisional run (a period not complete at the
    /// as-of date, whose cutoff is the as-of date), so only such a run names it (`provisionalAsOf`):
    /// a provisional run is never taken for the complete run of its period, even when the as-of
    /// date is the period's last day. A complete period's run is the same run whatever the as-of
    /// date, and its digest is the one it always had.
    public static func inputsDigest(methodologySHA256: String, engineSHA256: String, period: Period, basis: String,
                                    cutoff: CalendarDate, datasetSHA256: String, provisionalAsOf: CalendarDate? = nil,
                                    conductCutoff: CalendarDate? = nil) -> String {
        var text = "methodology \(methodologySHA256)\nengine \(engineSHA256)\nperiod \(period)\nbasis \(basis)\ncutoff \(cutoff)\ndataset \(datasetSHA256)\n"
        if let provisionalAsOf { text += "provisional as of \(provisionalAsOf)\n" }
        if let conductCutoff { text += "conduct until \(conductCutoff)\n" }
        return SHA256.hexDigest(of: Data(text.utf8))
    }
}

public enum ScoringError: ScorecardError, Equatable {
    case noDataset
    case noEvidence
    case badPeriod(String, Methodology.PeriodKind)
    case methodologyDoesNotFitDataset([String])
    case methodologyChanged(id: String, version: String, path: String)
    case noRun(period: String)
    case unknownActor(String)

    public var exitCode: ExitCode {
        switch self {
        case .noDataset, .noEvidence, .noRun, .unknownActor: return .noInput
        case .badPeriod: return .usage
        case .methodologyDoesNotFitDataset, .methodologyChanged: return .configuration
        }
    }

    public var description: String {
        switch self {
        case .noDataset: return "no dataset has been loaded: run scorecard load DIR first"
        case .noEvidence: return "the loaded dataset has no evidence and no commitments, so there is no period to score"
        case let .badPeriod(text, kind):
            return "'\(text)' is not a period of this methodology (its periods are \(kind == .quarter ? "quarters, like 2025-Q2" : "years, like 2025"), or latest)"
        case let .methodologyDoesNotFitDataset(problems): return problems.joined(separator: "\n")
        case let .methodologyChanged(id, version, path):
            return "\(path): methodology \(id) version \(version) was used before with different content; give the changed file a new version"
        case let .noRun(period): return "no score run for \(period) under this methodology: run scorecard score first"
        case let .unknownActor(id): return "no actor '\(id)' in the loaded dataset"
        }
    }
}
