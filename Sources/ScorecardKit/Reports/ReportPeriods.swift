import Postgres

/// Which scored period `latest` names for report, explain and sensitivity.
public enum ReportPeriods {
    /// The latest period with an as-published run under the methodology version that had begun by
    /// `asOf` (a complete period, or the provisional current one when it was scored); nil when none.
    public static func latest(_ connection: Connection, methodology: Methodology, asOf: CalendarDate) throws -> String? {
        try connection.query(QueryFiles.sql("report/latest_period", [methodology.id, methodology.version, asOf])).first?
            .decode("period", as: String.self)
    }
}
