/// A SQL statement whose values are always bound as parameters.
///
/// Interpolating a value never pastes it into the text: `"SELECT * FROM t WHERE id = \(id)"`
/// becomes the text `SELECT * FROM t WHERE id = $1` with `id` bound as `$1`. There is no
/// interpolation that splices a value into the text; identifiers (which cannot be bound)
/// are quoted, and SQL from outside a string literal needs the loudly named
/// `SQL(unsafeTrusted:)`.
public struct SQL: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$1`, `$2`, … placeholders.
    public private(set) var text: String
    /// The bound values, in text format (nil is NULL).
    public private(set) var bindings: [Binding]

    public struct Binding: Sendable {
        public var value: String?
        public var typeOID: UInt32
    }

    /// A string literal written in the source code: static, trusted SQL.
    public init(stringLiteral value: String) {
        text = value
        bindings = []
    }

    /// SQL text that did not come from a string literal (a migration file, a generated
    /// statement). Never pass text that contains data values: bind them instead.
    public init(unsafeTrusted text: String) {
        self.text = text
        bindings = []
    }

    /// Trusted text from a query file, with `$1`, `$2`, … bound to `parameters` in order.
    public init(unsafeTrusted text: String, parameters: [(any PostgresEncodable)?]) {
        self.text = text
        bindings = parameters.map { value in
            guard let value else { return Binding(value: nil, typeOID: PostgresTypeOID.unspecified) }
            return Binding(value: value.postgresText, typeOID: type(of: value).postgresTypeOID)
        }
    }

    public init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
        bindings = stringInterpolation.bindings
    }

    /// Shows the text only: bound values may be restricted and must not reach logs.
    public var description: String { text }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""
        var bindings: [Binding] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Binds a value as the next parameter.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            bindings.append(Binding(value: value.postgresText, typeOID: Value.postgresTypeOID))
            text += "$\(bindings.count)"
        }

        /// Binds an optional value; nil is NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            bindings.append(Binding(value: value?.postgresText, typeOID: Value.postgresTypeOID))
            text += "$\(bindings.count)"
        }

        /// Quotes an identifier (a role, database or table name), which PostgreSQL cannot bind.
        public mutating func appendInterpolation(identifier: String) {
            text += SQL.quoteIdentifier(identifier)
        }

        /// Splices another statement fragment in, renumbering its parameters.
        public mutating func appendInterpolation(_ fragment: SQL) {
            let offset = bindings.count
            text += offset == 0 ? fragment.text : SQL.renumber(fragment.text, by: offset)
            bindings += fragment.bindings
        }
    }

    /// `"name"` with embedded quotes doubled, per the SQL standard.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Shifts `$n` placeholders by `offset`, skipping string literals and quoted identifiers.
    static func renumber(_ text: String, by offset: Int) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        var iterator = Array(text.unicodeScalars)[...]
        var quote: Unicode.Scalar?
        while let scalar = iterator.popFirst() {
            if let open = quote {
                output.unicodeScalars.append(scalar)
                if scalar == open { quote = nil }
                continue
            }
            if scalar == "'" || scalar == "\"" {
                quote = scalar
                output.unicodeScalars.append(scalar)
                continue
            }
            if scalar == "$", let first = iterator.first, first.properties.numericType == .decimal {
                var digits = ""
                while let next = iterator.first, ("0"..."9").contains(next) {
                    digits.unicodeScalars.append(next)
                    iterator.removeFirst()
                }
                output += "$\(Int(digits)! + offset)"
                continue
            }
            output.unicodeScalars.append(scalar)
        }
        return output
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
