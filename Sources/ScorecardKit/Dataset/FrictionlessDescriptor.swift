import Foundation

/// Frictionless Data descriptors derived from `DatasetSchema`: a Table Schema per table
/// (https://specs.frictionlessdata.io/table-schema/) and a Data Package for a dataset
/// folder, so standard tools can read and check a dataset too.
public enum FrictionlessDescriptor {
    public static let partialDatePattern = #"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"#
    public static let idPattern = #"^[a-z0-9][a-z0-9._-]*$"#

    /// The Table Schema of one table, as a JSON-compatible dictionary.
    public static func tableSchema(_ table: TableDefinition) -> [String: Any] {
        var schema: [String: Any] = [
            "fields": table.fields.map(field),
            "primaryKey": table.primaryKey.count == 1 ? table.primaryKey[0] as Any : table.primaryKey as Any,
            "missingValues": [""],
        ]
        let foreignKeys: [[String: Any]] = table.fields.compactMap { field in
            guard let target = field.references, !field.type.isList, let targetTable = DatasetSchema.table(target) else { return nil }
            return ["fields": field.name, "reference": ["resource": target, "fields": targetTable.primaryKey[0]]]
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
        case .idList:
            entry["type"] = "string"
            constraints["pattern"] = #"^[a-z0-9][a-z0-9._-]*(;[a-z0-9][a-z0-9._-]*)*$"#
        case let .listOf(values):
            entry["type"] = "string"
            let alternatives = values.joined(separator: "|")
            constraints["pattern"] = "^(\(alternatives))(;(\(alternatives)))*$"
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
        if !field.description.isEmpty { entry["description"] = field.description }
        return entry
    }

    /// A `datapackage.json` for a dataset whose files have the default names.
    public static func dataPackage(name: String, title: String, evidenceFormat: DataPackage.Format = .csv) -> [String: Any] {
        [
            "name": name,
            "title": title,
            "profile": "tabular-data-package",
            "resources": DatasetSchema.tables.map { table -> [String: Any] in
                let jsonl = table.name == "evidence" && evidenceFormat == .jsonl
                var resource: [String: Any] = [
                    "name": table.name,
                    "path": jsonl ? "evidence.jsonl" : table.fileName,
                    "description": table.description,
                    "schema": tableSchema(table),
                ]
                if jsonl {
                    resource["format"] = "jsonl"
                } else {
                    resource["profile"] = "tabular-data-resource"
                    resource["format"] = "csv"
                    resource["encoding"] = "utf-8"
                }
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
