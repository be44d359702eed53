import Crypto
import Foundation
import Postgres

/// Writes `scorecard.un_member_states` (migration 0012) from the list embedded in the binary
/// (`ReferenceLists.unStates`), each time the migrator re-creates the schema objects: the table is
/// then exactly the list this scorecard has, and its SHA-256, recorded in `scorecard.schema_objects`
/// under `recordedName`, makes a scorecard with another list write it again.
enum ReferenceStates {
    static let recordedName = "../reference/un_member_states.csv"

    static var sha256: String {
        SHA256.hexDigest(of: Data((EmbeddedResources.files.first { $0.path == ReferenceLists.unFile }?.contents ?? "").utf8))
    }

    static func write(_ connection: Connection) throws {
        // Before migration 0012 (a migrator given older migrations, in a test) there is no table.
        let present = try connection.query("SELECT to_regclass('scorecard.un_member_states') IS NOT NULL AS present").first!.decode("present", as: Bool.self)
        guard present else { return }
        try connection.execute("DELETE FROM scorecard.un_member_states")
        for state in ReferenceLists.unStates {
            let admitted = Int(state.admitted)
            try connection.execute("""
                INSERT INTO scorecard.un_member_states (alpha_3, alpha_2, name, official_name, status, admitted)
                VALUES (\(state.alpha3), \(state.alpha2), \(state.name), \(state.officialName), \(state.status), \(admitted))
                """)
        }
    }
}
