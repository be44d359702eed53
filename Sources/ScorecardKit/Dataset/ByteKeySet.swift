/// A set of byte strings held compactly, for the keys a dataset's checks must hold (every id of
/// every table): the keys back to back in one array, and an open-addressing table of their indices.
/// About 16–24 bytes a key beyond its own bytes, where a `Set<[UInt8]>` spends an allocation a key,
/// so the checks' memory follows the number of keys and not the size of the files.
///
/// Hashed with the standard library's `Hasher`, seeded per process, so a hostile file of ids chosen
/// to collide cannot make every lookup walk the whole table.
struct ByteKeySet {
    private var storage: [UInt8] = []
    /// Where key `i` ends in `storage`; it starts where key `i - 1` ends.
    private var ends: [Int] = []
    /// A power of two long, at most half full: 0 is empty, else the key's index + 1.
    private var slots = [Int32](repeating: 0, count: 16)

    var count: Int { ends.count }

    /// The bytes of the key at `index` (indices count from 0 in the order of insertion).
    func key(_ index: Int) -> ArraySlice<UInt8> {
        storage[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    func index(of key: ArraySlice<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if self.key(index).elementsEqual(key) { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func contains(_ key: ArraySlice<UInt8>) -> Bool { index(of: key) != nil }

    /// Adds `key` unless present; either way, returns its index.
    mutating func insert(_ key: ArraySlice<UInt8>) -> (inserted: Bool, index: Int) {
        if let index = index(of: key) { return (false, index) }
        precondition(ends.count < Int32.max - 1, "more keys than a ByteKeySet holds")
        storage.append(contentsOf: key)
        ends.append(storage.count)
        if ends.count * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for index in 0..<ends.count { place(index) }
        } else {
            place(ends.count - 1)
        }
        return (true, ends.count - 1)
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Self.hash(key(index)) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    private static func hash(_ key: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        key.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
