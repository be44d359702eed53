import Postgres

/// The named SQL queries of `Schemas/queries/`, embedded in the binary.
enum QueryFiles {
    static func text(_ name: String) -> String {
        let path = "Schemas/queries/\(name).sql"
        guard let file = EmbeddedResources.files.first(where: { $0.path == path }) else {
            fatalError("\(path) is not embedded: run make embed")
        }
        return file.contents
    }

    static func sql(_ name: String, _ parameters: [(any PostgresEncodable)?]) -> SQL {
        SQL(unsafeTrusted: text(name), parameters: parameters)
    }
}
