import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// A dataset reads regular files inside its folder only: a FIFO, a folder, a device or a link that
/// leads out of the folder is refused before it is opened, with a clear problem (exit 65), and the
/// database is not touched.
@Suite("Dataset files")
struct DatasetFilesTests {
    func problems(_ fixture: DatasetFixture) -> [String] {
        do {
            _ = try DataPackage.read(directory: fixture.directory)
            return []
        } catch let invalid as DatasetInvalid {
            return invalid.problems.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    @Test func aLinkOutOfTheFolderIsRefusedUnread() throws {
        let fixture = try DatasetFixture()
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-secret-\(UUID().uuidString)")
        try Data("id,name,description\nTOP-SECRET-LINE,x,y\n".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        try fixture.remove("principles.csv")
        try FileManager.default.createSymbolicLink(atPath: fixture.url("principles.csv").path, withDestinationPath: secret.path)
        let found = problems(fixture)
        #expect(found == ["principles.csv: not inside the dataset folder (it leads out of it); nothing of it was read"])
        let validate = try ScorecardProcess.run(["validate", fixture.directory.path])
        #expect(validate.status == 65)
        #expect(!(validate.stdout + validate.stderr).contains("TOP-SECRET"))
        #expect((validate.stdout + validate.stderr).contains("principles.csv: not inside the dataset folder"))
    }

    @Test func aLinkInsideTheFolderIsFollowed() throws {
        let fixture = try DatasetFixture()
        try FileManager.default.createDirectory(at: fixture.url("tables"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: fixture.url("principles.csv"), to: fixture.url("tables/principles.csv"))
        try FileManager.default.createSymbolicLink(atPath: fixture.url("principles.csv").path, withDestinationPath: "tables/principles.csv")
        #expect(problems(fixture).isEmpty)
    }

    @Test func aFIFOIsRefusedWithoutOpeningIt() throws {
        let fixture = try DatasetFixture()
        try fixture.remove("responses.csv")
        #expect(mkfifo(fixture.url("responses.csv").path, 0o600) == 0)
        // Opening a FIFO for reading would wait for a writer for ever; the check must not open it.
        #expect(problems(fixture) == ["responses.csv: is a named pipe (FIFO), not a regular file; it was not opened"])
    }

    @Test func aFolderOrADeviceIsAClearProblem() throws {
        let fixture = try DatasetFixture()
        try fixture.remove("responses.csv")
        try FileManager.default.createDirectory(at: fixture.url("responses.csv"), withIntermediateDirectories: false)
        try fixture.remove("principles.csv")
        try FileManager.default.createSymbolicLink(atPath: fixture.url("principles.csv").path, withDestinationPath: "/dev/null")
        #expect(problems(fixture) == [
            "principles.csv: not inside the dataset folder (it leads out of it); nothing of it was read",
            "responses.csv: is a folder, not a file",
        ])
        let validate = try ScorecardProcess.run(["validate", fixture.directory.path])
        #expect(validate.status == 65, "\(validate.stderr)")
    }

    /// A device node inside the folder (the /dev/null link above is refused earlier, as leading out
    /// of it). Making one needs root, which the tests have (CI runs as root); if mknod is refused
    /// the test fails rather than passing untried.
    @Test func aDeviceInsideTheFolderIsAClearProblem() throws {
        let fixture = try DatasetFixture()
        try fixture.remove("principles.csv")
        let made = mknod(fixture.url("principles.csv").path, S_IFCHR | 0o644, dev_t((1 << 8) | 3))  // 1,3: as /dev/null
        try #require(made == 0, "mknod: \(String(cString: strerror(errno))) (the tests run as root)")
        #expect(problems(fixture) == ["principles.csv: is a device, not a regular file; it was not opened"])
        let validate = try ScorecardProcess.run(["validate", fixture.directory.path])
        #expect(validate.status == 65, "\(validate.stderr)")
    }

    @Test func theDescriptorItselfIsChecked() throws {
        let fixture = try DatasetFixture()
        try fixture.remove("datapackage.json")
        #expect(mkfifo(fixture.url("datapackage.json").path, 0o600) == 0)
        #expect(problems(fixture) == ["datapackage.json: is a named pipe (FIFO), not a regular file; it was not opened"])
    }
}
