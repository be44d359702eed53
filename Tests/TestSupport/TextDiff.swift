/// Where two texts first differ, for the message of a failed snapshot comparison: the differing
/// lines of each, numbered, with a few lines of context, truncated to a readable length.
public enum TextDiff {
    /// Nil when the texts are equal. Otherwise, for example:
    ///
    ///     first difference at line 12 (expected 120 lines, actual 121):
    ///          11 | a line both have
    ///     -    12 | the expected line
    ///     +    12 | the actual line
    ///     +    13 | a line only the actual text has
    ///          13 | a line both have
    ///
    /// `-` lines are numbered in the expected text, `+` lines and context in their own text.
    public static func firstDifference(
        expected: String, actual: String, context: Int = 3, maxLines: Int = 8, maxLineLength: Int = 160
    ) -> String? {
        guard expected != actual else { return nil }
        let old = lines(expected), new = lines(actual)
        // The common prefix and, after it, the common suffix: what lies between differs.
        var first = 0
        while first < old.count, first < new.count, old[first] == new[first] { first += 1 }
        var oldEnd = old.count, newEnd = new.count
        while oldEnd > first, newEnd > first, old[oldEnd - 1] == new[newEnd - 1] { oldEnd -= 1; newEnd -= 1 }

        func shown(_ line: String) -> String {
            line.count > maxLineLength ? String(line.prefix(maxLineLength)) + "… (\(line.count) characters)" : line
        }
        func row(_ mark: String, _ number: Int, _ line: String) -> String {
            let label = String(number + 1)
            return mark + String(repeating: " ", count: max(1, 6 - label.count)) + label + " | " + shown(line)
        }
        func block(_ mark: String, _ text: [String], _ range: Range<Int>) -> [String] {
            if range.isEmpty { return [] }
            var rows = range.prefix(maxLines).map { row(mark, $0, text[$0]) }
            if range.count > maxLines { rows.append("\(mark)       … \(range.count - maxLines) more line\(range.count - maxLines == 1 ? "" : "s")") }
            return rows
        }
        var out = ["first difference at line \(first + 1) (expected \(count(old)), actual \(count(new))):"]
        out += (max(0, first - context)..<first).map { row(" ", $0, old[$0]) }
        out += block("-", old, first..<oldEnd)
        out += block("+", new, first..<newEnd)
        out += (oldEnd..<min(old.count, oldEnd + context)).map { row(" ", $0, old[$0]) }
        return out.joined(separator: "\n")
    }

    /// The lines of `text`, without their newlines. A final newline does not start another line;
    /// a last line without one is marked, so that texts differing only there still show a difference.
    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() } else { lines[lines.count - 1] += " [no newline at end]" }
        return lines
    }

    private static func count(_ lines: [String]) -> String { "\(lines.count) line\(lines.count == 1 ? "" : "s")" }
}
