/// Scorecard's domain library: datasets, methodology, scoring, reports and workspaces.
public enum ScorecardKit {
    public static let version = "0.2.0"
}
