import Foundation

/// What the action and resource rules share about the strings of `Action` and `NotAction`: their
/// grammar, and which actions they stand for. IAM compares action names without case.
enum ActionText {
    /// Why `text` is not IAM's action grammar (`*`, or `service:action` where both parts are
    /// letters, digits, `-` and the wildcards `*` and `?`), or `nil` when it is.
    static func formatProblem(_ text: String) -> String? {
        // Nearly every action is well-formed: check that in one pass over the bytes, and build a
        // message only for the rest.
        var colons = 0, servicePart = 0, namePart = 0, bad = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") {
                colons += 1
            } else if !isNameByte(byte) {
                bad = true
                break
            } else if colons == 0 {
                servicePart += 1
            } else {
                namePart += 1
            }
        }
        if !bad && colons == 1 && servicePart > 0 && namePart > 0 { return nil }
        return describeProblem(text)
    }

    private static func describeProblem(_ text: String) -> String? {
        if text == "*" { return nil }
        if text.isEmpty { return "an empty string is not an action" }
        if text.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return "'\(text)' contains white space, which no action name has"
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return "'\(text)' is not SERVICE:ACTION (no ':' after the service prefix)" }
        guard parts.count == 2 else { return "'\(text)' has more than one ':'; an action is SERVICE:ACTION" }
        let (service, name) = (parts[0], parts[1])
        if service.isEmpty { return "'\(text)' has no service prefix before ':'" }
        if name.isEmpty { return "'\(text)' has no action name after ':'" }
        if let bad = service.utf8.first(where: { !isNameByte($0) }) {
            return "'\(text)' has '\(Character(Unicode.Scalar(bad)))' in its service prefix; prefixes are letters, digits and '-'"
        }
        if let bad = name.utf8.first(where: { !isNameByte($0) }) {
            return "'\(text)' has '\(Character(Unicode.Scalar(bad)))' in its action name; names are letters, digits and '-'"
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    static func hasWildcard(_ text: some StringProtocol) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    /// `s3:Get*` → (`s3`, `Get*`); `nil` for what is not SERVICE:ACTION.
    static func split(_ text: String) -> (service: Substring, name: Substring)? {
        guard formatProblem(text) == nil, let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return (text[..<colon], text[text.utf8.index(after: colon)...])
    }

    /// `*` and `*:*`: every action of every service.
    static func isEverything(_ text: String) -> Bool {
        text == "*" || text == "*:*"
    }
}

/// One string of an `Action` (or `NotAction`) list, with the catalog's actions it stands for.
struct ActionEntry {
    let text: Located<String>
    /// What the string stands for, shared by every occurrence of the same string in a run.
    let facts: ActionFacts

    var lowered: String { facts.lowered }
    /// `*` or `*:*`: not expanded (it is every action).
    var isEverything: Bool { facts.isEverything }
    var isPattern: Bool { facts.isPattern }
    var isWellFormed: Bool { facts.isWellFormed }
    /// The catalog's actions it names; empty for `*`, for unknown names and for malformed ones.
    var actions: [ActionDefinition] { facts.actions }

    /// The entries of a list, expanded through the run's cache.
    static func entries(_ list: [Located<String>]?, context: LintContext) throws -> [ActionEntry] {
        guard let list else { return [] }
        let patterns = context.patterns
        return try list.map { ActionEntry(text: $0, facts: try patterns.facts(of: $0.value)) }
    }

    /// Whether every action this entry can ever name (today and when AWS adds actions) is also
    /// named by `other`. Exact names compare by name; patterns by the language of the glob, so a
    /// pattern is covered only by a pattern at least as wide, never by today's expansion alone.
    func isCovered(by other: ActionEntry) -> Bool {
        if other.isEverything { return true }
        if isEverything { return false }
        if !other.isPattern { return !isPattern && lowered == other.lowered }
        return Glob.covers(other.lowered.utf8, lowered.utf8)
    }

    /// The catalog's actions with the resource types they take (the others only work with `"*"`).
    var scopableActions: [ActionDefinition] { actions.filter { !$0.resourceTypes.isEmpty } }

    /// The service part in lower case, or nil when it holds a wildcard (or the entry is `*`).
    var literalService: Substring? {
        guard !isEverything, let colon = lowered.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let service = lowered[..<colon]
        return ActionText.hasWildcard(service) ? nil : service
    }
}

/// What an action string (as written) stands for. Computed once per distinct string and run:
/// AWS's 1,044 managed policies write 31,000 actions with 8,700 distinct strings.
final class ActionFacts: Sendable {
    let lowered: String
    let isEverything: Bool
    let isPattern: Bool
    let isWellFormed: Bool
    let actions: [ActionDefinition]

    init(text: String, actions: [ActionDefinition]) {
        lowered = text.lowercased()
        isEverything = ActionText.isEverything(text)
        isPattern = ActionText.hasWildcard(text)
        isWellFormed = ActionText.formatProblem(text) == nil
        self.actions = actions
    }
}

/// The patterns of an action list, grouped by service so that an action is only compared with the
/// patterns that can cover it (AWS's ReadOnlyAccess lists some 1,500 patterns in one statement).
struct PatternSet {
    private var byService: [Substring: [Int]] = [:]
    /// `*`, and patterns with a wildcard in the service: they may cover anything.
    private var anywhere: [Int] = []
    let entries: [ActionEntry]

    init(_ entries: [ActionEntry]) {
        self.entries = entries
        for (index, entry) in entries.enumerated() where entry.isWellFormed && (entry.isPattern || entry.isEverything) {
            if let service = entry.literalService { byService[service, default: []].append(index) } else { anywhere.append(index) }
        }
    }

    /// The indices of the patterns that might cover `entry`, in list order.
    func candidates(for entry: ActionEntry) -> [Int] {
        // A pattern with a fixed service covers only that service's names.
        guard let service = entry.literalService else { return anywhere }
        let own = byService[service] ?? []
        return anywhere.isEmpty ? own : (anywhere + own).sorted()
    }

    /// The first pattern (other than `except`) that covers `entry`.
    func cover(of entry: ActionEntry, except: Int? = nil) -> Int? {
        candidates(for: entry).first { $0 != except && entry.isCovered(by: entries[$0]) }
    }
}

/// IAM's wildcard matching on bytes: `*` any run of characters, `?` exactly one.
enum Glob {
    static func matches<P: Collection<UInt8>, T: Collection<UInt8>>(_ pattern: P, _ text: T) -> Bool
    where P.Index == Int, T.Index == Int {
        var p = pattern.startIndex, t = text.startIndex, star = -1, mark = 0
        while t < text.endIndex {
            if p < pattern.endIndex && pattern[p] != UInt8(ascii: "*") && (pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }

    /// Whether every string `specific` matches is also matched by `general` (both glob patterns).
    /// Sound, not complete: `general` must place a `*` over each wildcard of `specific`; a `?` in
    /// `general` is only accepted when the two are equal. Matching `specific` as text does that
    /// by itself: a literal of `general` never equals a wildcard of `specific` (general holds no
    /// `?`, and its `*` are wildcards), so only a `*` of `general` absorbs one.
    static func covers<G: Collection<UInt8>, S: Collection<UInt8>>(_ general: G, _ specific: S) -> Bool {
        if general.elementsEqual(specific) { return true }
        if general.contains(UInt8(ascii: "?")) { return false }
        return general.withContiguousStorageIfAvailable { g in
            specific.withContiguousStorageIfAvailable { s in matches(g, s) } ?? matches(g, Array(specific))
        } ?? matches(Array(general), Array(specific))
    }

    /// Whether the pattern matches the text `*` itself (what the request names for actions that
    /// take no resource): only runs of `*` do.
    static func isAllStars(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: "*") }
    }
}

/// Action patterns expanded once per run and catalog, with a byte-wise glob: the catalog's
/// `expand` compares `Character` arrays, and a corpus of AWS policies has hundreds of distinct
/// patterns over services of hundreds of actions. Results equal `Catalog.expand`'s (IAM matches
/// action names without case). Shared by the threads of a run, behind a lock.
final class ActionPatterns: @unchecked Sendable {
    private let catalog: Catalog
    private let lock = MemoLock()
    // Sized for a whole-account run (AWS's managed policies name ~9,000 distinct action strings):
    // regrowing these tables showed in profiles; for one policy the cost is a few hundred KB.
    /// Service prefix → its actions with their lower-cased names.
    private var services: [String: [(name: [UInt8], action: ActionDefinition)]] = Dictionary(minimumCapacity: 512)
    private var expansions: [String: [ActionDefinition]] = Dictionary(minimumCapacity: 1024)
    /// Strings as written → what they name: policies repeat the same action strings.
    private var named: [String: ActionFacts] = Dictionary(minimumCapacity: 16384)
    private var suggested: [String: (serviceKnown: Bool, suggestions: [String])] = [:]

    private let prefixBytes: [(prefix: String, bytes: [UInt8])]

    private init(catalog: Catalog) {
        self.catalog = catalog
        prefixBytes = catalog.prefixes.map { ($0, Array($0.utf8)) }
    }

    /// The action of this exact name (without case), from the service's decoded actions: unlike
    /// `Catalog.lookup`, a miss costs no suggestions (action-unknown computes them for the misses).
    func action(named text: String) throws -> ActionDefinition? {
        guard ActionText.split(text) != nil else { return nil }
        // One line of the catalog, not the whole service: a policy names a few of a service's actions.
        if case .found(let action) = try catalog.lookup(text, suggesting: false) { return action }
        return nil
    }

    /// Suggestions for an unknown name, as `Catalog.lookup` makes them: the closest actions of the
    /// service, or for an unknown service the closest prefixes (completed with the action when the
    /// nearest service has it). Candidates far from the name in length are only checked as
    /// prefixes and suffixes, which is what makes this cheap.
    func suggestions(for text: String) throws -> (serviceKnown: Bool, suggestions: [String]) {
        if let known = lock.withLock({ suggested[text] }) { return known }
        let result = try computeSuggestions(for: text)
        lock.withLock { suggested[text] = result }
        return result
    }

    private func computeSuggestions(for text: String) throws -> (serviceKnown: Bool, suggestions: [String]) {
        guard let (service, name) = ActionText.split(text) else { return (false, []) }
        if let definition = try catalog.service(String(service)) {
            let near = FastSuggestions.closest(to: String(name), in: definition.actions.map(\.name), limit: 3)
            return (true, near.map { "\(definition.prefix):\($0)" })
        }
        let near = FastSuggestions.closest(to: String(service), in: catalog.prefixes, limit: 3)
        if let first = near.first, let found = try catalog.service(first)?.action(named: String(name)) {
            return (false, [found.fullName])
        }
        return (false, near.map { "\($0):\(name)" })
    }

    /// What an action string (as written) stands for.
    func facts(of text: String) throws -> ActionFacts {
        if let known = lock.withLock({ named[text] }) { return known }
        var actions: [ActionDefinition] = []
        if !ActionText.isEverything(text) && ActionText.formatProblem(text) == nil {
            actions = ActionText.hasWildcard(text) ? try expand(text) : try action(named: text).map { [$0] } ?? []
        }
        let facts = ActionFacts(text: text, actions: actions)
        return lock.withLock {
            if let first = named[text] { return first }
            named[text] = facts
            return facts
        }
    }

    /// The catalog's actions a pattern names (`s3:Get*`, `*:Describe*`), sorted as the catalog keeps them.
    /// Computed outside the lock (two threads may compute the same pattern; the first result is
    /// kept): `*` decodes every service, and the other worker should not wait for that.
    func expand(_ pattern: String) throws -> [ActionDefinition] {
        let key = pattern.lowercased()
        if let known = lock.withLock({ expansions[key] }) { return known }
        var result: [ActionDefinition] = []
        let bytes = Array(key.utf8)
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let servicePattern = Array(bytes[..<colon]), namePattern = Array(bytes[(colon + 1)...])
            // Nearly every pattern names its service outright (`s3:Get*`): no need to try them all.
            let prefixes = servicePattern.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") })
                ? prefixBytes.filter { Glob.matches(servicePattern, $0.bytes) }.map(\.prefix)
                : catalog.serviceName(String(decoding: servicePattern, as: UTF8.self)) == nil ? [] : [String(decoding: servicePattern, as: UTF8.self)]
            for prefix in prefixes {
                for entry in try actions(of: prefix) where Glob.matches(namePattern, entry.name) { result.append(entry.action) }
            }
        } else if key == "*" {
            for prefix in catalog.prefixes { result += try actions(of: prefix).map(\.action) }
        }
        return lock.withLock {
            if let first = expansions[key] { return first }
            expansions[key] = result
            return result
        }
    }

    /// A service's actions with their lower-cased names, decoded once (outside the lock).
    private func actions(of prefix: String) throws -> [(name: [UInt8], action: ActionDefinition)] {
        if let known = lock.withLock({ services[prefix] }) { return known }
        let list = try catalog.service(prefix)?.actions.map { (Array($0.lowercasedName.utf8.drop { $0 != UInt8(ascii: ":") }.dropFirst()), $0) } ?? []
        return lock.withLock {
            if let first = services[prefix] { return first }
            services[prefix] = list
            return list
        }
    }

    // MARK: - One per catalog

    private final class Entry {
        weak var catalog: Catalog?
        let patterns: ActionPatterns

        init(catalog: Catalog, patterns: ActionPatterns) {
            self.catalog = catalog
            self.patterns = patterns
        }
    }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var entries: [ObjectIdentifier: Entry] = [:]

    static func shared(_ catalog: Catalog) -> ActionPatterns {
        let key = ObjectIdentifier(catalog)
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let entry = entries[key], entry.catalog === catalog { return entry.patterns }
        let patterns = ActionPatterns(catalog: catalog)
        entries = entries.filter { $0.value.catalog != nil }
        entries[key] = Entry(catalog: catalog, patterns: patterns)
        return patterns
    }
}

/// The expanded `Action` and `NotAction` entries of a policy's statements, computed once per
/// document for all the rules that need them (the engine runs every rule on a document before
/// the next). A few recent documents are kept, recognised by the identity of their statement
/// array, which the cache holds on to so that its storage cannot be reused by another document.
final class StatementActions: @unchecked Sendable {
    struct Lists {
        let actions: [ActionEntry]
        let notActions: [ActionEntry]
    }

    private struct Slot {
        let statements: [StatementView]
        let lists: [Lists]
    }

    private static let lock = MemoLock()
    nonisolated(unsafe) private static var slots: [Slot] = []

    /// The entries of every statement of the subject's document, in statement order.
    static func of(_ subject: RuleSubject) throws -> [Lists] {
        let statements = subject.view.statements
        let identity = statements.withUnsafeBufferPointer { $0.baseAddress }
        let cached = lock.withLock {
            slots.first { slot in
                slot.statements.count == statements.count && slot.statements.withUnsafeBufferPointer { $0.baseAddress } == identity
            }
        }
        if let cached, identity != nil { return cached.lists }
        let lists = try statements.map { statement in
            Lists(actions: try ActionEntry.entries(statement.actions, context: subject.context),
                  notActions: try ActionEntry.entries(statement.notActions, context: subject.context))
        }
        lock.withLock {
            slots.append(Slot(statements: statements, lists: lists))
            if slots.count > 4 { slots.removeFirst() }
        }
        return lists
    }
}

/// `Suggestions.closest` with the same answers, made cheap for long candidate lists: a candidate
/// whose length differs from the name's by more than the allowed distance can only qualify as a
/// prefix or suffix, which is checked on bytes without building strings.
enum FastSuggestions {
    static func closest(to name: String, in candidates: [String], limit: Int = 1) -> [String] {
        let target = name.lowercased()
        let targetBytes = Array(target.utf8)
        guard !targetBytes.isEmpty else { return [] }
        let threshold = min(3, max(1, target.count / 3))
        var scored: [(distance: Int, candidate: String)] = []
        // Candidates are nearly always distinct (a service's actions, the catalog's prefixes):
        // repeats are dropped from the few that score, not looked up for every candidate.
        for candidate in candidates {
            let length = candidate.utf8.count
            if abs(length - targetBytes.count) <= threshold {
                let lowered = candidate.lowercased()
                if lowered == target {
                    scored.append((0, candidate))
                    continue
                }
                let distance = Suggestions.editDistance(target, lowered, limit: threshold)
                if distance <= threshold {
                    scored.append((distance, candidate))
                    continue
                }
            }
            if target.count >= 4 && length > targetBytes.count && affix(targetBytes, of: candidate) {
                scored.append((threshold + 1, candidate))
            }
        }
        var seen: Set<String> = []
        return scored.sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .filter { seen.insert($0.candidate).inserted }.prefix(limit).map(\.candidate)
    }

    /// Whether the lower-cased name starts or ends the candidate (compared without ASCII case).
    private static func affix(_ target: [UInt8], of candidate: String) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte }
        let bytes = Array(candidate.utf8)
        guard bytes.count >= target.count else { return false }
        let isPrefix = zip(bytes, target).allSatisfy { lower($0) == $1 }
        return isPrefix || zip(bytes.suffix(target.count), target).allSatisfy { lower($0) == $1 }
    }
}
