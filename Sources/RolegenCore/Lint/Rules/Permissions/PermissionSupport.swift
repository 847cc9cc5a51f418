/// What the permissions and ml rules share: which statements of a policy grant an action, on
/// which resources and under which conditions, with the unconditioned Deny statements subtracted.
/// Actions are matched as IAM matches them (without case, `*` and `?`), without the catalog; a
/// question about an action of a service the policy does not mention costs one set lookup.
struct GrantIndex {
    /// An Allow statement, read for the questions the rules ask.
    struct Grant {
        let statement: StatementView
        /// The `Action` entries as written; `nil` for NotAction.
        let actions: [Located<String>]?
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
    /// Action entries of the Allow statements by lower-cased service (grant, entry), so a question
    /// about one action looks only at its service's entries.
    private let byService: [Substring: [(grant: Int, entry: Int)]]
    /// Entries with a wildcard in the service part (`*`, `*:Get*`), and the NotAction grants.
    private let anyService: [(grant: Int, entry: Int?)]
    /// For NotResource statements: which actions the listed resources exclude entirely.
    private let context: LintContext?

    /// - Parameter context: when given, an action whose every resource of a required type a
    ///   NotResource lists does not count as granted by that statement.
    init(_ view: PolicyView, context: LintContext? = nil) {
        self.context = context
        var grants: [Grant] = []
        var denials: [(actions: [ActionPattern]?, excluded: [ActionPattern])] = []
        var byService: [Substring: [(grant: Int, entry: Int)]] = [:]
        var anyService: [(grant: Int, entry: Int?)] = []
        for statement in view.statements {
            let conditioned = !statement.clauses.isEmpty
            if statement.isAllow, statement.actions != nil || statement.notActions != nil {
                let number = grants.count
                if let actions = statement.actions {
                    for (entry, action) in actions.enumerated() {
                        if let service = ActionPattern.literalService(action.value) {
                            byService[service, default: []].append((number, entry))
                        } else {
                            anyService.append((number, entry))
                        }
                    }
                } else {
                    anyService.append((number, nil))
                }
                grants.append(Grant(statement: statement, actions: statement.actions,
                                    excluded: (statement.notActions ?? []).map { ActionPattern($0.value) },
                                    notActionLocation: statement.element("NotAction")?.location,
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
    func mayGrant(service: Substring) -> Bool {
        !anyService.isEmpty || byService[service] != nil
    }

    /// For each grant that grants `action`, where (the first matching entry, or NotAction).
    private func locations(granting name: ActionName) -> [Int: SourceLocation] {
        var found: [Int: SourceLocation] = [:]
        for (number, entry) in byService[name.service] ?? [] where found[number] == nil {
            if let action = grants[number].actions?[entry], ActionPattern(action.value).matches(name) { found[number] = action.location }
        }
        for (number, entry) in anyService where found[number] == nil {
            let grant = grants[number]
            if let entry {
                if let action = grant.actions?[entry], ActionPattern(action.value).matches(name) { found[number] = action.location }
            } else if !grant.excluded.contains(where: { $0.matches(name) }), let location = grant.notActionLocation {
                found[number] = location
            }
        }
        return found
    }

    /// The Allow statements that grant `action` (`service:name`, any case), with where, in policy
    /// order; none when a Deny removes it.
    func grants(of action: String, where include: (Grant) -> Bool = { _ in true }) -> [(grant: Grant, location: SourceLocation)] {
        let name = ActionName(action)
        guard mayGrant(service: name.service) else { return [] }
        let found = locations(granting: name)
        guard !found.isEmpty, !isDenied(name) else { return [] }
        return found.keys.sorted().compactMap { number in
            let grant = grants[number]
            guard grant.hasResource, include(grant), let location = found[number], !excludes(grant, action) else { return nil }
            return (grant, location)
        }
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

    /// The first place `action` is granted unconstrained (every resource, no condition), if any.
    func unconstrainedGrant(of action: String) -> (grant: Grant, location: SourceLocation)? {
        grants(of: action) { $0.isUnconstrained }.first
    }

    /// IAM's action match for two strings, any case.
    static func matches(_ pattern: String, _ action: String) -> Bool {
        ActionPattern(pattern).matches(ActionName(action))
    }
}

/// An action name to match, lower-cased once.
struct ActionName {
    let text: [UInt8]
    let service: Substring

    init(_ name: String) {
        let lowered = name.lowercased()
        text = Array(lowered.utf8)
        service = lowered.firstIndex(of: ":").map { lowered[..<$0] } ?? Substring(lowered)
    }
}

/// An action pattern of a policy, lower-cased once: IAM's match without case, `*` and `?`.
struct ActionPattern {
    let text: [UInt8]
    /// The service part when it has no wildcard: patterns of other services are rejected by it.
    let service: Substring?
    private let hasWildcard: Bool

    init(_ pattern: String) {
        let lowered = pattern.lowercased()
        text = Array(lowered.utf8)
        hasWildcard = text.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
        if let colon = lowered.firstIndex(of: ":") {
            let service = lowered[..<colon]
            self.service = service.contains("*") || service.contains("?") ? nil : service
        } else {
            service = lowered.contains("*") || lowered.contains("?") ? nil : Substring(lowered)
        }
    }

    /// The lower-cased service part of a pattern when it has no wildcard, cheaply.
    static func literalService(_ pattern: String) -> Substring? {
        guard let colon = pattern.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let service = pattern[..<colon]
        if service.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) { return nil }
        if service.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) { return Substring(service.lowercased()) }
        return service
    }

    func matches(_ action: ActionName) -> Bool {
        if let service, service != action.service { return false }
        if !hasWildcard { return text == action.text }
        return Self.glob(text, action.text)
    }

    /// `*` any run of bytes, `?` one byte (names are ASCII).
    static func glob(_ p: [UInt8], _ t: [UInt8]) -> Bool {
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == UInt8(ascii: "?") || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == UInt8(ascii: "*") {
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
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
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
        guard resource.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) else { return false }
        if isWildcardOnly(Substring(resource)) { return true }
        let fields = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6 else {
            // `arn:*`, `arn:aws:*`: the last field swallows the rest.
            return fields.count >= 2 && fields[0] == "arn" && isWildcardOnly(fields[fields.count - 1])
        }
        let part = fields[5]
        let segments = part.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == ":" }
        if segments.allSatisfy(isWildcardOnly) { return true }
        // S3 names buckets without a type; everywhere else the first segment is the type.
        guard fields[2] != "s3", segments.count >= 2, !segments[0].contains("*"), !segments[0].contains("?") else { return false }
        return segments.dropFirst().allSatisfy(isWildcardOnly)
    }

    /// Whether the last name of a resource is only wildcards, so the pattern names every resource
    /// of its parent: `user-profile/d-abc/*` is every user profile of domain d-abc.
    static func coversEveryName(_ resource: String) -> Bool {
        if coversEverything(resource) { return true }
        guard let last = resource.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == ":" }).last else { return false }
        return isWildcardOnly(last)
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

    static func isWildcardOnly(_ text: Substring) -> Bool {
        text.contains("*") && text.allSatisfy { $0 == "*" || $0 == "?" }
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
    func unconstrainedEntries(granting list: [String]) -> [(statement: StatementView, location: SourceLocation, actions: [String])] {
        var found: [SourceLocation: (order: Int, statement: StatementView, actions: [String])] = [:]
        for action in list {
            let name = ActionName(action)
            guard mayGrant(service: name.service) else { continue }
            for (number, location) in locations(granting: name) {
                let grant = grants[number]
                guard grant.hasResource, grant.isUnconstrained, !isDenied(name), !excludes(grant, action) else { continue }
                found[location, default: (number, grant.statement, [])].actions.append(action)
            }
        }
        return found.sorted { ($0.value.order, $0.key) < ($1.value.order, $1.key) }.map { ($0.value.statement, $0.key, $0.value.actions) }
    }

    /// For each Action entry of the Allow statements on every resource without a condition: the
    /// catalog actions it grants that `include` accepts and no Deny removes. NotAction statements
    /// are notaction-allow's.
    func unconstrainedEntries(context: LintContext, onlyWildcards: Bool = false, where include: (ActionDefinition) -> Bool) throws
        -> [(statement: StatementView, location: SourceLocation, actions: [ActionDefinition])] {
        var result: [(statement: StatementView, location: SourceLocation, actions: [ActionDefinition])] = []
        for grant in grants where grant.hasResource && grant.isUnconstrained {
            for action in grant.actions ?? [] {
                if onlyWildcards && !action.value.contains("*") && !action.value.contains("?") { continue }
                let excluded = grant.statement.notResources?.map(\.value)
                let actions = try context.actions(matching: action.value).filter { definition in
                    include(definition) && !isDenied(definition.fullName)
                        && !(excluded.map { Self.excludes($0, definition, catalog: context.catalog) } ?? false)
                }
                if !actions.isEmpty { result.append((grant.statement, action.location, actions)) }
            }
        }
        return result
    }
}
