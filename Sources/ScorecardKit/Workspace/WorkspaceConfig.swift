import Foundation

/// What a workspace's `scorecard.yaml` says: where the dataset, the methodology and the output
/// are, which periods to publish, and which database to use. Paths are relative to the workspace.
public struct WorkspaceConfig: Sendable, Equatable {
    /// Which periods `scorecard run` scores.
    public enum Periods: Sendable, Equatable {
        /// Every period from the one of the first evidence to the latest (restatements of
        /// earlier ones included).
        case all
        /// The latest period only: the last complete at the as-of date.
        case latest
        /// These periods, in this order.
        case list([String])
    }

    /// Which of the scored periods get a report.
    public enum ReportedPeriods: String, Sendable, Equatable, CaseIterable {
        case latest, all
    }

    /// How the published edition reads and looks (`output`: language, title, introduction, logo,
    /// stylesheet, events_per_indicator); paths relative to the workspace.
    public struct Look: Sendable, Equatable {
        public var language: Messages.Language = .en
        public var title: String?
        public var introduction: String?
        /// An SVG, PNG or JPEG file, embedded in every page.
        public var logo: String?
        /// A CSS file, written as `custom.css` after the default stylesheet.
        public var stylesheet: String?
        public var eventsPerIndicator: Int = EditionOptions.defaultEventsPerIndicator

        public init() {}
    }

    public struct Sensitivity: Sendable, Equatable {
        public var samples: Int
        public var seed: UInt64
    }

    public var dataset: String
    public var methodology: String
    public var periods: Periods
    /// `provisional: true`: `all` and `latest` also score the current, incomplete period (the one
    /// containing the as-of date), marked provisional. No effect on a list of periods.
    public var provisional: Bool = false
    public var outputFolder: String
    public var formats: [ReportFormat]
    public var reportedPeriods: ReportedPeriods
    public var look: Look = Look()
    /// nil: no sensitivity analysis.
    public var sensitivity: Sensitivity?
    /// nil: the database comes from --database-url, DATABASE_URL, the PG* variables, or the embedded cluster.
    public var databaseURL: String?
}
