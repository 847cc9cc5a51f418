/// The condition dimensions of §4.6: per key, a partition of its values (⊥ included) into atoms,
/// each with a concrete representative, and per condition entry its truth on every atom. Entries
/// outside the exact fragment become constants by §4.9, or shared Boolean dimensions (opaque
/// entries) when A and B contain them identically.
struct ConditionDimensions {
    /// A representative context value: nil = absent; otherwise the key's values.
    typealias Atom = [String]?

    struct Dimension {
        /// Lower-cased key, or the text of an opaque entry.
        let name: String
        /// The key as first written, for reports.
        let display: String
        let atoms: [Atom]
        let isOpaque: Bool
        /// For an opaque dimension: the entry it stands for (witnesses try to realise it).
        var entry: ConditionEntry? = nil
    }

    /// What one entry of one statement contributes.
    enum EntryTruth {
        case constant(Bool)
        /// Truth per atom of `dimension`.
        case table(dimension: Int, truth: [Bool])
    }

    private(set) var dimensions: [Dimension] = []
    /// Per statement id: its entries.
    private(set) var entries: [[EntryTruth]] = []
    private(set) var notes: Set<String> = []
    private var dimensionIndex: [String: Int] = [:]

    struct Parsed {
        let statement: DiffStatement
        let position: Int
        let entry: ConditionEntry
        let op: DiffOperator?
        var signature: String { "\(entry.operatorName)|\(entry.normalizedKey)|\(entry.values.joined(separator: "\u{1F}"))" }
    }

    init(statements: [DiffStatement], variableKeys: Set<String>, options: DiffOptions, catalog: Catalog?) {
        entries = statements.map { Array(repeating: .constant(true), count: $0.source.conditions.count) }
        var parsed: [Parsed] = []
        for statement in statements {
            for (position, entry) in statement.source.conditions.enumerated() {
                parsed.append(Parsed(statement: statement, position: position, entry: entry, op: DiffOperator(entry.operatorName)))
            }
        }
        // Signatures present on both sides (for opaque entries).
        let referenceSignatures = Set(parsed.filter { $0.statement.side == .reference }.map(\.signature))
        let candidateSignatures = Set(parsed.filter { $0.statement.side == .candidate }.map(\.signature))

        var exact: [String: [Parsed]] = [:]
        var displays: [String: String] = [:]
        for item in parsed {
            displays[item.entry.normalizedKey] = displays[item.entry.normalizedKey] ?? item.entry.key
            if let reason = Self.outsideFragment(item) {
                if referenceSignatures.contains(item.signature) && candidateSignatures.contains(item.signature) {
                    let dimension = opaqueDimension(item.signature, entry: item.entry)
                    entries[item.statement.id][item.position] = .table(dimension: dimension, truth: [true, false])
                    notes.insert("`\(item.entry.operatorName)` on `\(item.entry.key)` (\(reason)) appears on both sides: compared as one opaque condition")
                } else {
                    approximate(item, reason: reason)
                }
                continue
            }
            exact[item.entry.normalizedKey, default: []].append(item)
        }
        for key in Set(exact.keys).union(variableKeys).sorted() {
            build(key: key, display: displays[key] ?? key, items: exact[key] ?? [], options: options, catalog: catalog)
        }
    }

    private static func outsideFragment(_ item: Parsed) -> String? {
        guard let op = item.op else { return "unknown operator" }
        if op.comparison == .binaryEquals { return "BinaryEquals is not modelled" }
        if op.qualifier == .forAnyValue && op.ifExists { return "ForAnyValue…IfExists (I-D)" }
        if op.comparison != .null && item.statement.variables && item.entry.values.contains(where: { $0.contains("${") }) {
            return "a policy variable in a condition value compares two keys"
        }
        return nil
    }

    private mutating func approximate(_ item: Parsed, reason: String) {
        let value = item.statement.approximatesUp
        entries[item.statement.id][item.position] = .constant(value)
        notes.insert("\(item.statement.label): `\(item.entry.operatorName)` on `\(item.entry.key)` (\(reason)) is read as \(value) (§4.9)")
    }

    private mutating func opaqueDimension(_ signature: String, entry: ConditionEntry) -> Int {
        if let index = dimensionIndex["opaque " + signature] { return index }
        dimensions.append(Dimension(name: signature, display: "\(entry.operatorName) \(entry.key)", atoms: [["true"], ["false"]],
                                    isOpaque: true, entry: entry))
        dimensionIndex["opaque " + signature] = dimensions.count - 1
        return dimensions.count - 1
    }

    func dimension(forKey key: String) -> Int? { dimensionIndex[key] }

    // MARK: Building one key

    private mutating func build(key: String, display: String, items: [Parsed], options: DiffOptions, catalog: Catalog?) {
        var items = items
        let families = Set(items.compactMap(\.op).map(\.family)).subtracting([.null])
        if families.count > 1 {
            for item in items where item.op?.family != .null { approximate(item, reason: "one key compared as several value types") }
            items = items.filter { $0.op?.family == .null }
        }
        let family = families.count == 1 ? families.first! : nil
        var multivalued = items.contains { $0.op?.qualifier != DiffOperator.Qualifier.none && $0.op?.family != .null }
        // d4 on: the catalog says which keys are multivalued (others take one value); off: any
        // key may carry several values.
        if !multivalued && family != nil {
            if !options.constraints.keyTypes {
                multivalued = true
            } else if let catalog, Self.isMultivaluedInCatalog(key, catalog: catalog) {
                multivalued = true
            }
        }
        let typed = items.filter { $0.op?.family != .null }
        var base = ["u1"]
        if let family {
            if let atoms = Self.baseAtoms(family: family, items: typed, budget: options.productStateBudget) {
                base = atoms
            } else {
                for item in typed { approximate(item, reason: "the value search ran out of budget") }
                items = items.filter { $0.op?.family == .null }
            }
        }
        var atoms: [Atom] = [nil]
        if multivalued {
            if base.count > options.multivaluedAtomCap {
                for item in typed { approximate(item, reason: "more than \(options.multivaluedAtomCap) value atoms for a multivalued key") }
                items = items.filter { $0.op?.family == .null }
                atoms.append([base[0]])
            } else {
                for mask in 0..<(1 << base.count) {
                    atoms.append(base.indices.filter { mask & (1 << $0) != 0 }.map { base[$0] })
                }
            }
        } else {
            atoms += base.map { [$0] }
        }
        if options.constraints.keyPresence && DiffKeyFacts.alwaysPresent.contains(key) {
            atoms.removeAll { $0 == nil }
        }
        dimensions.append(Dimension(name: key, display: display, atoms: atoms, isOpaque: false))
        let index = dimensions.count - 1
        dimensionIndex[key] = index
        for item in items {
            let op = item.op!
            let values = item.entry.values
            let truth = atoms.map { atom in
                op.holds(on: atom, nullValues: values) { x in Self.compare(op.comparison, values: values, x: x) }
            }
            entries[item.statement.id][item.position] = .table(dimension: index, truth: truth)
        }
    }

    private static func isMultivaluedInCatalog(_ key: String, catalog: Catalog) -> Bool {
        if let global = GlobalConditionKeys.definition(of: key) { return global.isMultiValued }
        let prefix = String(key.prefix { $0 != ":" })
        guard let resources = try? catalog.resources(of: prefix) else { return false }
        return resources.conditionKeys.contains {
            ConditionKeyDefinition.matches(pattern: $0.name.lowercased(), key: key) && $0.isMultiValued
        }
    }

    /// pos(x) for the entry's values (§3.4.2).
    static func compare(_ comparison: DiffOperator.Comparison, values: [String], x: String) -> Bool {
        switch comparison {
        case .stringEquals, .stringEqualsIgnoreCase, .stringLike, .arnLike:
            return values.contains { DiffValues.stringMatches(comparison, value: $0, x: x) }
        case .numeric(let order):
            guard let number = DiffValues.number(x) else { return false }
            return values.contains { DiffValues.number($0).map { DiffValues.compare(number, $0, order) } ?? false }
        case .date(let order):
            guard let instant = DiffValues.date(x) else { return false }
            return values.contains { DiffValues.date($0).map { DiffValues.compare(instant, $0, order) } ?? false }
        case .bool:
            let folded = x.lowercased()
            return (folded == "true" || folded == "false") && values.contains { $0.lowercased() == folded }
        case .ipAddress:
            guard let address = DiffValues.address(x) else { return false }
            return values.contains { value in
                guard let block = DiffValues.block(value) else { return false }
                return block.low.isV6 == address.isV6 && block.low <= address && address <= block.high
            }
        case .binaryEquals, .null:
            return false
        }
    }

    // MARK: Base atoms per family

    /// Representatives of the present values: one per cell of the partition the entries' values
    /// induce (§4.6).
    static func baseAtoms(family: DiffOperator.Family, items: [Parsed], budget: Int) -> [String]? {
        switch family {
        case .string: return stringAtoms(items: items, budget: budget)
        case .numeric:
            let constants = Set(items.flatMap(\.entry.values).compactMap(DiffValues.number)).sorted()
            return intervalAtoms(constants, step: 1, format: DiffValues.format(number:)) + ["x"]
        case .date:
            let constants = Set(items.flatMap(\.entry.values).compactMap(DiffValues.date)).sorted()
            return intervalAtoms(constants, step: 1, format: DiffValues.format(date:)) + ["x"]
        case .bool:
            return ["true", "false", "x"]
        case .ip:
            return ipAtoms(items.flatMap(\.entry.values).compactMap(DiffValues.block)) + ["x"]
        case .binary, .null:
            return ["u1"]
        }
    }

    /// Constants, the open intervals between them and beyond them, each with a representative
    /// at an interval end where possible (§4.10).
    private static func intervalAtoms(_ constants: [Double], step: Double, format: (Double) -> String) -> [String] {
        guard let first = constants.first, let last = constants.last else { return [format(0)] }
        var result = [format(first - step)]
        for (index, constant) in constants.enumerated() {
            result.append(format(constant))
            if index + 1 < constants.count {
                let next = constants[index + 1]
                result.append(format(constant + step < next ? constant + step : (constant + next) / 2))
            }
        }
        result.append(format(last + step))
        return result
    }

    /// Maximal intervals cut by every CIDR boundary, per address family; each represented by its
    /// first address.
    private static func ipAtoms(_ blocks: [(low: DiffValues.Address, high: DiffValues.Address)]) -> [String] {
        var result: [String] = []
        for isV6 in [false, true] {
            var cuts: Set<UInt128> = [0]
            let maximum: UInt128 = isV6 ? ~0 : (1 << 32) - 1
            for block in blocks where block.low.isV6 == isV6 {
                cuts.insert(block.low.value)
                if block.high.value < maximum { cuts.insert(block.high.value + 1) }
            }
            result += cuts.sorted().map { DiffValues.format(address: DiffValues.Address(isV6: isV6, value: $0)) }
        }
        return result
    }

    /// String and ARN values: the reachable membership vectors of their languages (§4.6), found
    /// with the product search of §4.5; one shortest word per vector.
    private static func stringAtoms(items: [Parsed], budget: Int) -> [String]? {
        var components: [[[GlobElement]]] = []
        for item in items {
            guard let op = item.op else { continue }
            for value in item.entry.values {
                switch op.comparison {
                case .stringEquals: components.append([GlobCompiler.literal(value, ignoringCase: false)])
                case .stringEqualsIgnoreCase: components.append([GlobCompiler.literal(value, ignoringCase: true)])
                case .stringLike: components.append([GlobCompiler.glob(DiffTokenizer.tokens(value, variables: false))])
                case .arnLike: components.append(GlobCompiler.arn(value).map { [$0] } ?? [])
                default: break
                }
            }
        }
        let characters = components.reduce(into: Set<Unicode.Scalar>()) { set, globs in
            for glob in globs { set.formUnion(SymbolAlphabet.characters(of: glob)) }
        }
        let alphabet = SymbolAlphabet(characters: characters, variables: [])
        let automaton = GlobAutomaton(alphabet: alphabet, components: components)
        // The empty string is an atom of its own: set operators read [""] as the null data set.
        var search = MembershipSearch(automaton: automaton, tracked: Array(components.indices), required: [], needed: [], budget: budget)
        search.skipEmptyWord = true
        let other = String(alphabet.otherCharacter)
        let outcome = search.run()
        if outcome.exhausted { return nil }
        return outcome.regions.map { region in
            region.word.map { $0 == alphabet.other ? other : String(alphabet.character($0)) }.joined()
        } + [""]
    }
}

/// Keys documented as present in every request (§3.4.6), for the d3 constraint.
enum DiffKeyFacts {
    static let alwaysPresent: Set<String> = [
        "aws:securetransport", "aws:currenttime", "aws:epochtime", "aws:requestedregion", "aws:principalaccount", "aws:userid",
    ]
}
