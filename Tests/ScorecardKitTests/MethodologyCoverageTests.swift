import Foundation
@testable import ScorecardKit
import Testing
import TestSupport

/// `scorecard methodology check` with a dataset at hand: the dataset's evidence types that no
/// indicator counts and its instruments that no indicator lists are warnings (`MethodologyCoverage`).
@Suite("Methodology coverage of a dataset")
struct MethodologyCoverageTests {
    static let methodology = "Tests/Fixtures/scoring/methodology.yaml"

    func fixture() throws -> DatasetFixture { try DatasetFixture(copying: "Tests/Fixtures/scoring/data") }

    @Test func aDatasetWhollyScoredWarnsOfNothing() throws {
        let fixture = try fixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let methodology = try MethodologyFile.load(path: ProjectFiles.url(Self.methodology).path).methodology
        #expect(try MethodologyCoverage.warnings(methodology, dataset: fixture.directory) == [])
    }

    @Test func evidenceTypesAndInstrumentsNoIndicatorUses() throws {
        let fixture = try fixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try fixture.append("evidence_types.csv", "sanction_lifted,Sanction lifted,")
        try fixture.append("evidence_types.csv", "licence_revoked,Licence revoked,")
        try fixture.append("instruments.csv", "export-law,law,Export law,,Alpha,2023,,vendor,true,src-a")
        let methodology = try MethodologyFile.load(path: ProjectFiles.url(Self.methodology).path).methodology
        let expected = [
            "evidence_types.csv: 2 evidence types that no indicator of methodology \(methodology.id) counts: 'sanction_lifted', 'licence_revoked'",
            "instruments.csv: 1 instrument that no indicator of methodology \(methodology.id) lists: 'export-law'",
        ]
        #expect(try MethodologyCoverage.warnings(methodology, dataset: fixture.directory) == expected)

        // The command prints them on stderr and the methodology is still valid (exit 0).
        let result = try ScorecardProcess.run(["methodology", "check", ProjectFiles.url(Self.methodology).path, "--dataset", fixture.directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == expected.map { "warning: \($0)\n" }.joined())
        #expect(result.stdout.contains("valid"))
        // Without a dataset, nothing to compare with: no warning.
        let alone = try ScorecardProcess.run(["methodology", "check", ProjectFiles.url(Self.methodology).path])
        #expect(alone.status == 0 && alone.stderr.isEmpty)
    }
}
