/// An edition as JSON: one document for the edition (`index.json`, `Schemas/edition.schema.json`)
/// and one per actor (`actors/<id>.json`, `Schemas/actor-card.schema.json`). Keys are sorted,
/// indentation is two spaces, and numbers are written exactly as the database printed them
/// (`62.500`), so equal runs give equal bytes.
///
/// Compatibility (docs/reports.md, "JSON"): `schema_version` is MAJOR.MINOR. A minor version only
/// adds members (objects that may grow never set `additionalProperties: false`), so a consumer of
/// 1.x keeps reading 1.y; a member removed, renamed or changed in meaning is a new major version.
public enum JSONReport {
    public static let schemaVersion = "1.0"

    public static func summary(_ model: ReportModel) -> String { text(editionDocument(model)) }

    public static func card(_ model: ReportModel, _ card: ReportModel.ActorCard) -> String { text(cardDocument(model, card)) }

    static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        return out + "\n"
    }

    // MARK: The documents

    static func editionDocument(_ m: ReportModel) -> JSONValue {
        .object([
            "schema_version": .string(schemaVersion),
            "run": run(m.run),
            "edition": edition(m.edition),
            "methodology": methodology(m.methodology),
            "key_findings": .array(m.findings.map(finding)),
            "rankings": .array(m.rankings.map { ranking in
                .object(["kind": .string(ranking.kind), "actors": .array(ranking.actors.map(ranked))])
            }),
            "coverage": .object([
                "thin_evidence_threshold": .int(m.coverage.threshold),
                "actors_without_evidence": .array(m.coverage.actorsWithoutEvidence.map {
                    .object(["actor_id": .string($0.id), "name": .string($0.name), "kind": .string($0.kind)])
                }),
                "thin_indicators": .array(m.coverage.thinIndicators.map {
                    .object(["code": .string($0.code), "name": .string($0.name), "scored_actors": .int($0.scoredActors),
                             "applicable_actors": .int($0.applicableActors)])
                }),
            ]),
            "cards": .array(m.rankings.flatMap(\.actors).map { .string(EditionLayout.card($0.id, .json)) }),
        ])
    }

    static func cardDocument(_ m: ReportModel, _ card: ReportModel.ActorCard) -> JSONValue {
        .object([
            "schema_version": .string(schemaVersion),
            "run": run(m.run),
            "methodology": .object(["id": .string(m.methodology.id), "version": .string(m.methodology.version),
                                    "sha256": .string(m.methodology.sha256), "title": .string(m.methodology.title)]),
            "edition": .object(["published": .bool(m.edition.published), "published_on": string(m.edition.publishedOn)]),
            "standing": ranked(card.actor),
            "actor": actor(card.detail),
            "history": .object([
                "periods": .array(card.history.periods.map(JSONValue.string)),
                "positive": .array(card.history.positive.map(number)),
                "negative": .array(card.history.negative.map(number)),
                "combined": .array(card.history.combined.map(number)),
            ]),
        ])
    }

    static func finding(_ f: ReportModel.KeyFinding) -> JSONValue {
        .object(["kind": .string(f.kind.rawValue), "actor_id": .string(f.actorID), "name": .string(f.actorName),
                 "record_id": string(f.recordID), "on": string(f.on), "subject": .string(f.subject),
                 "points": number(f.points), "was": number(f.was)])
    }

    static func run(_ r: ReportModel.RunInfo) -> JSONValue {
        .object([
            "id": .string(r.id),
            "period": .string(r.period),
            "period_start": .string(r.periodStart),
            "period_end": .string(r.periodEnd),
            "basis": .string(r.basis),
            "knowledge_cutoff": .string(r.knowledgeCutoff),
            "provisional": .bool(r.provisional),
            "dataset_sha256": .string(r.datasetSHA256),
            "previous": r.previousRunID.map { id in
                .object(["run_id": .string(id), "period": r.previousPeriod.map(JSONValue.string) ?? .null])
            } ?? .null,
            "sensitivity": r.sensitivity.map { .object(["samples": .int($0.samples), "seed": .int64($0.seed)]) } ?? .null,
        ])
    }

    static func methodology(_ m: ReportModel.MethodologyInfo) -> JSONValue {
        .object([
            "id": .string(m.id),
            "version": .string(m.version),
            "sha256": .string(m.sha256),
            "title": .string(m.title),
            "description": m.description.map(JSONValue.string) ?? .null,
            "period_kind": .string(m.periodKind),
            "pillars": .array(m.pillars.map { .object(["id": .string($0.id), "name": .string($0.name), "weight": .number($0.weight)]) }),
            "grades": .array(m.grades.map {
                .object(["grade": .string($0.grade), "minimum": .number($0.minimum), "label": $0.label.map(JSONValue.string) ?? .null,
                         "maximum_negative": $0.maximumNegative.map(JSONValue.number) ?? .null])
            }),
            "minimum_evidence": .int(m.minimumEvidence),
            "restricted_evidence": .string(m.restrictedEvidence),
            "indicators": .array(m.indicators.map {
                .object([
                    "code": .string($0.code), "name": .string($0.name), "description": .string($0.description),
                    "pillar": .string($0.pillar), "polarity": .string($0.polarity), "kind": .string($0.kind),
                    "weight": .number($0.weight), "applies_to": .array($0.appliesTo.map(JSONValue.string)),
                ])
            }),
            "document": .string(EditionLayout.methodologyPage),
        ])
    }

    static func ranked(_ a: ReportModel.RankedActor) -> JSONValue {
        .object([
            "actor_id": .string(a.id),
            "name": .string(a.name),
            "rank": a.rank.map(JSONValue.int) ?? .null,
            "ranked_in_kind": .int(a.rankedInKind),
            "positive": number(a.positive),
            "negative": number(a.negative),
            "combined": number(a.combined),
            "grade": a.grade.map(JSONValue.string) ?? .null,
            "grade_label": a.gradeLabel.map(JSONValue.string) ?? .null,
            "insufficient_evidence": .bool(a.insufficientEvidence),
            "evidence_records": .int(a.evidenceRecords),
            "events": .int(a.events),
            "no_conduct": .bool(a.noConduct),
            "group_id": string(a.groupID),
            "members": .array(a.members.map { .object(["actor_id": .string($0.id), "name": .string($0.name)]) }),
            "status": .array(a.status.map { s in
                .object(["instrument_id": .string(s.instrumentID), "instrument_name": .string(s.instrumentName), "status": .string(s.status),
                         "committed_on": string(s.committedOn), "withdrawn_on": string(s.withdrawnOn)])
            }),
            "kind": .string(a.kind),
            "pillars": .array(a.pillars.map { p in
                .object(["pillar": .string(p.pillar), "name": .string(p.name), "positive": number(p.positive), "negative": number(p.negative)])
            }),
            "card": .string(EditionLayout.card(a.id, .json)),
            "rank_interval": a.rankInterval.map { i in
                .object(["median": .number(i.median), "p05": .int(i.p05), "p95": .int(i.p95), "grade_change_share": .number(i.gradeChangeShare)])
            } ?? .null,
            "change": .object([
                "previous_combined": number(a.change.previousCombined),
                "change": number(a.change.change),
                "direction": .string(a.change.direction.rawValue),
                "parts": a.change.parts.map { p in
                    .object(["restated": .number(p.restated), "time": .number(p.time), "conduct": .number(p.conduct)])
                } ?? .null,
                "cause": a.change.cause.map { c in
                    .object(["type": .string(c.type), "id": .string(c.id), "description": .string(c.description), "points": .number(c.points)])
                } ?? .null,
            ]),
            "since_edition": a.sinceEdition.map { e in
                .object(["previous_combined": number(e.previousCombined), "previous_grade": string(e.previousGrade),
                         "change": number(e.change), "since_published": number(e.sincePublished),
                         "methodology_changed": .bool(e.methodologyChanged)])
            } ?? .null,
        ])
    }

    static func source(_ s: ReportModel.Source) -> JSONValue {
        .object(["id": .string(s.id), "publisher": .string(s.publisher), "url": .string(s.url),
                 "title": s.title.map(JSONValue.string) ?? .null, "reliability": .string(s.reliability)])
    }

    static func actor(_ a: ReportModel.ActorDetail) -> JSONValue {
        .object([
            "actor_id": .string(a.id),
            "name": .string(a.name),
            "kind": .string(a.kind),
            "country": a.country.map(JSONValue.string) ?? .null,
            "iso_code": a.isoCode.map(JSONValue.string) ?? .null,
            "commitments": .array(a.commitments.map { c in
                .object(["id": .string(c.id), "instrument_id": .string(c.instrumentID), "instrument_title": .string(c.instrumentTitle),
                         "kind": .string(c.kind), "committed_on": .string(c.committedOn),
                         "withdrawn_on": c.withdrawnOn.map(JSONValue.string) ?? .null, "source": source(c.source)])
            }),
            "indicators": .array(a.indicators.map { i in
                .object(["code": .string(i.code), "name": .string(i.name), "pillar": .string(i.pillar), "polarity": .string(i.polarity),
                         "kind": .string(i.kind), "state": .string(i.state), "value": number(i.value), "records": .int(i.records),
                         "events": .int(i.events), "cited_events": .int(i.citedEvents),
                         "contributions": .array(i.contributions.map { c in
                             .object(["record_type": .string(c.recordType), "record_id": .string(c.recordID), "weight": .number(c.weight),
                                      "points": .number(c.points), "event_id": string(c.eventID), "carries_event": .bool(c.carriesEvent)])
                         })])
            }),
            "evidence": .array(a.evidence.map { e in
                .object([
                    "id": .string(e.id), "type": .string(e.type), "type_name": .string(e.typeName), "role": .string(e.role),
                    "event_id": .string(e.eventID), "same_event": .array(e.sameEvent.map(JSONValue.string)), "carries_event": .bool(e.carriesEvent),
                    "occurred_on": .string(e.occurredOn), "published_on": .string(e.publishedOn), "certainty": .string(e.certainty),
                    "severity": .int(e.severity), "summary": .string(e.summary),
                    "contributions": .array(e.contributions.map { .object(["indicator": .string($0.indicator), "points": .number($0.points)]) }),
                    "sources": .array(e.sources.map(source)),
                ])
            }),
            "breaches": .array(a.breaches.map { b in
                .object(["indicator": .string(b.indicator), "evidence_id": .string(b.evidenceID), "summary": .string(b.summary),
                         "points": .number(b.points)])
            }),
            "responses": .array(a.responses.map { r in
                .object(["id": .string(r.id), "evidence_id": .string(r.evidenceID), "responded_on": .string(r.respondedOn),
                         "summary": .string(r.summary), "source": source(r.source)])
            }),
            "restatements": .array(a.restatements.map(restatement)),
        ])
    }

    static func number(_ value: ReportNumber?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    static func edition(_ e: ReportModel.EditionInfo) -> JSONValue {
        .object([
            "published": .bool(e.published),
            "published_on": string(e.publishedOn),
            "backfill": .bool(e.backfill),
            "previous": e.previous.map { p in
                .object(["period": .string(p.period), "published_on": .string(p.publishedOn),
                         "methodology_version": .string(p.methodologyVersion), "run_id": .string(p.runID)])
            } ?? .null,
            "restatements": .array(e.restatements.map(restatement)),
        ])
    }

    static func restatement(_ r: ReportModel.RestatementLine) -> JSONValue {
        let causes: [JSONValue] = r.causes.map { c in
            .object(["cause": .string(c.cause), "record_table": string(c.recordTable), "record_id": string(c.recordID),
                     "points": number(c.points)])
        }
        let published: JSONValue = .object(["combined": number(r.publishedCombined), "grade": string(r.publishedGrade)])
        let restated: JSONValue = .object([
            "positive": number(r.restatedPositive), "negative": number(r.restatedNegative),
            "combined": number(r.restatedCombined), "grade": string(r.restatedGrade),
        ])
        return .object([
            "period": .string(r.period), "edition_published_on": .string(r.editionPublishedOn), "recorded_on": .string(r.recordedOn),
            "actor_id": .string(r.actorID), "name": .string(r.actorName),
            "published": published, "previous_combined": number(r.previousCombined), "restated": restated,
            "methodology_changed": .bool(r.methodologyChanged), "causes": .array(causes),
        ])
    }

    // MARK: Writing

    static func write(_ value: JSONValue, indent: Int, to out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .int64(i): out += String(i)
        case let .number(n): out += n.text
        case let .string(s): out += Escaping.json(s)
        case let .array(items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indentation(indent + 1)
                write(item, indent: indent + 1, to: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indentation(indent)
            out += "]"
        case let .object(members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            // Sorted by the keys' UTF-8 bytes: the same order in every locale and on every platform.
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                out += indentation(indent + 1)
                out += Escaping.json(key)
                out += ": "
                write(members[key]!, indent: indent + 1, to: &out)
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            out += indentation(indent)
            out += "}"
        }
    }

    private static let indentations = (0..<32).map { String(repeating: "  ", count: $0) }

    static func indentation(_ level: Int) -> String {
        level < indentations.count ? indentations[level] : String(repeating: "  ", count: level)
    }
}

/// A JSON value whose numbers keep their decimal text.
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case int64(Int64)
    case number(ReportNumber)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}
