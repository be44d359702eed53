import Postgres

/// Where `FieldConverter` writes a record's database columns: a COPY row when loading, nowhere
/// when only validating (`DiscardedColumns`). Validation then runs the very checks a load runs,
/// without formatting rows it would throw away.
protocol RecordColumns {
    init()
    mutating func reset()
    mutating func appendNull()
    mutating func append(_ value: ArraySlice<UInt8>)
    mutating func append(_ value: Int)
    /// A column written in pieces (a list): `beginColumn`, then `appendPiece`s.
    mutating func beginColumn()
    mutating func appendPiece(_ value: ArraySlice<UInt8>)
    mutating func appendPiece(byte: UInt8)
    mutating func finish()
}

extension CopyTextRow: RecordColumns {}

/// The columns of a record that is only checked, never stored.
struct DiscardedColumns: RecordColumns {
    init() {}
    @inline(__always) mutating func reset() {}
    @inline(__always) mutating func appendNull() {}
    @inline(__always) mutating func append(_ value: ArraySlice<UInt8>) {}
    @inline(__always) mutating func append(_ value: Int) {}
    @inline(__always) mutating func beginColumn() {}
    @inline(__always) mutating func appendPiece(_ value: ArraySlice<UInt8>) {}
    @inline(__always) mutating func appendPiece(byte: UInt8) {}
    @inline(__always) mutating func finish() {}
}
