import Foundation
import Yams

/// Reading YAML scalars and wording what was found, shared by the methodology readers.
enum YAMLText {
    static func isNull(_ node: Node) -> Bool {
        node.scalar != nil && tagName(node) == .null
    }

    /// The resolved type of a node (`Tag.name` itself is internal to Yams).
    static func tagName(_ node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.description)
    }

    /// What a node is, for "must be …, not X": a string quoted, a number or boolean as written.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if isNull(node) { return "an empty value" }
            return tagName(node) == .str ? quoted(scalar.string) : scalar.string
        }
    }

    static func quoted(_ text: String) -> String { "\"\(text)\"" }

    /// "a or b", "a, b or c".
    static func alternatives(_ options: [String]) -> String {
        guard let last = options.last, options.count > 1 else { return options.first ?? "" }
        return options.dropLast().joined(separator: ", ") + " or " + last
    }

    static func firstOn(_ line: Int?) -> String {
        line.map { " (first on line \($0))" } ?? ""
    }

    /// A number as a reader expects it: 1 not 1.0, 0.9 not 0.8999999999999999.
    static func format(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// A YAML int or float following `rule`; reports anything else, prefixing the message with `prefix`.
    static func number(_ node: Node, _ rule: NumberRule, prefix: String, line: Int?, log: MethodologyProblemLog) -> Double? {
        var value: Double?
        if let scalar = node.scalar {
            switch tagName(node) {
            case .int: value = Int.construct(from: scalar).map(Double.init)
            case .float: value = Double.construct(from: scalar)
            default: value = nil
            }
        }
        guard let value else {
            log.report(line, prefix + "must be a number, not \(describe(node))")
            return nil
        }
        guard value.isFinite else {
            log.report(line, prefix + "must be a finite number, not \(describe(node))")
            return nil
        }
        guard rule.accepts(value) else {
            log.report(line, prefix + "\(rule.requirement), not \(describe(node))")
            return nil
        }
        return value
    }

    /// A non-empty list of distinct texts, each in `allowed` when given; nil after reporting any problem.
    static func distinctTexts(_ items: [Node], prefix: String, line: Int?, allowed: [String]?,
                              log: MethodologyProblemLog) -> [String]? {
        guard !items.isEmpty else {
            log.report(line, prefix + "must not be an empty list")
            return nil
        }
        var texts: [String] = []
        var valid = true
        for item in items {
            let itemLine = item.mark?.line ?? line
            guard let text = item.scalar?.string, !isNull(item), !text.isEmpty else {
                log.report(itemLine, prefix + "each item must be text, not \(describe(item))")
                valid = false
                continue
            }
            if let allowed, !allowed.contains(text) {
                log.report(itemLine, prefix + "\(quoted(text)) is not one of \(allowed.joined(separator: ", "))")
                valid = false
            } else if texts.contains(text) {
                log.report(itemLine, prefix + "\(quoted(text)) is listed twice")
                valid = false
            }
            texts.append(text)
        }
        return valid ? texts : nil
    }

    /// The candidate a misspelt key most likely meant: at most two edits away, and few compared with its length.
    static func nearest(to key: String, among candidates: [String]) -> String? {
        let scored = candidates.map { (candidate: $0, distance: editDistance(key, $0)) }
            .filter { $0.distance <= 2 && $0.distance * 3 <= max(key.count, $0.candidate.count) }
        return scored.min { $0.distance < $1.distance }?.candidate
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
