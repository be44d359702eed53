/// How deeply a YAML text can nest, estimated from its characters before it is parsed. Yams builds
/// (and frees) nodes recursively, so a text nested some thousands of levels deep (`[[[[…`,
/// `- - - …`, indentation, or a chain of aliases each wrapping the previous one) would overflow the
/// stack and crash. A methodology needs about six levels; a file estimated deeper than `limit` is
/// refused before Yams sees it.
///
/// The estimate errs upwards: every `[` or `{` outside quotes and comments opens a level, every
/// deeper indentation opens two (a mapping and a sequence may share one), every `- `, `? ` and `: `
/// on a line opens one, and each alias can repeat the deepest structure seen before it.
enum YAMLNesting {
    /// The deepest structure a methodology file may have.
    static let limit = 100
    /// The deepest a chain of aliases may make it.
    static let aliasLimit = 1_000

    /// The first line (1-based) on which the estimate goes over the limits, or nil.
    static func lineTooDeep(in text: String, limit: Int = limit, aliasLimit: Int = aliasLimit) -> Int? {
        enum Quote { case none, single, double }
        var quote = Quote.none
        var flowDepth = 0
        var indents: [Int] = []
        var deepest = 0
        var aliases = 0
        var lineNumber = 0
        for line in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line)
            var i = 0
            if quote == .none {
                while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
                let blank = i == bytes.count || bytes[i] == 35 || bytes[i] == 13  // # comment
                if !blank {
                    while let last = indents.last, last > i { indents.removeLast() }
                    if indents.last.map({ $0 < i }) ?? true { indents.append(i) }
                }
            }
            var compact = 0
            var flowOnLine = flowDepth
            while i < bytes.count {
                let byte = bytes[i]
                let previous: UInt8 = i == 0 ? 32 : bytes[i - 1]
                let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 32
                switch quote {
                case .double:
                    if byte == 92 { i += 1 } else if byte == 34 { quote = .none }  // \ escapes; " closes
                case .single:
                    if byte == 39 { if next == 39 { i += 1 } else { quote = .none } }  // '' is a quote
                case .none:
                    let afterSpace = previous == 32 || previous == 9 || previous == 13
                    let startsToken = afterSpace || previous == 91 || previous == 123 || previous == 44  // after [ { ,
                    let beforeSpace = next == 32 || next == 9 || next == 13 || i + 1 == bytes.count
                    if byte == 35, afterSpace {  // # starts a comment, to the end of the line
                        i = bytes.count
                    } else if byte == 34 || byte == 39, startsToken {  // " or ' starts a quoted scalar
                        quote = byte == 34 ? .double : .single
                    } else if byte == 91 || byte == 123 {  // [ {
                        flowDepth += 1
                        flowOnLine = max(flowOnLine, flowDepth)
                    } else if byte == 93 || byte == 125 {  // ] }
                        flowDepth = max(0, flowDepth - 1)
                    } else if byte == 45 || byte == 63 || byte == 58, beforeSpace {  // - ? : as indicators
                        compact += 1
                    } else if byte == 42, startsToken {  // *alias
                        aliases += 1
                        let here = flowOnLine + 2 * indents.count + compact
                        if max(deepest, here) * (aliases + 1) > aliasLimit { return lineNumber }
                    }
                }
                i += 1
            }
            let depth = flowOnLine + 2 * indents.count + compact
            if depth > limit { return lineNumber }
            deepest = max(deepest, depth)
        }
        return nil
    }
}
