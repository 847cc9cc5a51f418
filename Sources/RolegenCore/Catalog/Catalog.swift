import Foundation

/// What AWS offers: every service, action, resource type and condition key, read from a
/// catalog file (the bundled one, built from a pinned dataset, or one a user imported).
///
/// Loading reads the file and its index; a service's section is read the first time it is
/// asked for, and an action's line is decoded only when that action is, so a run pays for the
/// actions it uses, not for all 20,000.
package final class Catalog: @unchecked Sendable {
    // Mutable state is the parse cache, guarded by `lock`; everything else is immutable.
    package let metadata: CatalogFile.Metadata
    package let path: String
    /// Service prefixes, sorted.
    package let prefixes: [String]
    private let file: MappedFile
    private let bodyStart: Int
    private let index: [String: CatalogFile.IndexEntry]
    private let lock = MemoLock()
    private var sections: [String: CatalogFile.Section] = [:]
    private var parsed: [String: ServiceDefinition] = [:]
    private var keySets: [String: KeySet] = [:]
    private var formatOwnersCache: FormatOwners?

    /// The largest catalog file read (the bundled one is about 4 MiB).
    package static let maxFileBytes = 64 << 20

    private init(path: String, file: MappedFile, metadata: CatalogFile.Metadata, entries: [CatalogFile.IndexEntry], bodyStart: Int) {
        self.path = path
        self.file = file
        self.metadata = metadata
        self.bodyStart = bodyStart
        // The index is sorted and lower-case (`CatalogFile.readIndex` checks).
        var index: [String: CatalogFile.IndexEntry] = [:]
        index.reserveCapacity(entries.count)
        for entry in entries { index[entry.prefix] = entry }
        self.index = index
        self.prefixes = entries.map(\.prefix)
    }

    /// Reads a catalog file, or says why it cannot be used.
    package static func load(path: String, fileSystem: any FileSystem) -> Result<Catalog, Diagnostic> {
        let location = SourceLocation(path: path)
        let file: MappedFile
        do {
            file = try fileSystem.mapFile(path, limit: maxFileBytes)
        } catch {
            return .failure(Diagnostic(.error, .catalogInvalid, "cannot read the catalog: \(error.reasonText)", at: location))
        }
        // Only the header and index are read now; they end with the first "\nend\n".
        let headerEnd = file.firstOffset(of: Array("\nend\n".utf8), limit: 1 << 20).map { $0 + 5 } ?? file.count
        switch CatalogFile.readIndex(file[0..<headerEnd], totalCount: file.count) {
        case .success(let (metadata, entries, bodyStart)):
            return .success(Catalog(path: path, file: file, metadata: metadata, entries: entries, bodyStart: bodyStart))
        case .failure(let reason):
            return .failure(Diagnostic(.error, .catalogInvalid, "not a usable catalog: \(reason.message)", at: location))
        }
    }

    /// Where the catalog bundled with rolegen is: `PREFIX/share/rolegen/catalog.rolegen` for an
    /// installed rolegen (`BundledLibrary`), else the resource directory SwiftPM puts beside the
    /// executable. Found directly where the platform says where the executable is, since
    /// `Bundle.module` costs a third of a millisecond of every run; `Bundle.module` otherwise.
    package static var bundledPath: String? {
        if let installed = BundledLibrary.installedCatalog { return installed }
        #if os(Linux)
        if let executable = BundledLibrary.executablePath, let slash = executable.lastIndex(of: "/") {
            let candidate = String(executable[..<slash]) + "/rolegen_RolegenCore.resources/catalog.rolegen"
            if access(candidate, R_OK) == 0 { return candidate }
        }
        #endif
        return Bundle.module.path(forResource: "catalog", ofType: "rolegen")
    }

    /// The bundled catalog, read from rolegen's own resources on the local file system.
    package static func bundled() -> Result<Catalog, Diagnostic> {
        let fileSystem = LocalFileSystem()
        guard let path = bundledPath else {
            return .failure(Diagnostic(.error, .catalogInvalid,
                                       "the bundled catalog is missing from rolegen's resources; give one with --catalog PATH",
                                       at: nil))
        }
        return load(path: path, fileSystem: fileSystem)
    }

    // MARK: - Services

    package func serviceName(_ prefix: String) -> String? { index[prefix.lowercased()]?.name }

    package func actionCount(_ prefix: String) -> Int? { index[prefix.lowercased()]?.actionCount }

    /// The service with this prefix (without case), with all its actions.
    package func service(_ prefix: String) throws(CatalogError) -> ServiceDefinition? {
        let key = prefix.lowercased()
        guard let section = try section(key) else { return nil }
        if let cached = lock.withLock({ parsed[key] }) { return cached }
        // Decoded outside the lock, so that threads decode different services at once; two that
        // race for the same service decode it twice and keep the first.
        switch section.definition() {
        case .success(let service):
            return lock.withLock {
                if let first = parsed[key] { return first }
                parsed[key] = service
                return service
            }
        case .failure(let reason):
            throw CatalogError(path: path, reason: reason.message)
        }
    }

    /// Which services define ARN formats for each ARN service field (`iam` formats are defined by
    /// iam and by sts, whose `root` type is an IAM ARN), and the resource types whose formats
    /// have a variable service field (AWS Backup's `${Vendor}`): found by scanning the file's `r`
    /// lines once, without decoding any service, so a question about one ARN reads the few
    /// services that can answer it.
    package struct FormatOwners: Sendable {
        /// Lower-cased ARN service field → catalog prefixes, in catalog order.
        package var byServiceField: [String: [String]] = [:]
        /// `prefix` + NUL + `type` of the types that any ARN may be.
        package var openTypes: Set<String> = []
    }

    private static let serviceLine = Array("service\t".utf8)

    package var formatOwners: FormatOwners {
        if let cached = lock.withLock({ formatOwnersCache }) { return cached }
        var owners = FormatOwners()
        file.withBytes { bytes in
            var position = bodyStart
            var prefix = ""
            guard let base = bytes.baseAddress else { return }
            while position < bytes.count {
                // memchr: a byte-at-a-time scan of the 4 MiB body cost a few milliseconds of
                // every run that checks an ARN.
                let end = memchr(base + position, 0x0A, bytes.count - position)
                    .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[position..<end])
                position = end + 1
                if line.first == UInt8(ascii: "s") && line.starts(with: Self.serviceLine) {
                    let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                    if fields.count > 1 { prefix = String(decoding: fields[1], as: UTF8.self) }
                } else if line.count > 2 && line[0] == UInt8(ascii: "r") && line[1] == 0x09 {
                    let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                    guard fields.count > 2 else { continue }
                    let type = String(decoding: fields[1], as: UTF8.self)
                    for format in fields[2].split(separator: 0x20) {
                        let parts = format.split(separator: UInt8(ascii: ":"), maxSplits: 3, omittingEmptySubsequences: false)
                        guard parts.count > 2 else { continue }
                        if parts[2].first == UInt8(ascii: "$") {
                            owners.openTypes.insert(prefix + "\u{0}" + type)
                            continue
                        }
                        let field = String(decoding: parts[2], as: UTF8.self).lowercased()
                        if owners.byServiceField[field]?.last != prefix { owners.byServiceField[field, default: []].append(prefix) }
                    }
                }
            }
        }
        lock.withLock { formatOwnersCache = owners }
        return owners
    }

    /// A service's resource types and condition keys, without decoding its actions.
    package func resources(of prefix: String) throws(CatalogError) -> ServiceResources? {
        try section(prefix.lowercased())?.resources
    }

    /// The section of a service (lower-cased prefix), read on first use.
    private func section(_ key: String) throws(CatalogError) -> CatalogFile.Section? {
        guard let entry = index[key] else { return nil }
        if let cached = lock.withLock({ sections[key] }) { return cached }
        let start = bodyStart + entry.offset
        switch CatalogFile.readSection(file[start..<(start + entry.length)], entry: entry) {
        case .success(let section):
            return lock.withLock {
                if let first = sections[key] { return first }
                sections[key] = section
                return section
            }
        case .failure(let reason):
            throw CatalogError(path: path, reason: reason.message)
        }
    }

    /// One action of a service (lower-cased prefix), decoding only its line.
    private func action(_ name: String, in section: CatalogFile.Section) throws(CatalogError) -> ActionDefinition? {
        guard let line = section.actionLine(named: name) else { return nil }
        switch section.action(at: line) {
        case .success(let action): return action
        case .failure(let reason): throw CatalogError(path: path, reason: reason.message)
        }
    }

    // MARK: - Actions

    package enum ActionLookup: Equatable {
        case found(ActionDefinition)
        /// The service prefix is unknown; suggestions are whole `service:Action` names or prefixes.
        case unknownService(String, suggestions: [String])
        case unknownAction(String, suggestions: [String])
        /// Not `service:Action` at all.
        case malformed(String)
    }

    /// An action by name, without case: `S3:getobject` finds `s3:GetObject`. Without
    /// `suggesting`, an unknown name comes back without suggestions, which cost far more than the
    /// lookup (the linter asks about thousands of names and suggests only where it reports).
    package func lookup(_ action: String, suggesting: Bool = true) throws(CatalogError) -> ActionLookup {
        let parts = action.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return .malformed(action) }
        let (prefix, name) = (String(parts[0]), String(parts[1]))
        guard let section = try section(prefix.lowercased()) else {
            guard suggesting else { return .unknownService(prefix, suggestions: []) }
            let near = Suggestions.closest(to: prefix, in: prefixes, limit: 3)
            var suggestions = near.map { "\($0):\(name)" }
            // A misspelt prefix with a real action name is more useful completed.
            if let first = near.first, let nearSection = try self.section(first.lowercased()),
               let found = try self.action(name, in: nearSection) {
                suggestions = [found.fullName]
            }
            return .unknownService(prefix, suggestions: suggestions)
        }
        // A service some caller already decoded whole answers from its index; others decode one line.
        let decoded = lock.withLock { parsed[section.resources.prefix.lowercased()] }
        if let decoded {
            if let found = decoded.action(named: name) { return .found(found) }
        } else if let found = try self.action(name, in: section) {
            return .found(found)
        }
        guard suggesting else { return .unknownAction(action, suggestions: []) }
        let near = Suggestions.closest(to: name, in: section.actionNames, limit: 3)
        return .unknownAction(action, suggestions: near.map { "\(section.resources.prefix):\($0)" })
    }

    /// Every action a pattern names: `s3:Get*`, `sagemaker:*Training*`, `*`, `*:Describe*`.
    /// IAM matches action names without case; the result is sorted and free of duplicates.
    package func expand(_ pattern: String) throws(CatalogError) -> [ActionDefinition] {
        if pattern == "*" {
            var all: [ActionDefinition] = []
            for prefix in prefixes { all += try service(prefix)?.actions ?? [] }
            return all
        }
        let parts = pattern.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return [] }
        let servicePattern = String(parts[0]), namePattern = String(parts[1])
        // A literal prefix names one service: no need to test all of them.
        let candidates = servicePattern.contains("*") || servicePattern.contains("?")
            ? prefixes.filter { PolicySafety.globMatches(pattern: servicePattern, text: $0, ignoringCase: true) }
            : [servicePattern.lowercased()]
        var matches: [ActionDefinition] = []
        for prefix in candidates {
            guard let service = try service(prefix) else { continue }
            matches += namePattern == "*" ? service.actions
                : service.actions.filter { PolicySafety.globMatches(pattern: namePattern, text: $0.name, ignoringCase: true) }
        }
        return matches
    }

    // MARK: - Resources and condition keys

    /// The resource types of the actions' services that a resource (concrete or wildcarded) can name.
    package func resourceTypes(matching resource: String, in service: ServiceResources) -> [ResourceTypeDefinition] {
        let siblings = service.arnFormats
        let matcher = ARNFormatMatcher()
        return service.resourceTypes.filter { type in
            type.arnFormats.contains { matcher.canDenote(resource: resource, format: $0, siblings: siblings) }
        }
    }

    /// The resource types of every service that a resource can name, with their services.
    package func resourceTypes(matching resource: String) throws(CatalogError) -> [(service: String, type: ResourceTypeDefinition)] {
        var prefixesToSearch = prefixes
        // An ARN names its service: only that one needs parsing.
        if case .success(let arn) = ARN.parse(resource), !arn.service.contains("*"), !arn.service.contains("?") {
            prefixesToSearch = prefixes.filter { $0 == arn.service.lowercased() }
        }
        var result: [(service: String, type: ResourceTypeDefinition)] = []
        for prefix in prefixesToSearch {
            guard let service = try resources(of: prefix) else { continue }
            result += resourceTypes(matching: resource, in: service).map { (prefix, $0) }
        }
        return result
    }

    /// Every condition key the action supports: its own, those of its resource types, and the
    /// global keys that apply to every action. Types come from the service's key table.
    package func conditionKeys(of action: ActionDefinition) throws(CatalogError) -> [ConditionKeyDefinition] {
        guard let service = try resources(of: action.service) else { return [] }
        var names = action.conditionKeys
        for use in action.resourceTypes {
            names += service.resourceType(named: use.type)?.conditionKeys ?? []
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0.lowercased()).inserted }.map { name in
            service.conditionKey(named: name) ?? GlobalConditionKeys.definition(of: name)
                ?? ConditionKeyDefinition(name: name, type: "String")
        }.sorted { $0.name < $1.name }
    }

    /// Whether a condition key written in a policy is one the action evaluates.
    package func supports(_ key: String, action: ActionDefinition) throws(CatalogError) -> Bool {
        if GlobalConditionKeys.appliesToEveryAction(key) { return true }
        return try supportedKeys(of: action).contains(key.lowercased())
    }

    /// An action's keys (its own and its resource types'), computed once per action.
    private func supportedKeys(of action: ActionDefinition) throws(CatalogError) -> KeySet {
        let name = action.lowercasedName
        if let cached = lock.withLock({ keySets[name] }) { return cached }
        guard let service = try resources(of: action.service) else { return KeySet([]) }
        var names = action.conditionKeys
        for use in action.resourceTypes { names += service.resourceType(named: use.type)?.conditionKeys ?? [] }
        let set = KeySet(names)
        lock.withLock { keySets[name] = set }
        return set
    }
}

/// A catalog section that cannot be parsed: the file is damaged.
package struct CatalogError: Error, Sendable, Equatable {
    package var path: String
    package var reason: String

    package var diagnostic: Diagnostic {
        Diagnostic(.error, .catalogInvalid, "the catalog is damaged: \(reason); import it again or reinstall rolegen",
                   at: SourceLocation(path: path))
    }
}

/// Condition key names for fast membership tests, without case: exact names in a set, and the
/// names with a variable part (`aws:RequestTag/${TagKey}`) as prefixes.
package struct KeySet: Sendable {
    private let exact: Set<String>
    private let prefixes: [String]

    package init(_ names: [String]) {
        var exact: Set<String> = []
        var prefixes: [String] = []
        for name in names.map({ $0.lowercased() }) {
            if let variable = name.firstIndex(where: { $0 == "$" || $0 == "<" }) {
                prefixes.append(String(name[..<variable]))
            } else {
                exact.insert(name)
            }
        }
        self.exact = exact
        self.prefixes = prefixes
    }

    /// Whether a lower-cased key is one of the names, or an instance of one with a variable part.
    package func contains(_ key: String) -> Bool {
        exact.contains(key) || prefixes.contains { key.hasPrefix($0) && key.count > $0.count }
    }
}
