/// One problem in a dataset, reported as `file:line: field: reason`.
public struct DatasetProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let file: String
    /// Physical line on which the record starts; nil for problems of a whole file.
    public let line: Int?
    public let field: String?
    public let reason: String
    /// Position of the field in its record, so problems on one line sort in column order.
    let position: Int

    public init(file: String, line: Int?, field: String?, reason: String, position: Int = -1) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
        self.position = position
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        return text + reason
    }

    public static func < (lhs: DatasetProblem, rhs: DatasetProblem) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.position, lhs.reason) < (rhs.file, rhs.line ?? 0, rhs.position, rhs.reason)
    }
}

/// The dataset has problems; nothing was written.
public struct DatasetInvalid: ScorecardError {
    public let problems: [DatasetProblem]
    /// Problems beyond the reporting limit, counted but not listed.
    public let unlisted: Int
    public var exitCode: ExitCode { .dataError }
    public var description: String {
        let count = problems.count + unlisted
        return "the dataset has \(count) problem\(count == 1 ? "" : "s"); nothing was loaded"
    }
}

/// A file or folder the dataset needs is not there.
public struct DatasetMissing: ScorecardError {
    public let path: String
    public let reason: String
    public var exitCode: ExitCode { .noInput }
    public var description: String { "\(path): \(reason)" }
}
