import Yams

/// A YAML syntax error as a problem line: libyaml's own words and line, without the snippet
/// Yams appends (the line number is enough to find it).
struct YAMLSyntaxProblem {
    let line: Int?
    let reason: String

    init(_ error: Error, in text: String) {
        guard let yamlError = error as? YamlError else {
            self.init(line: nil, problem: "\(error)", context: nil)
            return
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            self.init(line: mark.line, problem: problem, context: context)
        case .reader(let problem, let offset, _, _):
            self.init(line: offset.map { Self.line(ofCharacterOffset: $0, in: text) }, problem: problem, context: nil)
        default:
            self.init(line: nil, problem: "\(yamlError)", context: nil)
        }
    }

    private init(line: Int?, problem: String, context: YamlError.Context?) {
        self.line = line
        var reason = "invalid YAML: \(problem)"
        if let context { reason += " (\(context.text) on line \(context.mark.line))" }
        self.reason = reason
    }

    private static func line(ofCharacterOffset offset: Int, in text: String) -> Int {
        1 + text.prefix(offset).filter { $0 == "\n" || $0 == "\r\n" }.count
    }
}
