/// Several globs in one nondeterministic automaton over the compressed alphabet. Each
/// *component* is a union of globs (a statement's Resource list, a template set, one condition
/// value); a subset state is a bit set over all positions, so stepping it steps the product of
/// the components' subset constructions at once (§4.5).
struct GlobAutomaton: Sendable {
    private struct Position: Sendable {
        /// The element read from this position, nil at the end of a glob.
        var element: GlobElement?
        var component: Int
    }

    /// What a position reads, resolved to symbols once.
    private enum Reader: Sendable {
        case end
        case symbols([Int])
        /// `?`: any character symbol (not a variable), a colon only if allowed.
        case one(crossesColon: Bool)
        /// `*`: as `?` when restricted; anything, variables included, when it crosses colons.
        case star(crossesColon: Bool)
        /// A d2 placeholder: as `star`, without the excluded symbol.
        case placeholder(crossesColon: Bool, excluded: Int?)
    }

    let alphabet: SymbolAlphabet
    private var positions: [Position] = []
    /// Per component: its positions and its accepting positions.
    private(set) var componentPositions: [BitSet] = []
    private var componentFinals: [[Int]] = []
    private var starts: [Int] = []
    private var readers: [Reader] = []
    /// Per position: the positions its epsilon closure adds (itself and the stars after it).
    private var closures: [[Int]] = []

    init(alphabet: SymbolAlphabet, components: [[[GlobElement]]]) {
        self.alphabet = alphabet
        var ranges: [[Int]] = []
        for (componentIndex, globs) in components.enumerated() {
            var members: [Int] = []
            var finals: [Int] = []
            for glob in globs {
                starts.append(positions.count)
                for element in glob {
                    members.append(positions.count)
                    positions.append(Position(element: element, component: componentIndex))
                }
                members.append(positions.count)
                finals.append(positions.count)
                positions.append(Position(element: nil, component: componentIndex))
            }
            ranges.append(members)
            componentFinals.append(finals)
        }
        let count = positions.count
        componentPositions = ranges.map { members in
            var set = BitSet(capacity: count)
            for member in members { set.insert(member) }
            return set
        }
        readers = positions.map { position in
            switch position.element {
            case nil: return .end
            case .literal(let scalar)?:
                let symbol = alphabet.symbol(scalar)
                return .symbols(symbol == alphabet.other ? [] : [symbol])
            case .literalAnyCase(let scalar)?:
                return .symbols(Array(Set(CaseVariants.of(scalar).map(alphabet.symbol).filter { $0 != alphabet.other })))
            case .one(let crosses)?: return .one(crossesColon: crosses)
            case .star(let crosses)?: return .star(crossesColon: crosses)
            case .variable(let key)?: return .symbols(alphabet.variableSymbol(key).map { [$0] } ?? [])
            case .placeholder(let crosses, let excluded)?:
                return .placeholder(crossesColon: crosses, excluded: excluded.map(alphabet.symbol))
            }
        }
        closures = (0..<count).map { position in
            var result: [Int] = []
            var current = position
            while true {
                result.append(current)
                guard positions[current].element?.isRun == true else { break }
                current += 1
            }
            return result
        }
    }

    var componentCount: Int { componentFinals.count }

    private func reads(_ position: Int, _ symbol: Int) -> Bool {
        switch readers[position] {
        case .end: return false
        case .symbols(let symbols): return symbols.contains(symbol)
        case .one(let crosses): return !alphabet.isVariable(symbol) && (crosses || symbol != alphabet.colon)
        case .star(let crosses): return crosses || (!alphabet.isVariable(symbol) && symbol != alphabet.colon)
        case .placeholder(let crosses, let excluded):
            return symbol != excluded && (crosses || (!alphabet.isVariable(symbol) && symbol != alphabet.colon))
        }
    }

    var start: BitSet {
        var set = BitSet(capacity: positions.count)
        for position in starts { for member in closures[position] { set.insert(member) } }
        return set
    }

    func step(_ state: BitSet, _ symbol: Int) -> BitSet {
        var next = BitSet(capacity: positions.count)
        state.forEach { position in
            guard reads(position, symbol) else { return }
            if positions[position].element?.isRun == true {
                for member in closures[position] { next.insert(member) }
            } else {
                for member in closures[position + 1] { next.insert(member) }
            }
        }
        return next
    }

    func accepts(_ state: BitSet, component: Int) -> Bool {
        componentFinals[component].contains { state.contains($0) }
    }

    func isAlive(_ state: BitSet, component: Int) -> Bool {
        state.intersects(componentPositions[component])
    }

    /// Runs a word from the start.
    func run(_ word: [Int]) -> BitSet {
        word.reduce(start) { step($0, $1) }
    }
}
