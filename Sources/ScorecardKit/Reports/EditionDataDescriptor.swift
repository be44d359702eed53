/// `data/datapackage.json`: a Frictionless Data Package (v2, the `$schema` the dataset's own
/// descriptors use) describing every file of an edition's `data/` folder from `EditionDataTables`:
/// each resource's path, format, media type and encoding, and a Table Schema with every field's
/// type, title and description, its primary key and its foreign keys to `actors`. The package's
/// `scorecard` property names the methodology (id, version, SHA-256) and the run (inputs digest).
/// It holds no size or hash of the files: the edition's SHA256SUMS covers them.
extension EditionData {
    /// No licence is named: which licence the figures are published under is the monitor's choice.
    static let licenceNote = "No licence is stated here: the monitor who publishes the edition chooses it (see the edition's pages or ask the monitor)."

    public static func descriptor(run: ScoreRuns.Run, title: String) -> [String: Any] {
        [
            "$schema": FrictionlessDescriptor.dataPackageProfile,
            // A package name is lower case (`pall-mall-2025-q4`); the edition's folder keeps the period as it is.
            "name": EditionLayout.folder(methodologyID: run.methodologyID, period: run.period).lowercased(),
            "title": "\(title), \(run.period): the figures",
            "description": "The figures of the \(run.period) edition of \(title) (methodology \(run.methodologyID) version "
                + "\(run.methodologyVersion)), one file per grain: actors, pillar scores, indicator values and the contributions "
                + "of public evidence records and commitments to them. Restricted evidence, and the actors only it names, are "
                + "left out. Empty CSV fields (null in NDJSON) are missing values, never 0. " + licenceNote,
            "scorecard": [
                "methodology": ["id": run.methodologyID, "version": run.methodologyVersion, "sha256": run.methodologySHA256],
                "run": ["inputs_sha256": run.inputsSHA256, "period": run.period, "period_end": run.periodEnd.description,
                        "knowledge_cutoff": run.knowledgeCutoff.description, "dataset_sha256": run.datasetSHA256,
                        "provisional": run.provisional] as [String: Any],
            ] as [String: Any],
            "resources": EditionDataTables.all.map(resource),
        ]
    }

    static func resource(_ table: EditionDataTables.Table) -> [String: Any] {
        var schema: [String: Any] = [
            "fields": table.fields.map(field),
            "primaryKey": table.primaryKey,
            "missingValues": [""],
        ]
        if !table.foreignKeys.isEmpty {
            schema["foreignKeys"] = table.foreignKeys.map { key -> [String: Any] in
                ["fields": key.fields, "reference": ["resource": key.resource, "fields": key.referenceFields]]
            }
        }
        return [
            "name": table.name,
            "type": "table",
            "path": table.fileName,  // relative to the descriptor, which is in data/ too
            "format": table.format.rawValue,
            "mediatype": table.format.mediatype,
            "encoding": "utf-8",
            "title": table.title,
            "description": table.description,
            "schema": schema,
        ]
    }

    static func field(_ field: EditionDataTables.Field) -> [String: Any] {
        var entry: [String: Any] = ["name": field.name, "type": field.type.rawValue, "title": field.title, "description": field.description]
        if field.type == .boolean {
            entry["trueValues"] = ["true"]
            entry["falseValues"] = ["false"]
        }
        return entry
    }
}
