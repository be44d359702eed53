import Postgres
import Testing

/// Every object of schema scorecard explains itself in the catalogue (`\d+` in psql, any
/// database browser): an uncommented table, view or column is a gap in the documentation.
@Suite("Schema comments")
struct SchemaCommentsTests {
    @Test func everyTableViewAndColumnHasAComment() throws {
        let connection = try migratedDatabase("comments")
        let rows = try connection.query("""
            SELECT c.relname AS object
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'scorecard' AND c.relkind IN ('r', 'v', 'm')
              AND coalesce(obj_description(c.oid, 'pg_class'), '') = ''
            UNION ALL
            SELECT c.relname || '.' || a.attname
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid
            WHERE n.nspname = 'scorecard' AND c.relkind IN ('r', 'v', 'm')
              AND a.attnum > 0 AND NOT a.attisdropped
              AND coalesce(col_description(c.oid, a.attnum), '') = ''
            ORDER BY 1
            """)
        let missing = try rows.map { try $0.decode("object", as: String.self) }
        #expect(missing.isEmpty, "no COMMENT ON in schema scorecard for: \(missing.joined(separator: ", "))")
    }

    @Test func everyFunctionHasAComment() throws {
        let connection = try migratedDatabase("comments")
        let rows = try connection.query("""
            SELECT p.oid::regprocedure::text AS object
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'scorecard'
              AND coalesce(obj_description(p.oid, 'pg_proc'), '') = ''
            ORDER BY 1
            """)
        let missing = try rows.map { try $0.decode("object", as: String.self) }
        #expect(missing.isEmpty, "no COMMENT ON FUNCTION in schema scorecard for: \(missing.joined(separator: ", "))")
    }
}
