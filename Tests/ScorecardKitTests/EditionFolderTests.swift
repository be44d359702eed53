import Crypto
import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The edition folder as a monitor publishes it: the workspace's look (language, title,
/// introduction, logo, stylesheet), bounded citations, where an edition's files go in the output
/// folder (its own folder, pruned exactly; an old edition's flat files back where they were), and
/// a large file kept in the database in parts and written out byte for byte.
@Suite("Edition folder")
struct EditionFolderTests {
    /// A workspace on the scoring fixture whose `output` block has `look` added.
    func workspace(_ prefix: String, look: String) throws -> TestWorkspace {
        let workspace = try TestWorkspace(databaseURL: try TestCluster.makeDatabase(prefix: prefix))
        try Data("""
            dataset: data
            methodology: methodology.yaml
            periods: all
            output:
              folder: reports
              formats: [text, json, markdown, html, csv]
              periods: latest
            \(look)
            database:
              url: \(workspace.databaseURL!)

            """.utf8).write(to: workspace.root.appendingPathComponent("scorecard.yaml"))
        return workspace
    }

    func run(_ workspace: TestWorkspace) throws -> ScorecardProcess.Outcome {
        try ScorecardProcess.run(["run", "--workspace", workspace.root.path, "--as-of", "2026-01-01"])
    }

    func text(_ workspace: TestWorkspace, _ path: String) throws -> String {
        try String(contentsOf: workspace.edition("2025").appendingPathComponent(path), encoding: .utf8)
    }

    // A 1×1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")!

    @Test func theWorkspacesLookIsThePublishersOwnAndStaysInsideTheFolder() throws {
        let workspace = try workspace("look", look: """
              language: fr
              title: Observatoire des logiciels espions
              introduction: Tableau de bord trimestriel de l'observatoire.
              logo: look/logo.png
              stylesheet: look/house.css
            """)
        defer { workspace.remove() }
        let look = workspace.root.appendingPathComponent("look", isDirectory: true)
        try FileManager.default.createDirectory(at: look, withIntermediateDirectories: true)
        try Self.png.write(to: look.appendingPathComponent("logo.png"))
        try Data("body { font-family: serif; }\n".utf8).write(to: look.appendingPathComponent("house.css"))

        let outcome = try run(workspace)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let index = try text(workspace, "index.html")
        #expect(index.contains("<html lang=\"fr\">"))
        #expect(index.contains("Observatoire des logiciels espions"))
        #expect(index.contains("Tableau de bord trimestriel de l&#39;observatoire.") || index.contains("Tableau de bord trimestriel de l&apos;observatoire."),
                "\(index.prefix(3000))")
        // The logo is embedded, the stylesheet copied beside the default one: no request leaves the folder.
        #expect(index.contains("src=\"data:image/png;base64,\(Self.png.base64EncodedString())\""))
        #expect(index.contains("href=\"custom.css\""))
        #expect(try text(workspace, "custom.css") == "body { font-family: serif; }\n")
        #expect(try text(workspace, "SHA256SUMS").contains("  custom.css\n"))
        #expect(try text(workspace, "actors/alpha.html").contains("href=\"../custom.css\""))
        // Every page in French, the text ones too.
        let summary = try text(workspace, "index.txt")
        #expect(summary.contains("CONSTATS PRINCIPAUX"), "\(summary.prefix(1500))")
        #expect(try text(workspace, "methodology.html").contains("<html lang=\"fr\">"))
    }

    /// A bad value in scorecard.yaml is exit 78 (configuration); a logo or stylesheet file that
    /// cannot be used is exit 66 (an input, like a missing dataset). Either way, before the run
    /// touches the database: no ledger row, no file.
    @Test(arguments: [
        ("  language: de", 78, "language"),
        ("  events_per_indicator: 0", 78, "must be between 1 and 1000"),
        ("  colour: blue", 78, "colour"),
        ("  logo: ../outside.png", 66, "outside the workspace folder"),
        ("  logo: look/missing.png", 66, "no such regular file"),
        ("  logo: look/logo.gif", 66, "must be an .svg, .png or .jpg file"),
    ])
    func aBadLookFailsBeforeTheRunAndWritesNothing(line: String, status: Int32, reason: String) throws {
        let workspace = try workspace("look_bad", look: line)
        defer { workspace.remove() }
        let look = workspace.root.appendingPathComponent("look", isDirectory: true)
        try FileManager.default.createDirectory(at: look, withIntermediateDirectories: true)
        try Self.png.write(to: look.appendingPathComponent("logo.gif"))
        try Self.png.write(to: workspace.root.deletingLastPathComponent().appendingPathComponent("outside.png"))
        let outcome = try run(workspace)
        #expect(outcome.status == status, "\(line): \(outcome.status) \(outcome.stderr)")
        #expect(outcome.stderr.contains(reason), "\(line): \(outcome.stderr)")
        #expect(workspace.reportPaths().isEmpty, "\(line): files were written: \(workspace.reportPaths())")
        let connection = try Connection(conninfo: workspace.databaseURL!, logger: .quiet)
        let tables = try connection.query("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'scorecard' AND tablename = 'run_ledger'")
        #expect(try tables.first!.decode("n", as: Int.self) == 0, "\(line): the run migrated the database before failing")
    }

    @Test func eventsPerIndicatorBoundsTheCitationsAndSaysWhatIsLeftOut() throws {
        let workspace = try workspace("look_cite", look: "  events_per_indicator: 1")
        defer { workspace.remove() }
        #expect(try run(workspace).status == 0)
        var omitted = 0
        for path in ProjectFiles.files(under: workspace.edition("2025").appendingPathComponent("actors")) where path.hasSuffix(".json") {
            let card = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: workspace.edition("2025").appendingPathComponent("actors/\(path)"))) as? [String: Any])
            for indicator in (card["actor"] as? [String: Any])?["indicators"] as? [[String: Any]] ?? [] {
                let events = indicator["events"] as? Int ?? 0, cited = indicator["cited_events"] as? Int ?? 0
                #expect(cited <= 1 && cited <= events, "\(path) \(indicator["code"] ?? ""): \(cited) of \(events) cited")
                if events > cited {
                    omitted += 1
                    // The card says how many are left out and where every contribution is.
                    let textCard = try text(workspace, "actors/\(path.dropLast(5)).txt")
                    #expect(textCard.contains("behind this value, not cited here"), "\(path)")
                }
            }
        }
        #expect(omitted > 0, "no indicator has more than one event: the bound was not exercised")
        // The data folder still has every contribution.
        #expect(try text(workspace, "data/contributions.csv").split(separator: "\n").count > 1)
    }

    // MARK: Where an edition's files go

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("edition-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func anEditionFolderIsKeptExactlyAndAnOldEditionsFlatFilesGoBackWhereTheyWere() throws {
        let output = try folder()
        defer { try? FileManager.default.removeItem(at: output) }
        try Data("the publisher's own page\n".utf8).write(to: output.appendingPathComponent("README.md"))
        let first = try EditionOutput.write([.init(name: "index.txt", text: "one\n"), .init(name: "actors/alpha.txt", text: "alpha\n"),
                                             .init(name: "actors/beta.txt", text: "beta\n")], folder: "m-2025", into: output)
        #expect(first.map(\.name) == ["m-2025/actors/alpha.txt", "m-2025/actors/beta.txt", "m-2025/index.txt", "m-2025/SHA256SUMS"])
        // A card no longer in the edition is removed; a file the folder never listed is left alone.
        let edition = output.appendingPathComponent("m-2025")
        try Data("mine\n".utf8).write(to: edition.appendingPathComponent("actors/notes.txt"))
        _ = try EditionOutput.write([.init(name: "index.txt", text: "one\n"), .init(name: "actors/alpha.txt", text: "alpha\n")], folder: "m-2025", into: output)
        #expect(ProjectFiles.files(under: edition) == ["SHA256SUMS", "actors/alpha.txt", "actors/notes.txt", "index.txt"])
        // An edition published before editions were folders: its flat files in the output folder itself,
        // and nothing else there is removed (the output folder is not the edition's).
        let flat = try EditionOutput.write([.init(name: "scorecard-m-2024.txt", text: "old\n")], folder: nil, into: output)
        #expect(flat.map(\.name) == ["scorecard-m-2024.txt", "SHA256SUMS"])
        #expect(ProjectFiles.files(under: output).filter { !$0.hasPrefix("m-2025/") } == ["README.md", "SHA256SUMS", "scorecard-m-2024.txt"])
        #expect(try String(contentsOf: output.appendingPathComponent("scorecard-m-2024.txt"), encoding: .utf8) == "old\n")
    }

    @Test func aDeadWritersLeftoversInsideActorsAndDataAreRemovedALiveOnesAreNot() throws {
        let output = try folder()
        defer { try? FileManager.default.removeItem(at: output) }
        let edition = output.appendingPathComponent("m-2025")
        for sub in ["actors", "data"] { try FileManager.default.createDirectory(at: edition.appendingPathComponent(sub), withIntermediateDirectories: true) }
        // A pid that is not running (beyond pid_max), and this test's own parent (alive).
        let dead = "4194305", live = String(getppid())
        let leftovers = ["actors/.alpha.html.\(dead).tmp", "data/.actors.csv.\(dead).bak", ".index.html.\(dead).tmp"]
        for name in leftovers + ["actors/.beta.html.\(live).tmp"] { try Data("x".utf8).write(to: edition.appendingPathComponent(name)) }
        _ = try EditionOutput.write([.init(name: "index.html", text: "<p>one</p>\n"), .init(name: "actors/alpha.html", text: "<p>a</p>\n")],
                                   folder: "m-2025", into: output)
        let hidden = ProjectFiles.files(under: edition).filter { ($0 as NSString).lastPathComponent.hasPrefix(".") }
        #expect(hidden == ["actors/.beta.html.\(live).tmp"], "\(hidden)")
    }

    /// What `report` and the provisional period write through: files staged on disk as rendered,
    /// hashed on the way, read back in pieces, and the staging folder gone with the last file.
    @Test func filesStagedOnDiskAreWrittenByteForByteAndTheStagingFolderGoes() throws {
        let piece = String(repeating: "Côte d'Ivoire — ✓ 0.125\n", count: 997)
        var expected = Data()
        var staging: EditionFilesOnDisk? = try EditionFilesOnDisk()
        let folder = staging!.folder
        try staging!.add("data/large.csv") { emit in
            while expected.count < 3 << 20 { try emit(piece); expected.append(Data(piece.utf8)) }
        }
        try staging!.add("index.txt", text: "one\n")
        var files: [ReportWriter.File]? = staging!.writerFiles
        staging = nil
        #expect(FileManager.default.fileExists(atPath: folder.path), "the staging folder went before its files were written")
        #expect(files!.map(\.name) == ["data/large.csv", "index.txt"])
        #expect(files![0].sha256 == SHA256.hexDigest(of: expected) && files![0].bytes == Int64(expected.count))
        let output = try self.folder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try EditionOutput.write(files!, folder: "m", into: output)
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("m/data/large.csv").path) == expected)
        files = nil
        #expect(!FileManager.default.fileExists(atPath: folder.path), "the staging folder was left behind")
    }

    // MARK: A large file in parts

    @Test func aFileLargerThanAPartIsStoredInPartsAndWrittenOutByteForByte() throws {
        let workspace = try workspace("parts", look: "")
        defer { workspace.remove() }
        #expect(try run(workspace).status == 0)
        let connection = try Connection(conninfo: workspace.databaseURL!, logger: .quiet)
        let edition = try #require(try Edition.all(connection, methodologyID: "scoring-fixture").last)
        // 2.5 parts of text with multi-byte characters, emitted in pieces that do not align with parts.
        let piece = String(repeating: "Côte d'Ivoire — ✓ 0.125\n", count: 997)
        var expected = Data()
        try connection.execute("BEGIN")
        defer { try? connection.execute("ROLLBACK") }
        let store = EditionFileStore(connection: connection, editionID: edition.id)
        try store.add("data/large.csv") { emit in
            while expected.count < EditionFileStore.partSize * 5 / 2 {
                try emit(piece)
                expected.append(Data(piece.utf8))
            }
        }
        try connection.execute("SET CONSTRAINTS ALL IMMEDIATE")
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.edition_file_parts WHERE edition_id = \(edition.id) AND name = 'data/large.csv'")
            .first!.decode("n", as: Int.self) == 3)
        let file = try #require(try edition.files(connection).first { $0.name == "data/large.csv" })
        #expect(file.bytes == Int64(expected.count) && file.sha256 == SHA256.hexDigest(of: expected))
        let output = try folder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try EditionOutput.write([file], folder: "m", into: output)
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("m/data/large.csv").path) == expected)
    }
}
