/// A fixed-width set of small integers, hashable so that product states and membership vectors
/// can key dictionaries.
struct BitSet: Hashable, Sendable {
    private(set) var words: [UInt64]

    init(capacity: Int) {
        words = Array(repeating: 0, count: max(1, (capacity + 63) / 64))
    }

    mutating func insert(_ bit: Int) {
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func contains(_ bit: Int) -> Bool {
        words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    func intersects(_ other: BitSet) -> Bool {
        for index in words.indices where words[index] & other.words[index] != 0 { return true }
        return false
    }

    mutating func formUnion(_ other: BitSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// Calls `body` with each member in increasing order, without allocating.
    func forEach(_ body: (Int) -> Void) {
        for index in words.indices {
            var rest = words[index]
            while rest != 0 {
                body(index * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
    }

    /// The members in increasing order.
    var members: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                result.append(index * 64 + bit)
                rest &= rest - 1
            }
        }
        return result
    }
}
