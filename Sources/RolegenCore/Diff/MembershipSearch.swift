/// Breadth-first search over the product of subset constructions (§4.5): every distinct
/// membership vector (which components accept) reachable by some word, with the shortest such
/// word. Exact, and bounded by a budget of product states.
struct MembershipSearch {
    struct Region: Sendable {
        /// Bit i set: component `tracked[i]` accepts the word.
        var membership: BitSet
        var word: [Int]
    }

    struct Outcome: Sendable {
        var regions: [Region]
        /// The state budget ran out: regions may be missing.
        var exhausted: Bool
    }

    let automaton: GlobAutomaton
    /// Components whose membership makes up the vector.
    let tracked: [Int]
    /// Components every recorded word must be accepted by, and that must stay alive (domains).
    let required: [Int]
    /// Indices into `tracked`: a region is worth recording only if one of them accepts, and a
    /// state is worth expanding only while one of them is alive. Empty: record every vector.
    let needed: [Int]
    let budget: Int
    /// Leave the empty word out (callers that represent it separately).
    var skipEmptyWord = false

    func run() -> Outcome {
        let start = automaton.start
        var states: [BitSet] = []
        var parents: [(parent: Int, symbol: Int)] = []
        var seen: [BitSet: Int] = [:]
        if skipEmptyWord {
            // Search from the one-symbol words: the start state may be reached again by a longer word.
            for symbol in 0..<automaton.alphabet.count {
                let next = automaton.step(start, symbol)
                guard seen[next] == nil, worthExpanding(next) else { continue }
                seen[next] = states.count
                states.append(next)
                parents.append((-1, symbol))
            }
        } else {
            states = [start]
            parents = [(-1, -1)]
            seen = [start: 0]
        }
        var found: [BitSet: Int] = [:]
        var order: [BitSet] = []
        var head = 0
        var exhausted = false
        while head < states.count {
            let state = states[head]
            if required.allSatisfy({ automaton.accepts(state, component: $0) }) {
                var membership = BitSet(capacity: tracked.count)
                for (bit, component) in tracked.enumerated() where automaton.accepts(state, component: component) {
                    membership.insert(bit)
                }
                if (needed.isEmpty || needed.contains { membership.contains($0) }) && found[membership] == nil {
                    found[membership] = head
                    order.append(membership)
                }
            }
            for symbol in 0..<automaton.alphabet.count {
                let next = automaton.step(state, symbol)
                guard seen[next] == nil, worthExpanding(next) else { continue }
                if states.count >= budget {
                    exhausted = true
                    break
                }
                seen[next] = states.count
                states.append(next)
                parents.append((head, symbol))
            }
            if exhausted { break }
            head += 1
        }
        let regions = order.map { membership in
            Region(membership: membership, word: word(to: found[membership]!, parents: parents))
        }
        return Outcome(regions: regions, exhausted: exhausted)
    }

    private func worthExpanding(_ state: BitSet) -> Bool {
        guard required.allSatisfy({ automaton.isAlive(state, component: $0) }) else { return false }
        return needed.isEmpty || needed.contains { automaton.isAlive(state, component: tracked[$0]) }
    }

    private func word(to index: Int, parents: [(parent: Int, symbol: Int)]) -> [Int] {
        var result: [Int] = []
        var current = index
        while current >= 0, parents[current].symbol >= 0 {
            result.append(parents[current].symbol)
            current = parents[current].parent
        }
        return result.reversed()
    }
}
