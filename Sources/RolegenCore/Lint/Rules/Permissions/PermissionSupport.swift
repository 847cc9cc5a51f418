/// What the permissions and ml rules share: which statements of a policy grant an action, on
/// which resources and under which conditions, with the unconditioned Deny statements subtracted.
/// Actions are matched as IAM matches them (without case, `*` and `?`), without the catalog; a
/// question about an action of a service the policy does not mention costs one set lookup.
struct GrantIndex: Sendable {
    /// An Allow statement, read for the questions the rules ask.
    struct Grant: Sendable {
        let statement: StatementView
        /// The `Action` entries as written; `nil` for NotAction.
        let actions: [Located<String>]?
        /// The `Action` entries as patterns, in the same order.
        let patterns: [ActionPattern]
        /// The `NotAction` patterns (the statement grants what they do not match).
        let excluded: [ActionPattern]
        let notActionLocation: SourceLocation?
        /// Every resource: `*`, a pattern such as `arn:aws:iam::*:role/*`, or NotResource.
        let isUnscoped: Bool
        /// Whether the statement has a Resource or NotResource at all (without, IAM rejects it).
        let hasResource: Bool
        let isConditioned: Bool

        /// Granted on every resource, with no condition: what the peers call unconstrained.
        var isUnconstrained: Bool { isUnscoped && !isConditioned }
    }

    let grants: [Grant]
    /// Deny statements without a condition that cover every resource: what they name is never allowed.
    private let denials: [(actions: [ActionPattern]?, excluded: [ActionPattern])]
    /// Action entries of the Allow statements by lower-cased service (grant, entry), in policy
    /// order, so a question about one action looks only at its service's entries.
    private let byService: [String: [(grant: Int, entry: Int)]]
    /// Entries with a wildcard in the service part (`*`, `*:Get*`), and the NotAction grants.
    private let anyService: [(grant: Int, entry: Int?)]
    /// For NotResource statements: which actions the listed resources exclude entirely.
    private let context: LintContext?

    /// The index of the document the rule looks at, built once for all the rules that ask.
    static func of(_ subject: RuleSubject) -> GrantIndex {
        GrantIndexCache.shared.index(for: subject)
    }

    /// - Parameter context: when given, an action whose every resource of a required type a
    ///   NotResource lists does not count as granted by that statement.
    init(_ view: PolicyView, context: LintContext? = nil) {
        self.context = context
        var grants: [Grant] = []
        var denials: [(actions: [ActionPattern]?, excluded: [ActionPattern])] = []
        var byService: [String: [(grant: Int, entry: Int)]] = [:]
        var anyService: [(grant: Int, entry: Int?)] = []
        for statement in view.statements {
            let conditioned = !statement.clauses.isEmpty
            if statement.isAllow, statement.actions != nil || statement.notActions != nil {
                let number = grants.count
                let patterns = (statement.actions ?? []).map { ActionPattern($0.value) }
                if statement.actions != nil {
                    for (entry, pattern) in patterns.enumerated() {
                        if let service = pattern.service {
                            byService[service, default: []].append((number, entry))
                        } else {
                            anyService.append((number, entry))
                        }
                    }
                } else {
                    anyService.append((number, nil))
                }
                grants.append(Grant(statement: statement, actions: statement.actions, patterns: patterns,
                                    excluded: (statement.notActions ?? []).map { ActionPattern($0.value) },
                                    notActionLocation: statement.notActions == nil ? nil : statement.element("NotAction")?.location,
                                    isUnscoped: statement.notResources != nil
                                        || (statement.resources ?? []).contains { ResourceScope.coversEverything($0.value) },
                                    hasResource: statement.resources != nil || statement.notResources != nil,
                                    isConditioned: conditioned))
            } else if statement.isDeny, !conditioned, statement.notResources == nil,
                      (statement.resources ?? []).contains(where: { ResourceScope.coversEverything($0.value) }),
                      statement.actions != nil || statement.notActions != nil {
                denials.append((statement.actions?.map { ActionPattern($0.value) }, (statement.notActions ?? []).map { ActionPattern($0.value) }))
            }
        }
        self.grants = grants
        self.denials = denials
        self.byService = byService
        self.anyService = anyService
    }

    /// Whether an unconditioned Deny on every resource covers `action`.
    func isDenied(_ action: ActionName) -> Bool {
        denials.contains { denial in
            if let actions = denial.actions { return actions.contains { $0.matches(action) } }
            return !denial.excluded.contains { $0.matches(action) }
        }
    }

    func isDenied(_ action: String) -> Bool { denials.isEmpty ? false : isDenied(ActionName(action)) }

    /// Whether some Allow statement may grant an action of the service (cheap, before asking in detail).
    func mayGrant(service: String) -> Bool {
        !anyService.isEmpty || byService[service] != nil
    }

    /// The grants that grant `action`, with where (the first matching entry, or NotAction), in policy order.
    private func locations(granting name: ActionName) -> [(grant: Int, location: SourceLocation)] {
        var found: [(grant: Int, location: SourceLocation)] = []
        for (number, entry) in byService[name.service] ?? [] where found.last?.grant != number {
            if grants[number].patterns[entry].matches(name), let action = grants[number].actions?[entry] {
                found.append((number, action.location))
            }
        }
        guard !anyService.isEmpty else { return found }
        for (number, entry) in anyService where !found.contains(where: { $0.grant == number }) {
            let grant = grants[number]
            if let entry {
                if grant.patterns[entry].matches(name), let action = grant.actions?[entry] { found.append((number, action.location)) }
            } else if !grant.excluded.contains(where: { $0.matches(name) }), let location = grant.notActionLocation {
                found.append((number, location))
            }
        }
        return found.sorted { $0.grant < $1.grant }
    }

    /// The Allow statements that grant `action`, with where, in policy order; none when a Deny removes it.
    func grants(of name: ActionName, where include: (Grant) -> Bool = { _ in true }) -> [(grant: Grant, location: SourceLocation)] {
        guard mayGrant(service: name.service) else { return [] }
        let found = locations(granting: name)
        guard !found.isEmpty, !isDenied(name) else { return [] }
        return found.compactMap { number, location in
            let grant = grants[number]
            guard grant.hasResource, include(grant), !excludes(grant, name.name) else { return nil }
            return (grant, location)
        }
    }

    func grants(of action: String, where include: (Grant) -> Bool = { _ in true }) -> [(grant: Grant, location: SourceLocation)] {
        grants(of: ActionName(action), where: include)
    }

    /// The first place `action` is granted unconstrained (every resource, no condition), if any.
    func unconstrainedGrant(of action: ActionName) -> (grant: Grant, location: SourceLocation)? {
        grants(of: action) { $0.isUnconstrained }.first
    }

    /// Whether the grant's NotResource lists every resource of a type the action requires, so
    /// the statement does not grant it (`sagemaker:*` with NotResource `...:user-profile/*` does
    /// not grant CreatePresignedDomainUrl). Unknown actions and failures count as granted.
    func excludes(_ grant: Grant, _ action: String) -> Bool {
        guard let excluded = grant.statement.notResources, let context,
              case .found(let definition)? = try? context.lookup(action) else { return false }
        return Self.excludes(excluded.map(\.value), definition, catalog: context.catalog)
    }

    static func excludes(_ excluded: [String], _ action: ActionDefinition, catalog: Catalog) -> Bool {
        guard let service = try? catalog.resources(of: action.service) else { return false }
        return action.resourceTypes.contains { use in
            guard use.isRequired, let type = service.resourceType(named: use.type), !type.arnFormats.isEmpty else { return false }
            return type.arnFormats.allSatisfy { format in
                let probe = ResourceScope.probe(format)
                return excluded.contains { PolicySafety.globMatches(pattern: $0, text: probe) }
            }
        }
    }

    /// IAM's action match for two strings, any case.
    static func matches(_ pattern: String, _ action: String) -> Bool {
        ActionPattern(pattern).matches(ActionName(action))
    }
}

/// An action name to match, lower-cased once.
struct ActionName: Sendable {
    static let passRole = ActionName("iam:PassRole")
    static let createServiceLinkedRole = ActionName("iam:CreateServiceLinkedRole")
    static let createPresignedDomainUrl = ActionName("sagemaker:CreatePresignedDomainUrl")

    /// As given (`iam:PassRole`), for messages and catalog lookups.
    let name: String
    let text: [UInt8]
    let service: String

    init(_ name: String) {
        self.name = name
        let lowered = name.lowercased()
        text = Array(lowered.utf8)
        service = lowered.firstIndex(of: ":").map { String(lowered[..<$0]) } ?? lowered
    }
}

/// An action pattern of a policy, lower-cased once: IAM's match without case, `*` and `?`.
struct ActionPattern: Sendable {
    /// As written: compared without case byte by byte, so reading a policy allocates nothing for
    /// most patterns.
    let text: String
    /// The lower-cased service part when it has no wildcard: patterns of other services are rejected by it.
    let service: String?
    private let hasWildcard: Bool

    init(_ pattern: String) {
        text = pattern
        var colon: String.UTF8View.Index?
        var wildcard = false
        var serviceWildcard = false
        var upper = false
        for index in pattern.utf8.indices {
            let byte = pattern.utf8[index]
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") {
                wildcard = true
                if colon == nil { serviceWildcard = true }
            } else if byte == UInt8(ascii: ":") && colon == nil {
                colon = index
            } else if colon == nil && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                upper = true
            }
        }
        hasWildcard = wildcard
        if serviceWildcard {
            service = nil
        } else {
            let part = colon.map { pattern[..<$0] } ?? Substring(pattern)
            service = upper ? part.lowercased() : String(part)
        }
    }

    func matches(_ action: ActionName) -> Bool {
        if let service, service != action.service { return false }
        let result = text.utf8.withContiguousStorageIfAvailable { pattern in
            action.text.withUnsafeBufferPointer { name in
                hasWildcard ? Self.glob(pattern, name) : Self.equal(pattern, name)
            }
        }
        return result ?? (hasWildcard ? Self.glob(Array(text.utf8), action.text) : Self.equal(Array(text.utf8), action.text))
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func equal<P: RandomAccessCollection<UInt8>, T: RandomAccessCollection<UInt8>>(_ p: P, _ t: T) -> Bool
        where P.Index == Int, T.Index == Int {
        guard p.count == t.count else { return false }
        for offset in 0..<p.count where lower(p[p.startIndex + offset]) != t[t.startIndex + offset] { return false }
        return true
    }

    /// `*` any run of bytes, `?` one byte (names are ASCII); the pattern is lower-cased as it is
    /// read, the name already is.
    static func glob<P: RandomAccessCollection<UInt8>, T: RandomAccessCollection<UInt8>>(_ p: P, _ t: T) -> Bool
        where P.Index == Int, T.Index == Int {
        let pc = p.count, tc = t.count, ps = p.startIndex, ts = t.startIndex
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < tc {
            if pi < pc && (p[ps + pi] == UInt8(ascii: "?") || lower(p[ps + pi]) == t[ts + ti]) {
                pi += 1
                ti += 1
            } else if pi < pc && p[ps + pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < pc && p[ps + pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == pc
    }
}

/// Questions about what a Resource string covers.
enum ResourceScope {
    /// Whether a resource names every resource an action could act on: `*`, an ARN whose
    /// resource part is only wildcards (`arn:aws:sagemaker:*:*:*/*`, `arn:aws:s3:::*`), or a
    /// resource type followed by only wildcards (`arn:aws:iam::111122223333:role/*`,
    /// `arn:aws:secretsmanager:*:*:secret:*`): every role of the account is every role that
    /// matters for escalation. A path or name prefix (`role/service-role/*`, `role/ml-*`) is a scope.
    static func coversEverything(_ resource: String) -> Bool {
        let bytes = Array(resource.utf8)
        guard bytes.contains(where: isWildcard) else { return false }
        if bytes.allSatisfy(isWildcard) { return true }
        // The fields: arn, partition, service, region, account, resource (which may hold colons).
        var fields: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ":") && fields.count < 5 {
            fields.append(bytes[start..<index])
            start = index + 1
        }
        fields.append(bytes[start...])
        guard fields.count == 6 else {
            // `arn:*`, `arn:aws:*`: the last field swallows the rest.
            return fields.count >= 2 && fields[0].elementsEqual("arn".utf8) && isWildcardOnly(fields[fields.count - 1])
        }
        let segments = fields[5].split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }
        if segments.allSatisfy(isWildcardOnly) { return true }
        // S3 names buckets without a type; everywhere else the first segment is the type.
        guard !fields[2].elementsEqual("s3".utf8), segments.count >= 2, !segments[0].contains(where: isWildcard) else { return false }
        return segments.dropFirst().allSatisfy(isWildcardOnly)
    }

    /// Whether the last name of a resource is only wildcards, so the pattern names every resource
    /// of its parent: `user-profile/d-abc/*` is every user profile of domain d-abc.
    static func coversEveryName(_ resource: String) -> Bool {
        if coversEverything(resource) { return true }
        let bytes = Array(resource.utf8)
        let start = bytes.lastIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }.map { $0 + 1 } ?? 0
        return isWildcardOnly(bytes[start...])
    }

    private static func isWildcard(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?")
    }

    private static func isWildcardOnly(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains(UInt8(ascii: "*")) && bytes.allSatisfy(isWildcard)
    }

    /// An ARN of a catalog format with its placeholders filled in: `arn:aws:sagemaker:us-east-1:111122223333:user-profile/p/p`.
    static func probe(_ format: String) -> String {
        var result = ""
        var name: String?
        var previous: Character = " "
        for character in format {
            if var current = name {
                if character == "}" {
                    switch current {
                    case "Partition": result += "aws"
                    case "Region": result += "us-east-1"
                    case "Account": result += "111122223333"
                    default: result += "rolegenprobe"
                    }
                    name = nil
                } else {
                    current.append(character)
                    name = current
                }
            } else if character == "{" && previous == "$" {
                result.removeLast()
                name = ""
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }

}

/// Short lists of action names for messages: the first few, then how many more.
enum ActionList {
    static func describe(_ names: [String], limit: Int = 5) -> String {
        let shown = names.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
    }
}

extension GrantIndex {
    /// For each Action entry (or NotAction element) of the Allow statements on every resource
    /// without a condition: the names from `list` it grants that no Deny removes, in policy order.
    func unconstrainedEntries(granting list: [ActionName]) -> [(statement: StatementView, location: SourceLocation, actions: [String])] {
        var found: [(order: Int, location: SourceLocation, statement: StatementView, actions: [String])] = []
        for name in list where mayGrant(service: name.service) {
            for (number, location) in locations(granting: name) {
                let grant = grants[number]
                guard grant.hasResource, grant.isUnconstrained, !isDenied(name), !excludes(grant, name.name) else { continue }
                if let index = found.firstIndex(where: { $0.location == location }) {
                    found[index].actions.append(name.name)
                } else {
                    found.append((number, location, grant.statement, [name.name]))
                }
            }
        }
        return found.sorted { ($0.order, $0.location) < ($1.order, $1.location) }.map { ($0.statement, $0.location, $0.actions) }
    }

    /// For each Action entry of the Allow statements on every resource without a condition: the
    /// catalog actions it grants that `include` accepts and no Deny removes. NotAction statements
    /// are notaction-allow's. `kind` names `include` for the memo: the filtered expansion of a
    /// pattern is computed once per run.
    func unconstrainedEntries(context: LintContext, kind: String, onlyWildcards: Bool = false,
                              where include: (ActionDefinition) -> Bool) throws
        -> [(statement: StatementView, location: SourceLocation, actions: [ActionDefinition])] {
        var result: [(statement: StatementView, location: SourceLocation, actions: [ActionDefinition])] = []
        for grant in grants where grant.hasResource && grant.isUnconstrained {
            for action in grant.actions ?? [] {
                let wildcard = action.value.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
                if onlyWildcards && !wildcard { continue }
                // A name stands for one action, which the context caches; a pattern's filtered expansion is kept.
                var actions = wildcard
                    ? try GrantIndexCache.shared.actions(kind + "\u{0}" + action.value, context: context) {
                        try context.actions(matching: action.value).filter(include)
                    }
                    : try context.actions(matching: action.value).filter(include)
                if !denials.isEmpty { actions.removeAll { isDenied($0.fullName) } }
                if let excluded = grant.statement.notResources?.map(\.value) {
                    actions.removeAll { Self.excludes(excluded, $0, catalog: context.catalog) }
                }
                if !actions.isEmpty { result.append((grant.statement, action.location, actions)) }
            }
        }
        return result
    }
}
