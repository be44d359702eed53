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
        // The example published as the demo publishes it (editions of every quarter), then a
        // corrected record, so the editions have a restatement to show.
        let workspace = try TestWorkspace(example: "Examples/pall-mall", databaseURL: url)
        defer { workspace.remove() }
        let published = try ScorecardProcess.run(["run", "--quiet", "--workspace", workspace.root.path, "--as-of", "2026-01-01"])
        #expect(published.status == 0, "\(published.stderr)")
        let evidence = workspace.data.appendingPathComponent("evidence.csv")
        let text = try String(contentsOf: evidence, encoding: .utf8)
        let corrected = text.replacingOccurrences(of: "paragon-solutions,customer_contract_action,2025-06-09,2025-06-09,it,,3,",
                                                  with: "paragon-solutions,customer_contract_action,2025-06-09,2025-06-09,it,,2,")
        #expect(corrected != text)
        try Data(corrected.utf8).write(to: evidence)
        let restated = try ScorecardProcess.run(["run", "--quiet", "--workspace", workspace.root.path, "--as-of", "2026-02-01"])
        #expect(restated.status == 0, "\(restated.stderr)")

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
