import Foundation
import Yams

/// How a problem names what it is about: nothing at the top of the file, `weights.certainty`,
/// `indicator PM-N1`, so that a message makes sense without opening the file.
struct YAMLPlace {
    /// The mapping's own name, for problems of the whole mapping; nil at the top of the file.
    let name: String?
    /// Put before a key: "", "weights." or "indicator PM-N1: ".
    let keyPrefix: String

    static let top = YAMLPlace(name: nil, keyPrefix: "")

    /// An item of a list, named by its id when it has a usable one.
    static func item(_ name: String) -> YAMLPlace { YAMLPlace(name: name, keyPrefix: name + ": ") }

    /// The mapping under `key`.
    func nested(_ key: String) -> YAMLPlace { YAMLPlace(name: keyPrefix + key, keyPrefix: keyPrefix + key + ".") }

    func reason(_ text: String) -> String { name.map { "\($0): \(text)" } ?? text }

    func reason(key: String, _ text: String) -> String { "\(keyPrefix)\(key): \(text)" }
}

/// A rule a number must follow, with the words that say so when it does not.
struct NumberRule: Sendable {
    let requirement: String
    let accepts: @Sendable (Double) -> Bool

    static let any = NumberRule(requirement: "", accepts: { _ in true })
    static let atLeastZero = NumberRule(requirement: "must be at least 0", accepts: { $0 >= 0 })
    static let positive = NumberRule(requirement: "must be greater than 0", accepts: { $0 > 0 })
}

/// One YAML mapping of a methodology file, read key by key. Every problem it meets (a duplicate,
/// unknown or missing key, a value of the wrong type) goes to the log with the line of the node.
final class YAMLMappingReader {
    struct Entry {
        let key: String
        let keyLine: Int?
        let value: Node
    }

    let place: YAMLPlace
    /// The mapping's first line: where a missing key is reported.
    let line: Int?
    let log: MethodologyProblemLog
    /// Each key's first occurrence; a repeated key is reported and otherwise ignored.
    private var entries: [String: Entry] = [:]
    private var keysInOrder: [String] = []
    /// Required keys an unknown key looks like a misspelling of: reported once, as the misspelling.
    private var misspelt: Set<String> = []

    /// Opens `node` as a mapping, or reports that it is not one (naming the keys it should have) and returns nil.
    static func open(_ node: Node, place: YAMLPlace, keys: [String], log: MethodologyProblemLog) -> YAMLMappingReader? {
        guard let mapping = node.mapping else {
            log.report(node.mark?.line, place.reason("must be a mapping of \(keys.joined(separator: ", ")), not \(YAMLText.describe(node))"))
            return nil
        }
        return YAMLMappingReader(mapping, place: place, log: log)
    }

    init(_ mapping: Node.Mapping, place: YAMLPlace, log: MethodologyProblemLog) {
        self.place = place
        self.line = mapping.mark?.line
        self.log = log
        for (keyNode, value) in mapping {
            let keyLine = keyNode.mark?.line
            guard let key = keyNode.scalar?.string else {
                log.report(keyLine, place.reason("a key must be plain text, not \(YAMLText.describe(keyNode))"))
                continue
            }
            if let first = entries[key] {
                log.report(keyLine, place.reason("duplicate key \"\(key)\"\(YAMLText.firstOn(first.keyLine))"))
                continue
            }
            entries[key] = Entry(key: key, keyLine: keyLine, value: value)
            keysInOrder.append(key)
        }
    }

    var isEmpty: Bool { keysInOrder.isEmpty }

    /// The keys in file order, with their first occurrence.
    var orderedEntries: [Entry] { keysInOrder.compactMap { entries[$0] } }

    /// Reports every key not in `allowed`. `misplaced` may explain a key that is valid elsewhere
    /// (e.g. `half_life_days` on a commitment indicator); otherwise the message suggests the
    /// nearest allowed key. Call before reading values, so that a misspelt key is not also reported missing.
    func rejectUnknownKeys(allowed: [String], misplaced: (String) -> String? = { _ in nil }) {
        let allowedList = allowed.joined(separator: ", ")
        for entry in orderedEntries where !allowed.contains(entry.key) {
            if let explanation = misplaced(entry.key) {
                log.report(entry.keyLine, place.reason("\(explanation); allowed: \(allowedList)"))
                continue
            }
            var text = "unknown key \"\(entry.key)\""
            if let suggestion = YAMLText.nearest(to: entry.key, among: allowed.filter { entries[$0] == nil }) {
                text += " (did you mean \"\(suggestion)\"?)"
                misspelt.insert(suggestion)
            }
            log.report(entry.keyLine, place.reason("\(text); allowed: \(allowedList)"))
        }
    }

    /// The entry under `key`; reports it missing when required.
    func entry(_ key: String, required: Bool = true) -> Entry? {
        if let entry = entries[key] { return entry }
        if required && !misspelt.contains(key) {
            log.report(line, place.reason("missing required key \"\(key)\""))
        }
        return nil
    }

    /// The entry under `key` if it holds a value; reports a key with nothing after it (and a missing required key).
    func valued(_ key: String, required: Bool) -> Entry? {
        guard let entry = entry(key, required: required) else { return nil }
        if YAMLText.isNull(entry.value) {
            log.report(entry.keyLine, place.reason(key: key, "has no value"))
            return nil
        }
        return entry
    }

    // MARK: Typed values

    /// A scalar as written (`version: 1.10` stays "1.10").
    func text(_ key: String, required: Bool = true) -> String? {
        guard let entry = valued(key, required: required) else { return nil }
        guard let scalar = entry.value.scalar else {
            log.report(entry.keyLine, place.reason(key: key, "must be text, not \(YAMLText.describe(entry.value))"))
            return nil
        }
        guard !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            log.report(entry.keyLine, place.reason(key: key, "must not be empty"))
            return nil
        }
        return scalar.string
    }

    /// Text matching `pattern`.
    func identifier(_ key: String, pattern: IdentifierPattern) -> String? {
        guard let value = text(key) else { return nil }
        guard pattern.matches(value) else {
            log.report(entries[key]?.keyLine, place.reason(key: key, "\(YAMLText.quoted(value)) must match \(pattern.description)"))
            return nil
        }
        return value
    }

    /// One of `options`; `nil` and no problem when an optional key is absent.
    func choice(_ key: String, _ options: [String], required: Bool = true) -> String? {
        guard let entry = valued(key, required: required) else { return nil }
        guard let value = entry.value.scalar?.string, options.contains(value) else {
            log.report(entry.keyLine, place.reason(key: key, "must be \(YAMLText.alternatives(options)), not \(YAMLText.describe(entry.value))"))
            return nil
        }
        return value
    }

    func number(_ key: String, _ rule: NumberRule = .any, required: Bool = true) -> Double? {
        guard let entry = valued(key, required: required) else { return nil }
        return YAMLText.number(entry.value, rule, prefix: place.reason(key: key, ""), line: entry.keyLine, log: log)
    }

    /// A whole number (a YAML int, or a float with nothing after the point).
    func integer(_ key: String, _ rule: NumberRule = .any, required: Bool = true) -> Int? {
        guard let entry = valued(key, required: required) else { return nil }
        guard let value = YAMLText.number(entry.value, .any, prefix: place.reason(key: key, ""), line: entry.keyLine, log: log) else {
            return nil
        }
        guard value.rounded() == value, abs(value) < 1e15 else {
            log.report(entry.keyLine, place.reason(key: key, "must be a whole number, not \(YAMLText.describe(entry.value))"))
            return nil
        }
        guard rule.accepts(value) else {
            log.report(entry.keyLine, place.reason(key: key, "\(rule.requirement), not \(YAMLText.describe(entry.value))"))
            return nil
        }
        return Int(value)
    }

    /// The items of a list under `key`.
    func list(_ key: String, required: Bool = true) -> (entry: Entry, items: [Node])? {
        guard let entry = valued(key, required: required) else { return nil }
        guard let sequence = entry.value.sequence else {
            log.report(entry.keyLine, place.reason(key: key, "must be a list, not \(YAMLText.describe(entry.value))"))
            return nil
        }
        return (entry, Array(sequence))
    }

    /// A non-empty list of distinct texts (evidence types, actor kinds, instrument ids).
    func textList(_ key: String, allowed: [String]? = nil, required: Bool = true) -> [String]? {
        guard let (entry, items) = list(key, required: required) else { return nil }
        return YAMLText.distinctTexts(items, prefix: place.reason(key: key, ""), line: entry.keyLine, allowed: allowed, log: log)
    }

    /// The mapping under `key`, read with its own reader.
    func mapping(_ key: String, keys: [String], required: Bool = true) -> YAMLMappingReader? {
        guard let entry = valued(key, required: required) else { return nil }
        guard let mapping = entry.value.mapping else {
            log.report(entry.keyLine, place.reason(key: key, "must be a mapping of \(keys.joined(separator: ", ")), not \(YAMLText.describe(entry.value))"))
            return nil
        }
        return YAMLMappingReader(mapping, place: place.nested(key), log: log)
    }
}
