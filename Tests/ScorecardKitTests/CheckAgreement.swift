import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// The problems of a dataset as `validate()` reports them with no database, after checking that
/// every other way of checking it agrees: `validate(connection:)` (the checks of a load), and the
/// checks across records in Swift (`CrossRecordChecks`) and in SQL (`DatasetChecks`), compared
/// before a load merges them. Every test that expects problems through it is also a test that the
/// two definitions of those checks agree.
func problemsFoundEverywhere(_ fixture: DatasetFixture, _ connection: Connection, today: CalendarDate = .fixtureAsOf,
                             label: String = "", sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    let loader = fixture.loader(today: today)
    let withoutDatabase = problems { try loader.validate() }
    let inDatabase = problems { try loader.validate(connection: connection) }
    #expect(withoutDatabase == inDatabase, "\(label) validate with no database and in a database differ", sourceLocation: sourceLocation)
    do {
        if let both = try crossRecordChecks(loader, connection) {
            #expect(both.inSwift == both.inSQL, "\(label) the checks across records in Swift and in SQL differ", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("\(label) comparing the checks across records: \(error)", sourceLocation: sourceLocation)
    }
    return withoutDatabase
}

/// What the checks across records find in Swift and in SQL, staged in a transaction rolled back;
/// nil when the descriptor is refused (no file is read).
func crossRecordChecks(_ loader: DatasetLoader, _ connection: Connection) throws -> (inSwift: DatasetChecks.Found, inSQL: DatasetChecks.Found)? {
    guard let package = try? DataPackage.read(directory: loader.directory) else { return nil }
    struct RolledBack: Error { let inSwift: DatasetChecks.Found; let inSQL: DatasetChecks.Found }
    do {
        try connection.transaction { connection in
            let checked = try loader.stageAndCheckTwice(package, connection: connection)
            throw RolledBack(inSwift: checked.inSwift, inSQL: checked.inSQL)
        }
    } catch let found as RolledBack {
        return (found.inSwift, found.inSQL)
    }
    return nil
}
