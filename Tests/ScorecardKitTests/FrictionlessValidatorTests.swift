import Foundation
import ScorecardKit
import Testing
import TestSupport

/// Every descriptor Scorecard ships or writes, with its data, passes the ecosystem's own validator
/// (`frictionless validate`, v2 standard) and is in the v2 form: what Scorecard reads, standard tools
/// read alike.
@Suite("The Frictionless validator")
struct FrictionlessValidatorTests {
    func expectValid(_ descriptor: URL, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try Frictionless.validate(descriptor.path)
        #expect(report.valid, "\(label): frictionless validate found:\n\(report.errors.joined(separator: "\n"))\n\(report.output.prefix(2000))",
                sourceLocation: sourceLocation)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: descriptor)) as? [String: Any])
        let leftovers = Frictionless.v1Leftovers(object, root: FrictionlessDescriptor.dataPackageProfile)
        #expect(leftovers.isEmpty, "\(label) is not in the v2 form: \(leftovers.joined(separator: "; "))", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["Examples/minimal", "Examples/pall-mall/data", "Tests/Fixtures/scoring/data"])
    func shippedDataPackages(folder: String) throws {
        try expectValid(ProjectFiles.url("\(folder)/datapackage.json"), folder)
    }

    @Test func shippedTableSchemasDescribeTheExample() throws {
        // The Table Schemas of Schemas/datapackage/, each a file of its own, as a package refers to
        // them by path (their foreign keys need the package), over the minimal example's files.
        let fixture = try DatasetFixture()
        try FileManager.default.copyItem(at: ProjectFiles.url("Schemas/datapackage"), to: fixture.url("schemas"))
        var package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.url("datapackage.json"))) as? [String: Any])
        package["resources"] = (package["resources"] as? [[String: Any]] ?? []).map { resource in
            resource.merging(["schema": "schemas/\(resource["name"] as? String ?? "").json"]) { $1 }
        }
        try fixture.write("datapackage.json", try FrictionlessDescriptor.json(package))
        try expectValid(fixture.url("datapackage.json"), "the minimal example with the schemas of Schemas/datapackage/")
        for table in DatasetSchema.tables {
            let schema = try #require(try JSONSerialization.jsonObject(
                with: Data(contentsOf: ProjectFiles.url("Schemas/datapackage/\(table.name).json"))) as? [String: Any])
            let leftovers = Frictionless.v1Leftovers(schema, root: FrictionlessDescriptor.tableSchemaProfile)
            #expect(leftovers.isEmpty, "Schemas/datapackage/\(table.name).json is not in the v2 form: \(leftovers.joined(separator: "; "))")
        }
    }

    @Test func theWorkspaceTemplate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frictionless-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ScorecardProcess.run(["init", folder.path])
        try #require(result.status == 0, "scorecard init: \(result.stderr)")
        try expectValid(folder.appendingPathComponent("data/datapackage.json"), "scorecard init's data/datapackage.json")
    }

    @Test func whatScorecardGenerateWrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frictionless-generate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ScorecardProcess.run(["generate", "--actors", "20", "--evidence", "300", "--seed", "7", folder.path])
        try #require(result.status == 0, "scorecard generate: \(result.stderr)")
        try expectValid(folder.appendingPathComponent("datapackage.json"), "scorecard generate's datapackage.json")
    }

    @Test func evidenceAsJSONLines() throws {
        // source_ids is a JSON array there: the schema must say so (a list), not a string.
        let fixture = try DatasetFixture()
        try fixture.convertEvidenceToJSONLines()
        try expectValid(fixture.url("datapackage.json"), "a dataset with evidence.jsonl")
    }

    @Test func columnsInAnotherOrder() throws {
        // docs/data-format.md allows any order of the columns; the descriptor must too.
        let fixture = try DatasetFixture()
        for table in ["principles", "actors", "evidence"] { try fixture.reverseColumns("\(table).csv") }
        try expectValid(fixture.url("datapackage.json"), "a dataset with reordered columns")
    }

    /// The columns of format 2 are optional ("fieldsMatch": "superset"): the validator takes a file
    /// of format 1 that leaves them out, and one of format 2 that has them, in any order.
    @Test func filesWithAndWithoutTheOptionalColumns() throws {
        let format1 = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: format1.directory) }
        #expect(try format1.records("evidence.csv")[0].contains("event_id") == false)
        #expect(try format1.records("evidence_types.csv")[0].contains("measure") == false)
        try expectValid(format1.url("datapackage.json"), "a dataset of format 1, without the optional columns")

        let format2 = try DatasetFixture()
        defer { try? FileManager.default.removeItem(at: format2.directory) }
        try ConductChecksTests.write(format2, [
            ConductChecksTests.record("ev-lift", type: "sanction_lifted", occurred: "2025-08", ends: "ev-sanction"),
            ConductChecksTests.record("ev-sanction", event: "designation", endsOn: "2025-08"),
        ])
        try format2.reverseColumns("evidence.csv")
        try expectValid(format2.url("datapackage.json"), "a dataset of format 2, with the optional columns")

        // A column the schema does not define is still refused.
        try format2.writeRecords("evidence_types.csv", try format2.records("evidence_types.csv").enumerated().map { $0.element + [$0.offset == 0 ? "colour" : "red"] })
        #expect(!(try Frictionless.validate(format2.url("datapackage.json").path)).valid)
    }

    @Test func theValidatorRejectsWhatItShould() throws {
        // So that a pass above means something: a bad value and a foreign key to nothing are caught.
        let fixture = try DatasetFixture()
        try fixture.replace("actors.csv", "ruritania,state", with: "ruritania,country")
        try fixture.replace("evidence_types.csv", "misuse_documented,", with: "misuse-renamed,")
        let report = try Frictionless.validate(fixture.url("datapackage.json").path)
        #expect(!report.valid)
        #expect(report.errors.contains { $0.hasPrefix("actors:") && $0.contains("constraint-error") }, "\(report.errors)")
        #expect(report.errors.contains { $0.hasPrefix("evidence:") && $0.contains("foreign-key") }, "\(report.errors)")
    }
}
