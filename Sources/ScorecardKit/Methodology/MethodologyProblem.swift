/// One problem in a methodology file, reported as `file:line: reason`.
public struct MethodologyProblem: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// Line of the offending node (1-based); nil for problems of the whole file.
    public let line: Int?
    public let reason: String

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// The methodology file has problems; nothing can be scored with it.
public struct MethodologyInvalid: ScorecardError {
    public let path: String
    /// Sorted by line.
    public let problems: [MethodologyProblem]
    public var exitCode: ExitCode { .configuration }
    public var description: String {
        "the methodology \(path) has \(problems.count) problem\(problems.count == 1 ? "" : "s")"
    }
}

/// The methodology file is not there or cannot be read.
public struct MethodologyMissing: ScorecardError {
    public let path: String
    public let reason: String
    public var exitCode: ExitCode { .noInput }
    public var description: String { "\(path): \(reason)" }
}
