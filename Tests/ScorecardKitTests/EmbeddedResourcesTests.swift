import Foundation
@testable import ScorecardKit
import Testing
import TestSupport

@Suite("Embedded resources")
struct EmbeddedResourcesTests {
    @Test func everyEmbeddedFileEqualsItsSource() throws {
        #expect(!EmbeddedResources.files.isEmpty)
        for file in EmbeddedResources.files {
            let onDisk = try String(contentsOf: ProjectFiles.url(file.path), encoding: .utf8)
            #expect(onDisk == file.contents, "\(file.path) changed since it was embedded: run make embed")
        }
    }

    @Test func everyMigrationFileIsEmbedded() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ProjectFiles.url("Schemas").path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(Migrator.embeddedMigrations.map(\.name) == names)
    }
}
