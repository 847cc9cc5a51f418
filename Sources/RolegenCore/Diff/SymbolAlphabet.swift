/// The compressed alphabet of §4.5: every character some pattern names literally, `:` and `/`,
/// one symbol OTHER for every other character (no pattern tells them apart), and one symbol τ_k
/// per policy variable. Symbols are numbered in character order, then OTHER, then the τs, so
/// breadth-first search finds the same shortest word every run.
struct SymbolAlphabet: Sendable {
    let characters: [Unicode.Scalar]
    let variables: [String]
    private let index: [Unicode.Scalar: Int]

    init(characters: Set<Unicode.Scalar>, variables: Set<String>) {
        self.characters = characters.union([":", "/"]).sorted { $0.value < $1.value }
        self.variables = variables.sorted()
        index = Dictionary(uniqueKeysWithValues: self.characters.enumerated().map { ($1, $0 + 1) })
    }

    let other = 0
    var count: Int { characters.count + 1 + variables.count }
    var colon: Int { index[":"]! }

    func symbol(_ scalar: Unicode.Scalar) -> Int { index[scalar] ?? other }

    func character(_ symbol: Int) -> Unicode.Scalar { characters[symbol - 1] }

    func variableSymbol(_ key: String) -> Int? {
        variables.firstIndex(of: key).map { characters.count + 1 + $0 }
    }

    func isVariable(_ symbol: Int) -> Bool { symbol > characters.count }

    func variableKey(_ symbol: Int) -> String? {
        isVariable(symbol) ? variables[symbol - characters.count - 1] : nil
    }

    /// A character no pattern names, to stand for OTHER: the first of `x y z a b …` not used
    /// literally (§4.10).
    var otherCharacter: Unicode.Scalar {
        let preferred = "xyzabcdefghijklmnopqrstuvw0123456789".unicodeScalars
        return preferred.first { index[$0] == nil } ?? "\u{00B7}"
    }

    /// Characters that elements need as symbols of their own.
    static func characters(of elements: [GlobElement]) -> Set<Unicode.Scalar> {
        var result: Set<Unicode.Scalar> = []
        for element in elements {
            switch element {
            case .literal(let scalar): result.insert(scalar)
            case .literalAnyCase(let scalar): result.formUnion(CaseVariants.of(scalar))
            case .placeholder(_, let excluded?): result.insert(excluded)
            default: break
            }
        }
        return result
    }

    static func variables(of elements: [GlobElement]) -> Set<String> {
        Set(elements.compactMap { if case .variable(let key) = $0 { key } else { nil } })
    }
}
