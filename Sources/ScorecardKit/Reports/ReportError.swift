/// Why a report cannot be rendered or written.
public enum ReportError: ScorecardError, Equatable {
    /// The run's methodology scored restricted evidence: its numbers could reveal it.
    case restrictedEvidenceScored(methodologyID: String, version: String, runID: Int64)
    /// The run's methodology version is not stored (the database is inconsistent).
    case methodologyNotStored(methodologyID: String, version: String)
    /// The output folder or a file in it cannot be created (a folder in the way, permissions);
    /// nothing was replaced.
    case outputNotWritable(path: String, reason: String)
    /// A report file was created but writing it failed (a full disk, an I/O error): the system's
    /// reason; nothing was replaced.
    case outputFailed(path: String, reason: String)
    /// `--out -` writes one format to standard output.
    case oneFormatForStandardOutput
    case unknownFormat(String)

    public var exitCode: ExitCode {
        switch self {
        case .restrictedEvidenceScored, .methodologyNotStored: return .configuration
        case .outputNotWritable: return .cannotCreate
        case .outputFailed: return .ioError
        case .oneFormatForStandardOutput, .unknownFormat: return .usage
        }
    }

    public var description: String {
        switch self {
        case let .restrictedEvidenceScored(id, version, run):
            return "run \(run) was scored by methodology \(id) version \(version) with restricted_evidence: include; "
                + "its scores may reveal restricted evidence, so no report is rendered. Score with a methodology "
                + "that says restricted_evidence: exclude (the default) for a publishable report"
        case let .methodologyNotStored(id, version):
            return "methodology \(id) version \(version) is not stored in scorecard.methodologies: run scorecard score again"
        case let .outputNotWritable(path, reason):
            return "\(path): cannot write the report (\(reason)); the files already there were left as they were"
        case let .outputFailed(path, reason):
            return "\(path): writing the report failed (\(reason)); the files already there were left as they were"
        case .oneFormatForStandardOutput:
            return "--out - writes one format to standard output: give exactly one --format"
        case let .unknownFormat(name):
            return "unknown report format '\(name)' (the formats are \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}
