/// Where bytes stop being UTF-8, for messages that point at the bad byte.
enum UTF8Prefix {
    /// How many bytes from the start decode as UTF-8: the offset of the first bad byte when not all do.
    static func validLength<Bytes: Collection>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case let .scalarValue(scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset
    }
}
