import Testing
import TestSupport

@Suite("Snapshot diffs")
struct TextDiffTests {
    @Test func equalTextsHaveNoDifference() {
        #expect(TextDiff.firstDifference(expected: "a\nb\n", actual: "a\nb\n") == nil)
    }

    @Test func aChangedLineIsShownWithItsNumberAndContext() {
        let expected = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let actual = expected.replacingOccurrences(of: "line 12\n", with: "line twelve\n")
        #expect(TextDiff.firstDifference(expected: expected, actual: actual) == """
            first difference at line 12 (expected 20 lines, actual 20 lines):
                  9 | line 9
                 10 | line 10
                 11 | line 11
            -    12 | line 12
            +    12 | line twelve
                 13 | line 13
                 14 | line 14
                 15 | line 15
            """)
    }

    @Test func anInsertedLineShowsOnlyOnTheActualSide() {
        let diff = TextDiff.firstDifference(expected: "a\nb\nc\n", actual: "a\nb\nnew\nc\n", context: 1)
        #expect(diff == """
            first difference at line 3 (expected 3 lines, actual 4 lines):
                  2 | b
            +     3 | new
                  3 | c
            """)
    }

    @Test func aMissingFinalNewlineIsVisible() {
        let diff = TextDiff.firstDifference(expected: "a\nb\n", actual: "a\nb", context: 0)
        #expect(diff == """
            first difference at line 2 (expected 2 lines, actual 2 lines):
            -     2 | b
            +     2 | b [no newline at end]
            """)
    }

    @Test func longLinesAndLongBlocksAreTruncated() throws {
        let expected = String(repeating: "x", count: 500) + "\n"
        let actual = (1...30).map { "new \($0)" }.joined(separator: "\n") + "\n"
        let diff = try #require(TextDiff.firstDifference(expected: expected, actual: actual, maxLines: 3, maxLineLength: 10))
        #expect(diff.contains("-     1 | xxxxxxxxxx… (500 characters)"))
        #expect(diff.contains("+     3 | new 3\n+       … 27 more lines"))
        #expect(!diff.contains("new 4"))
        #expect(diff.count < 400)
    }

    @Test func theSnapshotMessageHasTheHintAndTheDiff() throws {
        let message = try #require(ProjectFiles.staleSnapshotMessage(
            expected: "# Scorecard\n", actual: "not the README\n", relativePath: "README.md", update: "make it so"))
        #expect(message == """
            README.md is stale; run: make it so (then review the diff)
            --- README.md (expected)
            +++ generated now (actual)
            first difference at line 1 (expected 1 line, actual 1 line):
            -     1 | # Scorecard
            +     1 | not the README
            """)
        #expect(ProjectFiles.staleSnapshotMessage(expected: "a", actual: "a", relativePath: "x", update: "y") == nil)
    }
}
