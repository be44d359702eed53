/// The ranked tables as one CSV file (RFC 4180: a header, CRLF line ends, fields quoted when they
/// contain a comma, a quote or a line break): one row per actor, kinds in report order.
/// Empty fields are missing values (no score, no rank, no previous period).
public enum CSVReport {
    public static let columns = [
        "period", "methodology_id", "methodology_version", "run_id", "kind", "rank", "ranked_in_kind", "actor_id", "actor_name",
        "positive", "negative", "combined", "grade", "grade_label", "insufficient_evidence", "evidence_records",
        "rank_median", "rank_p05", "rank_p95", "grade_change_share",
        "previous_period", "previous_combined", "change", "direction", "cause_type", "cause_id", "cause_points", "cause_description",
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
                ])
            }
        }
        return rows.map { $0.map(Escaping.csv).joined(separator: ",") + "\r\n" }.joined()
    }
}
