import Foundation
import ScorecardKit
import Testing
import TestSupport

/// The format's published descriptors are generated from DatasetSchema; these tests fail
/// when a committed copy drifts from the definitions.
@Suite("Frictionless descriptors")
struct FormatDescriptorTests {
    @Test(arguments: DatasetSchema.tables.map(\.name))
    func tableSchemaFileMatchesTheDefinition(table: String) throws {
        let json = try FrictionlessDescriptor.json(FrictionlessDescriptor.tableSchema(DatasetSchema.table(table)!))
        let mismatch = ProjectFiles.compareSnapshot(json, with: "Schemas/datapackage/\(table).json")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(arguments: [("Examples/minimal", "minimal", "Minimal example dataset (fictional actors)"),
                      ("Examples/pall-mall/data", "pall-mall", "Pall Mall Process scorecard: sourced example dataset"),
                      ("Tests/Fixtures/scoring/data", "scoring-fixture", "Scoring fixture"),
                      ("Tests/Fixtures/methodology-v2/data", "methodology-v2-fixture", "Methodology v2 fixture")])
    func exampleDataPackagesMatchTheDefinition(folder: String, name: String, title: String) throws {
        let json = try FrictionlessDescriptor.json(FrictionlessDescriptor.dataPackage(name: name, title: title))
        let mismatch = ProjectFiles.compareSnapshot(json, with: "\(folder)/datapackage.json")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func everyFieldIsDocumentedInTheFormatGuide() throws {
        let guide = try String(contentsOf: ProjectFiles.url("docs/data-format.md"), encoding: .utf8)
        for table in DatasetSchema.tables {
            #expect(guide.contains("### `\(table.fileName)`"), "docs/data-format.md has no section for \(table.fileName)")
            for field in table.fields {
                #expect(guide.contains("| `\(field.name)` |"), "docs/data-format.md does not document \(table.name).\(field.name)")
            }
        }
    }
}
