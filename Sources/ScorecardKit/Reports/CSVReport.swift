/// The ranked tables as one CSV file (RFC 4180: a header, CRLF line ends, fields quoted when they
/// contain a comma, a quote or a line break): one row per actor, kinds in report order.
/// Empty fields are missing values (no score, no rank, no previous period). The last columns say
/// which edition the file is, and for each actor the change against the previous edition as
/// published and its restatements of earlier editions recorded since then (docs/editions.md).
///
/// Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return) get a leading `'` (OWASP's advice on CSV injection); the numeric columns are
/// written as numbers, so a negative change stays `-3.500`.
public enum CSVReport {
    public static let columns = [
        "period", "methodology_id", "methodology_version", "run_id", "kind", "rank", "ranked_in_kind", "actor_id", "actor_name",
        "positive", "negative", "combined", "grade", "grade_label", "insufficient_evidence", "evidence_records",
        "rank_median", "rank_p05", "rank_p95", "grade_change_share",
        "previous_period", "previous_combined", "change", "direction", "cause_type", "cause_id", "cause_points", "cause_description",
        "edition_published_on", "previous_edition", "previous_edition_combined", "change_since_edition", "restatements",
        // Methodology v2 (appended, so a reader of the earlier columns reads on).
        "events", "no_conduct", "group_id", "change_restated", "change_time", "change_conduct", "commitment_status",
        "since_edition_known_differently", "since_edition_methodology_changed",
    ]

    public static func render(_ model: ReportModel) -> String {
        var rows = [columns]
        for ranking in model.rankings {
            for a in ranking.actors {
                rows.append([
                    model.run.period, model.methodology.id, model.methodology.version, model.run.id, ranking.kind,
                    a.rank.map(String.init) ?? "", String(a.rankedInKind), a.id, a.name,
                    a.positive?.text ?? "", a.negative?.text ?? "", a.combined?.text ?? "", a.grade ?? "", a.gradeLabel ?? "",
                    a.insufficientEvidence ? "true" : "false", String(a.evidenceRecords),
                    a.rankInterval?.median.text ?? "", a.rankInterval.map { String($0.p05) } ?? "",
                    a.rankInterval.map { String($0.p95) } ?? "", a.rankInterval?.gradeChangeShare.text ?? "",
                    model.run.previousPeriod ?? "", a.change.previousCombined?.text ?? "", a.change.change?.text ?? "",
                    a.change.direction.rawValue, a.change.cause?.type ?? "", a.change.cause?.id ?? "",
                    a.change.cause?.points.text ?? "", a.change.cause?.description ?? "",
                    model.edition.publishedOn ?? "", model.edition.previous?.period ?? "",
                    a.sinceEdition?.previousCombined?.text ?? "", a.sinceEdition?.change?.text ?? "",
                    model.edition.restatements.filter { $0.actorID == a.id }.map(ReportWording.restatement).joined(separator: "; "),
                    String(a.events), a.noConduct ? "true" : "false", a.groupID ?? "",
                    a.change.parts?.restated.text ?? "", a.change.parts?.time.text ?? "", a.change.parts?.conduct.text ?? "",
                    ReportWording.status(a),
                    a.sinceEdition?.sincePublished?.text ?? "", a.sinceEdition.map { $0.methodologyChanged ? "true" : "false" } ?? "",
                ])
            }
        }
        return rows.enumerated().map { index, row in
            row.enumerated().map { column, cell in
                Escaping.csv(index > 0 && !numericColumns.contains(column) ? Escaping.spreadsheetText(cell) : cell)
            }.joined(separator: ",") + "\r\n"
        }.joined()
    }

    /// Positions of the columns that hold numbers (or nothing): written as they are.
    static let numericColumns: Set<Int> = Set([
        "rank", "ranked_in_kind", "positive", "negative", "combined", "evidence_records", "rank_median", "rank_p05", "rank_p95",
        "grade_change_share", "previous_combined", "change", "cause_points", "previous_edition_combined", "change_since_edition",
        "events", "change_restated", "change_time", "change_conduct", "since_edition_known_differently",
    ].map { columns.firstIndex(of: $0)! })
}
