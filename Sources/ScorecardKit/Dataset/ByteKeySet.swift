import Crypto

/// A set of byte strings held compactly, for the keys a dataset's checks must hold (every id of
/// every table): the keys back to back in one array, and an open-addressing table of their indices.
/// About 12 bytes a key beyond its own bytes, and a key longer than 32 bytes is held as its SHA-256,
/// so the checks' memory follows the number of keys, not the size of the files (a `Set<[UInt8]>`
/// would spend an allocation a key, and a hostile file of 1 MiB aliases would be held whole).
///
/// Hashed with the standard library's `Hasher`, seeded per process, so a hostile file of ids chosen
/// to collide cannot make every lookup walk the whole table.
struct ByteKeySet {
    private var storage: [UInt8] = []
    /// Where key `i` ends in `storage`; it starts where key `i - 1` ends.
    private var ends: [UInt32] = []
    /// A power of two long, at most three quarters full: 0 is empty, else the key's index + 1.
    private var slots = [UInt32](repeating: 0, count: 16)

    /// Keys up to this length are held as they are; longer ones as a marker byte and their SHA-256
    /// (33 bytes, a length no key held as it is has).
    static let longestHeldWhole = 32

    var count: Int { ends.count }

    func contains(_ key: ArraySlice<UInt8>) -> Bool { find(Self.held(key)).index != nil }

    /// The key's index (see `insert`), if held.
    func index(of key: ArraySlice<UInt8>) -> Int? { find(Self.held(key)).index }

    /// Adds `key` unless present; either way, returns its index (indices count from 0, in the order
    /// of insertion).
    mutating func insert(_ key: ArraySlice<UInt8>) -> (inserted: Bool, index: Int) {
        let held = Self.held(key)
        let found = find(held)
        if let index = found.index { return (false, index) }
        precondition(storage.count + held.count < UInt32.max, "more key bytes than a ByteKeySet holds")
        storage.append(contentsOf: held)
        ends.append(UInt32(storage.count))
        let index = ends.count - 1
        if ends.count * 4 > slots.count * 3 {
            slots = [UInt32](repeating: 0, count: slots.count * 2)
            for placed in 0..<ends.count { slots[freeSlot(for: stored(placed))] = UInt32(placed + 1) }
        } else {
            slots[found.slot] = UInt32(index + 1)
        }
        return (true, index)
    }

    private static func held(_ key: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard key.count > longestHeldWhole else { return key }
        return ([0xFF] + Array(SHA256.hash(data: Array(key))))[...]
    }

    private func stored(_ index: Int) -> ArraySlice<UInt8> {
        storage[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])]
    }

    /// The key's index if held, else the empty slot where it would go.
    private func find(_ held: ArraySlice<UInt8>) -> (index: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Self.hash(held) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if stored(index).elementsEqual(held) { return (index, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    private func freeSlot(for held: ArraySlice<UInt8>) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(held) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }

    private static func hash(_ key: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        key.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
