import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// A problem on a restricted record (restricted evidence, an actor or alias marked restricted, an
/// alias of a restricted actor, a reply to restricted evidence) names file:line, field and reason,
/// never a value of the record: messages go to terminals, CI logs and cron mail.
@Suite("Restricted validation")
struct RestrictedValidationTests {
    /// Values of the broken restricted records below; no message may hold one.
    static let secrets = ["jane-doe-secret", "2024-10-09", "not-a-url-jane", "src-jane", "gamma-restricted", "Jane Nick"]

    func brokenFixture() throws -> DatasetFixture {
        let fixture = try RestrictedNames.fixture()
        // A repeated id, a date before the one it follows, an unknown counterpart: all restricted.
        try fixture.append("evidence.csv", "gamma-restricted,gamma,misuse_documented,2024-10-09,2024-10-01,jane-doe-secret,,5,confirmed,restricted,Secret duplicate.,src-a")
        // The same on a public record is shown, as ever.
        try fixture.append("evidence.csv", "alpha-public-typo,alpha,misuse_documented,2024-10-01,2024-10-02,public-unknown,,5,confirmed,public,Public.,src-a")
        try fixture.append("actors.csv", "jane-second,organisation,Jane Second,,,,not-a-url-jane,restricted")
        try fixture.append("actor_aliases.csv", "jane-victim,Jane Nick,alias,,,src-jane,")
        return fixture
    }

    @Test func problemsOnRestrictedRecordsWithholdTheirValuesInValidateAndLoad() throws {
        let connection = try migratedDatabase("restrictedvalidation")
        let fixture = try brokenFixture()
        let found = problemsFoundEverywhere(fixture, connection)
        #expect(found.contains("evidence.csv:12: counterpart_id: unknown actor 'public-unknown' (not in actors.csv)"), "\(found)")
        #expect(found.contains("evidence.csv:11: id: duplicate id (value withheld: the record is restricted) (first on line 7)"), "\(found)")
        #expect(found.contains("evidence.csv:11: published_on: is before occurred_on (value withheld: the record is restricted)"), "\(found)")
        #expect(found.contains("evidence.csv:11: counterpart_id: unknown actor (value withheld: the record is restricted) (not in actors.csv)"), "\(found)")
        #expect(found.contains("actors.csv:11: url: is not an absolute http(s) URL (value withheld: the record is restricted)"), "\(found)")
        #expect(found.contains("actor_aliases.csv:5: source_id: unknown source (value withheld: the record is restricted) (not in sources.csv)"), "\(found)")
        for problem in found {
            for secret in Self.secrets { #expect(!problem.contains(secret), "\(problem)") }
        }

        // The command line, as cron runs it: validate with no database, then load.
        for arguments in [["validate", fixture.directory.path], ["load", "--database-url", try TestCluster.makeDatabase(prefix: "restrictedvalidation_cli"), fixture.directory.path]] {
            let outcome = try ScorecardProcess.run(arguments)
            #expect(outcome.status == 65, "\(arguments[0]): \(outcome.stderr)")
            #expect((outcome.stdout + outcome.stderr).contains("value withheld"), "\(arguments[0]): \(outcome.stdout)\(outcome.stderr)")
            for secret in Self.secrets {
                #expect(!outcome.stderr.contains(secret) && !outcome.stdout.contains(secret), "\(arguments[0]) shows '\(secret)'")
            }
        }
    }
}
