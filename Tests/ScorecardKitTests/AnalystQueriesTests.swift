import Foundation
import Logging
import Postgres
import Testing
import TestSupport

/// Every example query of docs/analysts.md runs, as the owner and as a public reader, against the
/// Pall Mall example scored for every period, and returns rows unless it says it may be empty.
@Suite("Analyst queries")
struct AnalystQueriesTests {
    struct ExampleQuery: CustomStringConvertible {
        let number: Int
        let sql: String
        /// Marked `-- may be empty` in the documentation.
        var mayBeEmpty: Bool { sql.contains("-- may be empty") }
        var description: String { "query \(number) of docs/analysts.md:\n\(sql)" }
    }

    /// The ```sql blocks of docs/analysts.md, in order.
    static func exampleQueries() throws -> [ExampleQuery] {
        let text = try String(contentsOf: ProjectFiles.url("docs/analysts.md"), encoding: .utf8)
        var queries: [ExampleQuery] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```sql" {
                current = []
            } else if let lines = current, line == "```" {
                queries.append(ExampleQuery(number: queries.count + 1, sql: lines.joined(separator: "\n")))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return queries
    }

    @Test func theDocumentationHasAtLeastTenExampleQueries() throws {
        let queries = try Self.exampleQueries()
        #expect(queries.count >= 10)
        #expect(queries.filter { !$0.mayBeEmpty }.count >= 10)
    }

    @Test func everyExampleQueryRunsAsOwnerAndAsPublicReader() throws {
        let url = try TestCluster.makeDatabase(prefix: "analystqueries")
        let methodology = ProjectFiles.url("Examples/pall-mall/methodology.yaml").path
        let load = try ScorecardProcess.run(["load", "--quiet", "--database-url", url, ProjectFiles.url("Examples/pall-mall/data").path])
        #expect(load.status == 0, "\(load.stderr)")
        let score = try ScorecardProcess.run(["score", "--quiet", "--database-url", url, "--methodology", methodology, "--all-periods"])
        #expect(score.status == 0, "\(score.stderr)")

        let role = ReaderRole(prefix: "analyst_queries")
        defer { ReaderRole.drop([role], url: url) }
        try role.grant(url: url)
        let owner = try Connection(conninfo: url, logger: .quiet)
        let reader = try role.connect(url: url)

        for query in try Self.exampleQueries() {
            let ownerRows: Int
            do {
                ownerRows = try owner.query(SQL(unsafeTrusted: query.sql)).count
            } catch {
                Issue.record("fails as the owner (\(error)): \(query)")
                continue
            }
            if !query.mayBeEmpty {
                #expect(ownerRows > 0, "no rows: \(query)")
            }
            do {
                // The example has no restricted evidence: a public reader sees the same rows.
                let readerRows = try reader.query(SQL(unsafeTrusted: query.sql)).count
                #expect(readerRows == ownerRows, "the public reader gets \(readerRows) rows, the owner \(ownerRows): \(query)")
            } catch {
                Issue.record("fails as the public reader (\(error)): \(query)")
            }
        }
    }
}
