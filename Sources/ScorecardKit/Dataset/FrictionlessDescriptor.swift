import Foundation

/// Frictionless Data descriptors derived from `DatasetSchema`, in the v2 form of the standard
/// (https://datapackage.org/standard/): a Table Schema per table and a Data Package for a dataset
/// folder, so standard tools read and check a dataset as Scorecard does. `DataPackage` reads this
/// form and the v1 one.
public enum FrictionlessDescriptor {
    public static let partialDatePattern = #"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"#
    public static let idPattern = #"^[a-z0-9][a-z0-9._-]*$"#
    public static let dataPackageProfile = "https://datapackage.org/profiles/2.0/datapackage.json"
    public static let tableSchemaProfile = "https://datapackage.org/profiles/2.0/tableschema.json"
    /// What separates the items of a list field (`addresses`, `source_ids`).
    public static let listDelimiter = ";"
    /// The license a new dataset's descriptor names until its monitor says otherwise: the usual
    /// one for open data that must be cited.
    public static let defaultLicense: [String: String] = [
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 International",
    ]

    /// The Table Schema of one table, as a JSON-compatible dictionary. `standalone`: a file of its
    /// own, which names its profile (`$schema` belongs at the root of a descriptor only).
    public static func tableSchema(_ table: TableDefinition, standalone: Bool = true) -> [String: Any] {
        var schema: [String: Any] = [
            "fields": table.fields.map(field),
            // Columns are matched by name: they may come in any order (docs/data-format.md). A table
            // with columns a file may leave out (mayBeAbsent) is matched as a superset: a file may have
            // fewer fields, never others; our own validator still requires every other column.
            "fieldsMatch": table.fields.contains(where: \.mayBeAbsent) ? "superset" : "equal",
            "primaryKey": table.primaryKey,
            "missingValues": [""],
        ]
        if standalone { schema["$schema"] = tableSchemaProfile }
        let foreignKeys: [[String: Any]] = table.fields.compactMap { field in
            // A list's items reference ids too, but a foreign key cannot say so.
            guard let target = field.references, !field.type.isList, let targetTable = DatasetSchema.table(target) else { return nil }
            return ["fields": [field.name], "reference": ["resource": target, "fields": targetTable.primaryKey]]
        }
        if !foreignKeys.isEmpty { schema["foreignKeys"] = foreignKeys }
        return schema
    }

    static func field(_ field: FieldDefinition) -> [String: Any] {
        var constraints: [String: Any] = [:]
        if field.required { constraints["required"] = true }
        var entry: [String: Any] = ["name": field.name]
        switch field.type {
        case .id:
            entry["type"] = "string"
            constraints["pattern"] = idPattern
            constraints["maxLength"] = 100
        case .text:
            entry["type"] = "string"
        case .partialDate:
            entry["type"] = "string"
            constraints["pattern"] = partialDatePattern
        case .url:
            entry["type"] = "string"
            entry["format"] = "uri"
        case let .oneOf(values):
            entry["type"] = "string"
            constraints["enum"] = values
        case .idList, .listOf:
            // A list: `a;b` in CSV, a JSON array of strings in JSON Lines. v2 constrains no item,
            // so the description says what an item is; Scorecard checks it.
            entry["type"] = "list"
            entry["delimiter"] = listDelimiter
            entry["itemType"] = "string"
        case let .integer(range):
            entry["type"] = "integer"
            constraints["minimum"] = range.lowerBound
            constraints["maximum"] = range.upperBound
        case .boolean:
            entry["type"] = "boolean"
            entry["trueValues"] = ["true"]
            entry["falseValues"] = ["false"]
        case .countryCode:
            entry["type"] = "string"
            constraints["pattern"] = "^[A-Z]{2,3}$"
        }
        if !constraints.isEmpty { entry["constraints"] = constraints }
        let description = [field.description, itemRule(field.type)].filter { !$0.isEmpty }.joined(separator: " ")
        if !description.isEmpty { entry["description"] = description }
        return entry
    }

    /// What an item of a list field must be, which a v2 list cannot constrain.
    static func itemRule(_ type: FieldType) -> String {
        switch type {
        case .idList: return "Items are ids (\(idPattern)), separated by '\(listDelimiter)'."
        case let .listOf(values): return "Items are among \(values.joined(separator: ", ")), separated by '\(listDelimiter)'."
        default: return ""
        }
    }

    /// A `datapackage.json` for a dataset whose files have the default names.
    public static func dataPackage(name: String, title: String, evidenceFormat: DataPackage.Format = .csv,
                                   licenses: [[String: String]] = [defaultLicense]) -> [String: Any] {
        [
            "$schema": dataPackageProfile,
            "name": name,
            "title": title,
            "licenses": licenses,
            "resources": DatasetSchema.tables.map { table -> [String: Any] in
                let jsonl = table.name == "evidence" && evidenceFormat == .jsonl
                var resource: [String: Any] = [
                    "name": table.name,
                    "type": "table",
                    "path": jsonl ? "evidence.jsonl" : table.fileName,
                    "description": table.description,
                    "schema": tableSchema(table, standalone: false),
                    "encoding": "utf-8",
                ]
                resource["format"] = jsonl ? "jsonl" : "csv"
                return resource
            },
        ]
    }

    /// Deterministic JSON text: sorted keys, two-space indentation, a final newline.
    public static func json(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
