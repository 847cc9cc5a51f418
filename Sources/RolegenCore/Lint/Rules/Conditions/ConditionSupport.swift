/// What the condition rules share: an operator read into its parts, a condition key resolved
/// against the catalog and the global keys, IAM's outcome for a key that is absent from the
/// request, the actions a statement names, and the value formats IAM's operators accept.
///
/// IAM's semantics, as the IAM User Guide states them (condition operators, multivalued keys,
/// global condition keys) and as these helpers encode them:
/// - a key absent from the request makes a condition false, except with a negated operator
///   (`StringNotEquals`, `ArnNotLike`, `NotIpAddress`, ...), `...IfExists` and `Null` (true);
/// - `ForAllValues:` is true when the key is absent or empty, `ForAnyValue:` false;
/// - key names compare without case, values (mostly) with case.
enum ConditionSupport {
    // MARK: - Keys IAM evaluates for every action besides the framework's global list

    /// `aws:` keys documented after `GlobalConditionKeys` was curated (the AWS MCP server keys,
    /// late 2025), with their types.
    static let extraGlobalKeys: [ConditionKeyDefinition] = [
        .init(name: "aws:ViaAWSMCPService", type: "Bool"),
        .init(name: "aws:CalledViaAWSMCP", type: "String"),
        .init(name: "aws:IsMcpServiceAction", type: "Bool"),
    ]

    /// Cross-service keys: service-prefixed keys the IAM User Guide lists among the global keys
    /// ("properties of the role session"), present whatever service is called.
    static let crossServiceKeys: Set<String> = [
        "ec2:roledelivery", "ec2:sourceinstancearn", "glue:roleassumedby", "glue:credentialissuingservice",
        "lambda:sourcefunctionarn", "ssm:sourceinstancearn", "identitystore:userid",
    ]

    /// The global keys the guide says are in every request context ("always included").
    static let alwaysPresentKeys: Set<String> = [
        "aws:currenttime", "aws:epochtime", "aws:requestedregion", "aws:securetransport", "aws:principaltype",
        "aws:useragent",
    ]

    // MARK: - Operators

    /// A condition operator as written: `ForAllValues:StringLikeIfExists`.
    struct Operator {
        enum Qualifier: String { case forAllValues = "ForAllValues", forAnyValue = "ForAnyValue" }
        enum Family: String { case string, numeric, date, bool, binary, ipAddress = "IP address", arn = "ARN", null }

        let text: String
        let qualifier: Qualifier?
        /// Without qualifier and `IfExists`: `StringLike`.
        let base: String
        let ifExists: Bool
        /// `nil` for a base IAM does not know.
        let family: Family?
        /// Negated matching (`StringNotEquals`, `ArnNotLike`, `NotIpAddress`, ...): true when the key is absent.
        let isNegated: Bool
        /// `StringLike`, `StringNotLike`, `ArnLike`, `ArnNotLike`: `*` and `?` are wildcards.
        let isLike: Bool

        /// Each base operator's family, and whether it negates and takes wildcards.
        private static let bases: [String: (family: Family, negated: Bool, like: Bool)] = {
            var table: [String: (family: Family, negated: Bool, like: Bool)] = [:]
            for name in ConditionOperators.base {
                let family: Family
                if name.hasPrefix("String") { family = .string }
                else if name.hasPrefix("Numeric") { family = .numeric }
                else if name.hasPrefix("Date") { family = .date }
                else if name.hasPrefix("Arn") { family = .arn }
                else if name == "Bool" { family = .bool }
                else if name == "BinaryEquals" { family = .binary }
                else if name == "Null" { family = .null }
                else { family = .ipAddress }
                table[name] = (family, name.contains("Not"), name.hasSuffix("Like"))
            }
            return table
        }()
        private static let forAllValues = Array("ForAllValues:".utf8), forAnyValue = Array("ForAnyValue:".utf8)
        private static let ifExistsSuffix = Array("IfExists".utf8)

        init(_ text: String) {
            self.text = text
            let bytes = text.utf8
            var start = 0
            var qualifier: Qualifier?
            if bytes.first == UInt8(ascii: "F") {
                if bytes.starts(with: Self.forAllValues) {
                    qualifier = .forAllValues
                    start = Self.forAllValues.count
                } else if bytes.starts(with: Self.forAnyValue) {
                    qualifier = .forAnyValue
                    start = Self.forAnyValue.count
                }
            }
            self.qualifier = qualifier
            var end = bytes.count
            let suffix = Self.ifExistsSuffix
            ifExists = end - start > suffix.count && bytes.reversed().starts(with: suffix.reversed())
            if ifExists { end -= suffix.count }
            let base = start == 0 && end == bytes.count ? text
                : String(decoding: bytes[bytes.index(bytes.startIndex, offsetBy: start)..<bytes.index(bytes.startIndex, offsetBy: end)],
                         as: UTF8.self)
            self.base = base
            let known = Self.bases[base]
            family = known?.family
            isNegated = known?.negated ?? false
            isLike = known?.like ?? false
        }

        /// A valid operator (the `NullIfExists` error is its own rule).
        var isKnown: Bool { family != nil && !(family == .null && ifExists) }

        /// The operator written without its qualifier, for messages.
        var withoutQualifier: String { base + (ifExists ? "IfExists" : "") }
    }

    /// The condition's result when the key is not in the request context, or `nil` when the
    /// values do not say (a `Null` test with neither or both of true and false).
    static func outcomeWhenAbsent(_ op: Operator, values: [String]) -> Bool? {
        if op.base == "Null" {
            let lowered = Set(values.map { $0.lowercased() })
            if lowered == ["true"] { return true }
            if lowered == ["false"] { return false }
            return nil
        }
        if op.ifExists { return true }
        switch op.qualifier {
        case .forAllValues?: return true
        case .forAnyValue?: return false
        case nil: return op.isNegated
        }
    }

    // MARK: - Keys

    /// What a condition key written in a policy is.
    enum Key {
        /// An `aws:` key (or a cross-service key) every action can be asked about.
        case global(ConditionKeyDefinition)
        /// A key of a service the catalog knows.
        case service(prefix: String, ConditionKeyDefinition)
        /// A key of a service the catalog knows that the service does not define.
        case unknownService(prefix: String, ServiceResources)
        /// An `aws:` key that is not a global key.
        case unknownGlobal
        /// A key whose prefix is not a catalog service: an identity provider (`accounts.google.com:aud`,
        /// `token.actions.githubusercontent.com:sub`), `saml:`, or a service the catalog lacks.
        case foreign(prefix: String)
        /// Not `prefix:name`.
        case malformed

        var definition: ConditionKeyDefinition? {
            switch self {
            case .global(let definition), .service(_, let definition): definition
            default: nil
            }
        }
    }

    /// Whether a key is written `prefix:name` with nothing around it.
    static func isWellFormed(_ key: String) -> Bool {
        guard let colon = key.firstIndex(of: ":"), colon != key.startIndex, key.index(after: colon) != key.endIndex else {
            return false
        }
        guard let first = key.unicodeScalars.first, let last = key.unicodeScalars.last else { return false }
        return !first.properties.isWhitespace && !last.properties.isWhitespace
    }

    static func resolve(_ key: String, catalog: Catalog) throws(CatalogError) -> Key {
        guard isWellFormed(key), let colon = key.firstIndex(of: ":") else { return .malformed }
        let lowered = key.lowercased()
        let prefix = key[..<colon].lowercased()
        if prefix == "aws" {
            return globalDefinition(lowered: lowered).map(Key.global) ?? .unknownGlobal
        }
        guard let service = try catalog.resources(of: prefix) else { return .foreign(prefix: prefix) }
        guard let definition = keyDefinition(key, in: service) else { return .unknownService(prefix: prefix, service) }
        return crossServiceKeys.contains(lowered) ? .global(definition) : .service(prefix: prefix, definition)
    }

    /// The global keys by lower-cased name, and those with a variable part by stem.
    private static let globalExact: [String: ConditionKeyDefinition] = {
        var table: [String: ConditionKeyDefinition] = [:]
        for definition in GlobalConditionKeys.all + extraGlobalKeys where variableStem(of: definition.name.lowercased()) == nil {
            table[definition.name.lowercased()] = definition
        }
        return table
    }()
    private static let globalPatterns: [(stem: String, definition: ConditionKeyDefinition)] =
        (GlobalConditionKeys.all + extraGlobalKeys).compactMap { definition in
            variableStem(of: definition.name.lowercased()).map { ($0, definition) }
        }

    /// A global key by name, without case (`aws:sourceip`, `aws:PrincipalTag/team`).
    static func globalDefinition(_ key: String) -> ConditionKeyDefinition? {
        globalDefinition(lowered: key.lowercased())
    }

    private static func globalDefinition(lowered: String) -> ConditionKeyDefinition? {
        if let found = globalExact[lowered] { return found }
        return globalPatterns.first { lowered.hasPrefix($0.stem) && lowered.count > $0.stem.count }?.definition
    }

    /// A service's key by name, also where the reference writes the variable part of a name in
    /// ways the catalog's matcher does not read (`secretsmanager:ResourceTag/tag-key`,
    /// `elasticloadbalancing:ResourceTag/`).
    static func keyDefinition(_ key: String, in service: ServiceResources) -> ConditionKeyDefinition? {
        if let found = service.conditionKey(named: key) { return found }
        let lowered = key.lowercased()
        return service.conditionKeys.first { looseMatch(pattern: $0.name.lowercased(), key: lowered) }
    }

    /// Patterns whose variable part is written `tag-key` or left empty after a `/`.
    static func looseMatch(pattern: String, key: String) -> Bool {
        if ConditionKeyDefinition.matches(pattern: pattern, key: key) { return true }
        var prefix = Substring(pattern)
        if prefix.hasSuffix("/tag-key") {
            prefix = prefix.dropLast("tag-key".count)
        } else if !prefix.hasSuffix("/") {
            return false
        }
        return key.hasPrefix(prefix) && key.count > prefix.count
    }

    /// Whether the action documents the key (its own keys and its resource types'); global keys
    /// other than the tag keys apply to every action.
    /// - Parameter loose: whether the key is documented only in a spelling the catalog's matcher
    ///   misses (`needsLooseMatch`); only then are the action's keys read again.
    static func supports(_ key: String, action: ActionDefinition, catalog: Catalog, loose: Bool = false) throws(CatalogError) -> Bool {
        let lowered = key.lowercased()
        if crossServiceKeys.contains(lowered) || extraGlobalKeys.contains(where: { $0.name.lowercased() == lowered }) {
            return true
        }
        if try catalog.supports(key, action: action) { return true }
        guard loose, let service = try catalog.resources(of: action.service) else { return false }
        var names = action.conditionKeys
        for use in action.resourceTypes { names += service.resourceType(named: use.type)?.conditionKeys ?? [] }
        return names.contains { looseMatch(pattern: $0.lowercased(), key: lowered) }
    }

    /// Whether the key's service documents it only in a spelling the catalog's matcher misses.
    static func needsLooseMatch(_ key: String, catalog: Catalog) throws(CatalogError) -> Bool {
        guard let colon = key.firstIndex(of: ":"), let service = try catalog.resources(of: String(key[..<colon])) else { return false }
        return service.conditionKey(named: key) == nil && keyDefinition(key, in: service) != nil
    }

    /// The tag keys only the actions that document them support.
    enum TagKey: String {
        case requestTag = "aws:RequestTag/"
        case resourceTag = "aws:ResourceTag/"
        case tagKeys = "aws:TagKeys"

        init?(_ key: String) {
            let lowered = key.lowercased()
            if lowered == "aws:tagkeys" { self = .tagKeys; return }
            for candidate in [TagKey.requestTag, .resourceTag] {
                let prefix = candidate.rawValue.lowercased()
                if lowered.hasPrefix(prefix) && lowered.count > prefix.count { self = candidate; return }
            }
            return nil
        }
    }

    /// Whether the key is one of the multivalued keys the IAM User Guide documents (global keys
    /// typed `ArrayOf...`, and Amazon Cognito's `amr` claim).
    static func isDocumentedMultivalued(_ key: String, resolved: Key) -> Bool {
        if case .global(let definition) = resolved, definition.isMultiValued { return true }
        return key.lowercased() == "cognito-identity.amazonaws.com:amr"
    }

    // MARK: - Statements

    /// The catalog actions a statement's `Action` names (wildcards expanded), and whether it
    /// names every action (`*`), which is not expanded. `nil` for `NotAction` statements and
    /// statements without actions.
    struct Actions {
        var definitions: [ActionDefinition]
        var everyAction: Bool
    }

    static func actions(of statement: StatementView, context: LintContext) throws -> Actions? {
        guard let written = statement.actions, !written.isEmpty else { return nil }
        var seen: Set<String> = []
        var definitions: [ActionDefinition] = []
        var everyAction = false
        for action in written {
            let name = action.value
            if name == "*" || name == "*:*" {
                everyAction = true
                continue
            }
            let matched = try context.actions(matching: name)
            if written.count == 1 {
                definitions = matched
            } else {
                // Catalog names are canonical: the same action has the same name.
                for definition in matched where seen.insert(definition.fullName).inserted { definitions.append(definition) }
            }
        }
        return Actions(definitions: definitions, everyAction: everyAction)
    }

    /// Whether the statement tests that `key` is present (`"Null": {key: "false"}`).
    static func hasPresenceCheck(_ statement: StatementView, key: String) -> Bool {
        statement.clauses(forKey: key).contains { clause in
            Operator(clause.operator.value).base == "Null" && clause.values.contains { $0.value.lowercased() == "false" }
        }
    }

    /// The statement's Principal, when it names service principals only (`{"Service": ...}`).
    static func servicePrincipals(of statement: StatementView) -> [String]? {
        guard let entries = statement.principal?.mappingEntries, !entries.isEmpty,
              entries.allSatisfy({ $0.key.scalarText == "Service" }) else { return nil }
        let names = entries.flatMap { StatementView.strings($0.value).map(\.value) }
        return names.isEmpty ? nil : names
    }

    // MARK: - Messages

    /// `'s3:GetObject', 's3:PutObject' and 3 more`.
    static func names(_ names: [String], limit: Int = 3) -> String {
        guard names.count > limit else { return names.quotedList() }
        return names.prefix(limit).map { "'\($0)'" }.joined(separator: ", ") + " and \(names.count - limit) more"
    }

    /// The values of a clause with their JSON kinds, from the raw node (a scalar or an array of them).
    static func rawValues(_ node: SourceNode) -> [SourceNode] {
        switch node.content {
        case .scalar: return [node]
        case .sequence(let items): return items
        case .mapping: return []
        }
    }

    /// Whether a value holds a policy variable (`${aws:username}`); the variable rules check those.
    static func hasVariable(_ value: String) -> Bool { value.contains("${") }
}

// MARK: - Value formats

extension ConditionSupport {
    static func isBoolean(_ value: String) -> Bool {
        value.equalsIgnoringCase("true") || value.equalsIgnoringCase("false")
    }

    /// An integer or decimal number, optionally signed.
    static func isNumber(_ value: String) -> Bool {
        var rest = Substring(value)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit) }
        return true
    }

    static func number(_ value: String) -> Double? { isNumber(value) ? Double(value) : nil }

    enum DateForm { case iso8601, epoch }

    /// A W3C/ISO 8601 date or date-time (`2026-01-31`, `2026-01-31T12:00:00Z`,
    /// `2026-01-31T12:00:00.5+01:00`), or epoch seconds.
    static func dateForm(_ value: String) -> DateForm? {
        if !value.isEmpty && value.allSatisfy(\.isASCIIDigit) { return value.count == 4 ? .iso8601 : .epoch }
        let chars = Array(value.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= chars.count else { return nil }
            var result = 0
            for offset in 0..<count {
                let char = chars[index + offset]
                guard (48...57).contains(char) else { return nil }
                result = result * 10 + Int(char - 48)
            }
            index += count
            return result
        }
        func accept(_ char: Character) -> Bool {
            guard index < chars.count, chars[index] == char.asciiValue else { return false }
            index += 1
            return true
        }
        guard digits(4) != nil else { return nil }
        if index == chars.count { return .iso8601 }
        guard accept("-"), let month = digits(2), (1...12).contains(month) else { return nil }
        if index == chars.count { return .iso8601 }
        guard accept("-"), let day = digits(2), (1...31).contains(day) else { return nil }
        if index == chars.count { return .iso8601 }
        guard accept("T") || accept("t"), let hour = digits(2), hour <= 24, accept(":"), let minute = digits(2), minute <= 59 else {
            return nil
        }
        if accept(":") {
            guard let second = digits(2), second <= 60 else { return nil }
            if accept(".") {
                let start = index
                while index < chars.count, (48...57).contains(chars[index]) { index += 1 }
                guard index > start else { return nil }
            }
        }
        if index == chars.count { return .iso8601 }
        if accept("Z") || accept("z") { return index == chars.count ? .iso8601 : nil }
        guard accept("+") || accept("-"), let offsetHours = digits(2), offsetHours <= 14 else { return nil }
        if index == chars.count { return .iso8601 }
        _ = accept(":")
        guard let offsetMinutes = digits(2), offsetMinutes <= 59, index == chars.count else { return nil }
        return .iso8601
    }

    static func isBase64(_ value: String) -> Bool {
        let chars = Array(value.utf8)
        guard !chars.isEmpty, chars.count % 4 == 0 else { return false }
        var padding = 0
        for (offset, char) in chars.enumerated() {
            if char == UInt8(ascii: "=") {
                padding += 1
                guard offset >= chars.count - 2 else { return false }
                continue
            }
            guard padding == 0 else { return false }
            let valid = (65...90).contains(char) || (97...122).contains(char) || (48...57).contains(char)
                || char == UInt8(ascii: "+") || char == UInt8(ascii: "/")
            guard valid else { return false }
        }
        return true
    }

    /// An IPv4 or IPv6 address with an optional prefix length, as the IP address operators take it.
    struct CIDR: Equatable {
        var bytes: [UInt8]
        var prefix: Int
        var isV4: Bool { bytes.count == 4 }
        var hadPrefix: Bool

        init?(_ text: String) {
            let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard let addressPart = parts.first else { return nil }
            let address = String(addressPart)
            if let v4 = Self.parseV4(address) {
                bytes = v4
            } else if let v6 = Self.parseV6(address) {
                bytes = v6
            } else {
                return nil
            }
            let width = bytes.count * 8
            if parts.count == 2 {
                guard let length = Int(parts[1]), parts[1].allSatisfy(\.isASCIIDigit), !parts[1].isEmpty,
                      (0...width).contains(length) else { return nil }
                prefix = length
                hadPrefix = true
            } else {
                prefix = width
                hadPrefix = false
            }
        }

        static func parseV4(_ text: String) -> [UInt8]? {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4 else { return nil }
            var result: [UInt8] = []
            for part in parts {
                guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let value = Int(part), value <= 255 else {
                    return nil
                }
                result.append(UInt8(value))
            }
            return result
        }

        static func parseV6(_ text: String) -> [UInt8]? {
            guard text.contains(":") else { return nil }
            var halves: [String] = []
            var rest = Substring(text)
            while let range = rest.firstRange(of: "::") {
                halves.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            }
            halves.append(String(rest))
            guard halves.count <= 2 else { return nil }
            func groups(_ part: String) -> [UInt16]? {
                if part.isEmpty { return [] }
                var result: [UInt16] = []
                let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
                for (offset, piece) in pieces.enumerated() {
                    if offset == pieces.count - 1, piece.contains("."), let v4 = parseV4(String(piece)) {
                        result.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                        result.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                        continue
                    }
                    guard !piece.isEmpty, piece.count <= 4, let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
                return result
            }
            guard let head = groups(halves[0]) else { return nil }
            var all = head
            if halves.count == 2 {
                guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
                all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
            }
            guard all.count == 8 else { return nil }
            return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
        }

        /// The same range with the bits past the prefix cleared.
        var normalized: CIDR {
            var copy = self
            for index in copy.bytes.indices {
                let bitsBefore = index * 8
                if bitsBefore >= prefix { copy.bytes[index] = 0; continue }
                let keep = min(8, prefix - bitsBefore)
                if keep < 8 { copy.bytes[index] &= UInt8(truncatingIfNeeded: 0xff << (8 - keep)) }
            }
            return copy
        }

        var hasHostBits: Bool { normalized.bytes != bytes }

        var text: String {
            let address: String
            if isV4 {
                address = bytes.map(String.init).joined(separator: ".")
            } else {
                var groups: [UInt16] = []
                for index in stride(from: 0, to: 16, by: 2) { groups.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])) }
                // The longest run of zero groups (two or more) becomes "::".
                var best = (start: -1, length: 0), current = (start: -1, length: 0)
                for (index, group) in groups.enumerated() {
                    if group == 0 {
                        current = current.start < 0 ? (index, 1) : (current.start, current.length + 1)
                        if current.length > best.length { best = current }
                    } else {
                        current = (-1, 0)
                    }
                }
                let hex = groups.map { String($0, radix: 16) }
                if best.length >= 2 {
                    let head = hex[..<best.start].joined(separator: ":")
                    let tail = hex[(best.start + best.length)...].joined(separator: ":")
                    address = head + "::" + tail
                } else {
                    address = hex.joined(separator: ":")
                }
            }
            return hadPrefix ? "\(address)/\(prefix)" : address
        }

        /// Whether every address of the range lies in `block`.
        func isInside(_ block: CIDR) -> Bool {
            guard bytes.count == block.bytes.count, prefix >= block.prefix else { return false }
            return CIDR.withPrefix(self, block.prefix).normalized.bytes == block.normalized.bytes
        }

        private static func withPrefix(_ cidr: CIDR, _ prefix: Int) -> CIDR {
            var copy = cidr
            copy.prefix = prefix
            return copy
        }

        /// Ranges that never appear as the source of a request from the internet: RFC 1918,
        /// loopback, link-local, shared address space (RFC 6598), IPv6 unique-local and link-local.
        static let privateBlocks: [CIDR] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
                                            "100.64.0.0/10", "fc00::/7", "fe80::/10", "::1/128"].compactMap { CIDR($0) }

        var isPrivate: Bool { Self.privateBlocks.contains { isInside($0) } }
    }
}

// MARK: - Key names

extension ConditionSupport {
    /// The documented key a key names without its variable part (`aws:ResourceTag`,
    /// `s3:ExistingObjectTag/`), if it is one: the tag (or other) key is missing.
    static func keyMissingVariablePart(_ key: String, catalog: Catalog) throws(CatalogError) -> String? {
        let lowered = key.lowercased()
        guard let colon = lowered.firstIndex(of: ":") else { return nil }
        let prefix = String(lowered[..<colon])
        let names: [String]
        if prefix == "aws" {
            names = GlobalConditionKeys.all.map(\.name)
        } else if let service = try catalog.resources(of: prefix) {
            names = service.conditionKeys.map(\.name)
        } else {
            return nil
        }
        for name in names {
            guard let stem = variableStem(of: name.lowercased()) else { continue }
            let bare = stem.hasSuffix("/") || stem.hasSuffix(":") ? String(stem.dropLast()) : stem
            if lowered == stem || lowered == bare { return name }
        }
        return nil
    }

    /// `aws:requesttag/` for `aws:requesttag/${tagkey}`; `nil` for names without a variable part.
    static func variableStem(of pattern: String) -> String? {
        if let variable = pattern.firstIndex(where: { $0 == "$" || $0 == "<" }) { return String(pattern[..<variable]) }
        if pattern.hasSuffix("/tag-key") { return String(pattern.dropLast("tag-key".count)) }
        if pattern.hasSuffix("/") { return pattern }
        return nil
    }

    /// Documented key names close to `key`, the variable part of a pattern filled with what
    /// follows the key's last `/` (`aws:ResourceTags/team` is close to `aws:ResourceTag/team`).
    static func closeKeys(to key: String, in names: [String]) -> [String] {
        let suffix = key.lastIndex(of: "/").map { String(key[key.index(after: $0)...]) }
        let candidates = names.map { name -> String in
            guard let stem = variableStem(of: name.lowercased()) else { return name }
            let written = String(name.prefix(stem.count))
            return suffix.map { written + $0 } ?? name
        }
        return Suggestions.closest(to: key, in: candidates, limit: 1, matchAffixes: false)
    }
}

// MARK: - What an absent key does to a statement

extension ConditionSupport {
    /// What a statement does with the actions whose request lacks a condition's key.
    enum AbsentKeyEffect {
        /// Allow, condition false: the statement grants them nothing.
        case grantsNothing
        /// Allow, condition true: this condition does not restrict them.
        case doesNotRestrict
        /// Deny, condition false: the statement never denies them.
        case neverDenies
        /// Deny, condition true, and no other condition: the statement denies them unconditionally.
        case alwaysDenies
        /// Deny, condition true, other conditions decide: a Deny that covers more, written on purpose
        /// (`StringNotEquals` on aws:RequestTag and aws:ResourceTag together, for create and other actions).
        case othersDecide

        func text(plural: Bool) -> String {
            let them = plural ? "them" : "it"
            switch self {
            case .grantsNothing: return "the condition is always false, so the statement grants \(them) nothing"
            case .doesNotRestrict: return "the condition always holds, so it does not restrict \(them)"
            case .neverDenies: return "the condition is always false, so the statement never denies \(them)"
            case .alwaysDenies: return "the condition always holds, so the statement denies \(them) whatever the request"
            case .othersDecide: return "the condition always holds, and the statement's other conditions decide"
            }
        }
    }

    /// `nil` when the `Null` test's values do not say.
    static func absentKeyEffect(_ op: Operator, values: [String], statement: StatementView) -> AbsentKeyEffect? {
        guard let outcome = outcomeWhenAbsent(op, values: values) else { return nil }
        switch (statement.isDeny, outcome) {
        case (false, false): return .grantsNothing
        case (false, true): return .doesNotRestrict
        case (true, false): return .neverDenies
        case (true, true): return statement.clauses.count > 1 ? .othersDecide : .alwaysDenies
        }
    }
}

// MARK: - Types and wildcards

extension ConditionSupport {
    /// The element type of a key type: `String` for `ArrayOfString`.
    static func elementType(_ type: String) -> String {
        type.hasPrefix("ArrayOf") ? String(type.dropFirst("ArrayOf".count)) : type
    }

    /// Whether the text has `*` or `?` outside policy variables (`${*}` is a literal star).
    static func hasWildcard(_ text: some StringProtocol) -> Bool {
        var depth = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{") && previous == UInt8(ascii: "$") {
                depth += 1
            } else if byte == UInt8(ascii: "}") && depth > 0 {
                depth -= 1
            } else if depth == 0 && (byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?")) {
                return true
            }
            previous = byte
        }
        return false
    }

    /// The colon-separated fields of an ARN (at most six, the last holding the rest), ignoring
    /// colons inside policy variables.
    static func arnFields(_ text: String) -> [Substring] {
        var fields: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var depth = 0
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex, fields.count < 5 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") && previous == UInt8(ascii: "$") {
                depth += 1
            } else if byte == UInt8(ascii: "}") && depth > 0 {
                depth -= 1
            } else if byte == UInt8(ascii: ":") && depth == 0 {
                fields.append(text[start..<index])
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        fields.append(text[start...])
        return fields
    }
}
