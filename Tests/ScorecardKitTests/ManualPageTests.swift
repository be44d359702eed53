import Foundation
import Testing
import TestSupport

/// The manual page `make man` writes: swift-argument-parser's generate-manual tool run on the
/// binary, as the Makefile runs it (`make test` builds the tool beside the binary).
@Suite("The manual page")
struct ManualPageTests {
    @Test func theManualIsGeneratedFromTheCommandDefinitionsAndNamesEverySubcommand() throws {
        let tool = ScorecardProcess.binary.deletingLastPathComponent().appendingPathComponent("generate-manual")
        try #require(FileManager.default.isExecutableFile(atPath: tool.path),
                     "\(tool.path) is missing: `make test` builds it (swift build --product generate-manual)")
        let first = try generate(with: tool)
        let page = try String(contentsOf: first.appendingPathComponent("scorecard.1"), encoding: .utf8)

        #expect(page.contains(".Dd December 1, 2026\n.Dt SCORECARD 1\n"))
        // Every subcommand the definitions have, nested ones too, has its entry.
        let dump = try ScorecardProcess.run(["--experimental-dump-help"])
        let toolInfo = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let names = subcommandNames(of: try #require(toolInfo["command"] as? [String: Any])).filter { $0 != "help" }
        #expect(names.count >= 20, "\(names)")
        for name in names {
            #expect(page.contains(".It Em \(name)\n"), "the manual has no entry for \(name)")
        }
        // What the help says reaches the page: the exit codes and their section.
        #expect(page.contains("75 another run holds the lock"))
        #expect(page.contains("EXIT STATUS"))

        // The same definitions and date write the same page.
        let second = try generate(with: tool)
        #expect(try Data(contentsOf: second.appendingPathComponent("scorecard.1")) == Data(page.utf8))

        // man(1)'s formatter reads it with no error (plain text: no overstrike); its only warnings are the blank lines that
        // separate the help's paragraphs, which it renders as paragraph breaks.
        let rendered = try ScorecardProcess.run(["-mandoc", "-Tascii", "-P-cbou", "-ww", first.appendingPathComponent("scorecard.1").path],
                                                program: "/usr/bin/groff")
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let warnings = rendered.stderr.split(separator: "\n").filter { !$0.contains("Empty input line") }
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(rendered.stdout.contains("grant-reader"))
        for folder in [first, second] { try? FileManager.default.removeItem(at: folder) }
    }

    private func generate(with tool: URL) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-man-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outcome = try ScorecardProcess.run([ScorecardProcess.binary.path, "--output-directory", folder.path, "--date", "2026-12-01"],
                                               program: tool.path)
        try #require(outcome.status == 0, "generate-manual failed: \(outcome.stderr)")
        return folder
    }

    private func subcommandNames(of command: [String: Any]) -> [String] {
        let subcommands = command["subcommands"] as? [[String: Any]] ?? []
        return subcommands.flatMap { [($0["commandName"] as? String) ?? ""] + subcommandNames(of: $0) }
    }
}
