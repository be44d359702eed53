/// Escaping of text from the dataset for each output format. Every value that comes from the
/// data goes through one of these: a summary containing `<script>` or `|` shows as text.
public enum Escaping {
    // MARK: HTML

    /// Text content and attribute values (double-quoted): & < > " ' escaped.
    static func html(_ text: String) -> String {
        // Most text has nothing to escape: one pass over the bytes, then copy it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xE2 }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline have no business in a page.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0x7F {
                    out += " "
                } else if Escaping.isBidiControl(scalar) {
                    out += Escaping.visible(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// An http(s) URL for an href attribute, or nil for anything else (javascript:, data:, relative).
    static func safeURL(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        return url
    }

    /// An id usable in an HTML id attribute and a URL fragment.
    static func anchor(_ id: String) -> String {
        "actor-" + String(id.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "_"
        })
    }

    // MARK: Markdown (CommonMark / GitHub Flavored Markdown)

    /// Inline text: Markdown punctuation backslash-escaped, HTML-significant characters as
    /// entities (GitHub would otherwise pass some HTML through), line breaks as spaces.
    /// Safe in table cells (`|` is escaped) and list items.
    static func markdown(_ text: String) -> String {
        if !text.utf8.contains(where: { Escaping.markdownSpecial[Int($0)] }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            // ( ) and ! only matter around [ ], which is escaped; - + = . at a line start: markdownParagraph.
            case "\\", "`", "*", "_", "{", "}", "[", "]", "#", "|", "~", "$", "^":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\r", "\n", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else if isBidiControl(scalar) {
                    out += "\\" + visible(scalar).dropLast() + "\\]"  // \[U+202E\]: brackets escaped
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Bytes that `markdown` changes: the escaped punctuation, < > &, control characters, and 0xE2,
    /// which leads the UTF-8 of the bidirectional controls.
    private static let markdownSpecial: [Bool] = (0..<256).map { (byte: Int) -> Bool in
        let punctuation = Array("\\`*_{}[]#|~$^<>&".utf8)
        return byte < 0x20 || byte == 0x7F || byte == 0xE2 || punctuation.contains(UInt8(byte))
    }

    /// Inline text that starts a line: also keeps a leading `-`, `+`, `=` or `1.` from starting a
    /// list, a heading underline or a numbered list.
    static func markdownParagraph(_ text: String) -> String {
        let escaped = markdown(text)
        guard let first = escaped.first else { return escaped }
        if first == "-" || first == "+" || first == "=" { return "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = escaped.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }

    /// A link: `[text](url)` when the URL is http(s), else the escaped text and the escaped URL.
    static func markdownLink(_ text: String, _ url: String) -> String {
        guard let safe = safeURL(url) else { return markdown(text) + " (" + markdown(url) + ")" }
        // Inside (…) a URL must not contain spaces, unbalanced parentheses, < > or a table's |.
        var encoded = ""
        for scalar in safe.unicodeScalars {
            switch scalar {
            case "(": encoded += "%28"
            case ")": encoded += "%29"
            case "<": encoded += "%3C"
            case ">": encoded += "%3E"
            case "|": encoded += "%7C"
            case "\\": encoded += "%5C"
            case "`": encoded += "%60"
            case "\"": encoded += "%22"
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return "[\(markdown(text))](\(encoded))"
    }

    // MARK: CSV (RFC 4180)

    /// A field, quoted when it contains a comma, a quote, CR or LF (quotes doubled).
    static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A text cell a spreadsheet must not read as a formula: a leading `=`, `+`, `-`, `@`, tab or
    /// carriage return gets a `'` before it (OWASP, CSV injection). Numbers must not go through this.
    static func spreadsheetText(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    // MARK: JSON

    /// A JSON string literal: quotes, backslashes and control characters escaped; the rest UTF-8.
    public static func json(_ text: String) -> String {
        // Most text needs no escaping: check the bytes once and copy it whole.
        // (0xE2 leads the UTF-8 of U+2028 and U+2029, which are escaped below.)
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    // MARK: Plain text

    /// Terminal-safe text: control characters (an escape sequence in a summary could recolour or
    /// rewrite the terminal) replaced by spaces.
    static func plain(_ text: String) -> String {
        // Most text has no control character (C0, DEL, or C1, whose UTF-8 starts with 0xC2): copy it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += " "
            } else if isBidiControl(scalar) {
                out += visible(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: Bidirectional controls

    /// The explicit embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they
    /// reorder the text that follows, so a summary could show a file name or a claim backwards
    /// ("Trojan Source"). Text in right-to-left scripts needs none of them. The database keeps them;
    /// human-readable reports show them as visible code points. (JSON keeps them as data.)
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    static func visible(_ scalar: Unicode.Scalar) -> String {
        "[U+" + String(scalar.value, radix: 16, uppercase: true) + "]"
    }
}

/// Fixed-width text layout: widths count Characters (what a terminal shows for the text here).
enum TextLayout {
    static func width(_ text: String) -> Int { text.count }

    static func padRight(_ text: String, _ width: Int) -> String {
        let t = truncate(text, width)
        return t + String(repeating: " ", count: max(0, width - t.count))
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        let t = truncate(text, width)
        return String(repeating: " ", count: max(0, width - t.count)) + t
    }

    static func truncate(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }

    /// Word-wraps `text` to `width` columns, every line starting with `indent` (the first with
    /// `firstIndent` when given). Words longer than a line are cut.
    static func wrap(_ text: String, width: Int, indent: String, firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        var current = firstIndent ?? indent
        // Kept alongside `current`: String.count walks the whole string, and reports wrap a lot of text.
        var currentCount = current.count
        let indentCount = indent.count
        var currentHasWord = false
        func flush() {
            lines.append(current)
            current = indent
            currentCount = indentCount
            currentHasWord = false
        }
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            var word = Substring(piece)
            var wordCount = word.count
            let room = width - currentCount - (currentHasWord ? 1 : 0)
            if wordCount <= room {
                if currentHasWord { current += " "; currentCount += 1 }
                current += word
                currentCount += wordCount
                currentHasWord = true
                continue
            }
            if currentHasWord { flush() }
            while wordCount > width - currentCount {
                let take = width - currentCount
                current += word.prefix(take)
                word = word.dropFirst(take)
                wordCount -= take
                currentHasWord = true
                flush()
            }
            if !word.isEmpty {
                current += word
                currentCount += wordCount
                currentHasWord = true
            }
        }
        if currentHasWord || lines.isEmpty { lines.append(current) }
        return lines.map { line in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }
    }

    /// A 10-cell bar of a 0–100 score, rounded to the nearest cell: `█████░░░░░`.
    static func bar(_ value: ReportNumber?, cells: Int = 10) -> String {
        guard let value else { return String(repeating: " ", count: cells) }
        let filled = min(cells, max(0, (value.thousandths * cells + 50_000) / 100_000))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
    }
}
