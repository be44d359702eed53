import Foundation
@testable import ScorecardKit
import Testing
import TestSupport

/// `EmbeddedResources.swift` is generated on every build by the EmbedResources plugin
/// (scripts/embed-resources). These tests restate, independently, which files it must hold, so a
/// change to the script that drops or adds a file fails here.
@Suite("Embedded resources")
struct EmbeddedResourcesTests {
    @Test func everyEmbeddedFileEqualsItsSource() throws {
        #expect(!EmbeddedResources.files.isEmpty)
        for file in EmbeddedResources.files {
            let onDisk = try String(contentsOf: ProjectFiles.url(file.path), encoding: .utf8)
            #expect(onDisk == file.contents, "\(file.path) differs from what was embedded (see scripts/embed-resources)")
        }
    }

    /// Every `Schemas/**/*.sql` at any depth, the reference lists `Schemas/reference/*.csv`, every file
    /// of `Templates/`, and the default methodology.
    @Test func everyFileThatShouldBeEmbeddedIsEmbeddedAndNothingElse() throws {
        let expected = (try files(under: "Schemas").filter { $0.hasSuffix(".sql") }
            + files(under: "Schemas/reference").filter { $0.hasSuffix(".csv") }
            + files(under: "Templates")
            + ["Examples/pall-mall/methodology.yaml"])
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(expected.contains("Schemas/0001_bookkeeping.sql"))
        #expect(expected.contains("Schemas/queries/scoring/actor_scores.sql"))
        #expect(expected.contains("Schemas/objects/10_rules/02_time_rules.sql"))
        #expect(expected.contains("Templates/workspace/scorecard.yaml"))
        #expect(expected.contains("Schemas/reference/iso_3166-1.csv"))
        // Equal as lists: the same files, in byte order of their paths (LC_ALL=C sort).
        #expect(EmbeddedResources.files.map(\.path) == expected)
    }

    @Test func everyMigrationFileIsEmbedded() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ProjectFiles.url("Schemas").path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(Migrator.embeddedMigrations.map(\.name) == names)
    }

    /// The regular files under `folder`, at any depth, as paths relative to the package root.
    private func files(under folder: String) throws -> [String] {
        let base = ProjectFiles.url(folder).standardizedFileURL
        guard let walker = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: []
        ) else { throw CocoaError(.fileReadNoSuchFile) }
        var found: [String] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let relative = url.standardizedFileURL.path.dropFirst(base.path.count + 1)
            found.append("\(folder)/\(relative)")
        }
        return found
    }
}
