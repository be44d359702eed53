/// Collects a methodology file's problems as they are found, so that every one is reported, not
/// just the first; they are sorted by line only at the end.
final class MethodologyProblemLog {
    let file: String
    private var entries: [(line: Int?, reason: String)] = []

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { entries.isEmpty }

    func report(_ line: Int?, _ reason: String) {
        entries.append((line, reason))
    }

    /// By line (whole-file problems first); problems on one line keep the order they were found in.
    var problems: [MethodologyProblem] {
        entries.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map { MethodologyProblem(file: file, line: $0.element.line, reason: $0.element.reason) }
    }
}
