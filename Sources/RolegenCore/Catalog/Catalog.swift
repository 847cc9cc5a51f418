import Foundation

/// What AWS offers: every service, action, resource type and condition key, read from a
/// catalog file (the bundled one, built from a pinned dataset, or one a user imported).
///
/// Loading reads the file and its index; a service's section is parsed the first time it is
/// asked for, so a run pays for the services it uses, not for all 445.
package final class Catalog: @unchecked Sendable {
    // Mutable state is the parse cache, guarded by `lock`; everything else is immutable.
    package let metadata: CatalogFile.Metadata
    package let path: String
    /// Service prefixes, sorted.
    package let prefixes: [String]
    private let file: MappedFile
    private let bodyStart: Int
    private let index: [String: CatalogFile.IndexEntry]
    private let lock = NSLock()
    private var parsed: [String: ServiceDefinition] = [:]
    private var keySets: [String: KeySet] = [:]

    /// The largest catalog file read (the bundled one is about 4 MiB).
    package static let maxFileBytes = 64 << 20

    private init(path: String, file: MappedFile, metadata: CatalogFile.Metadata, entries: [CatalogFile.IndexEntry], bodyStart: Int) {
        self.path = path
        self.file = file
        self.metadata = metadata
        self.bodyStart = bodyStart
        var index: [String: CatalogFile.IndexEntry] = [:]
        for entry in entries { index[entry.prefix.lowercased()] = entry }
        self.index = index
        self.prefixes = entries.map(\.prefix).sorted()
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

    /// Where the catalog bundled with rolegen is.
    package static var bundledPath: String? {
        Bundle.module.path(forResource: "catalog", ofType: "rolegen")
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

    /// The service with this prefix (without case), parsed on first use.
    package func service(_ prefix: String) throws(CatalogError) -> ServiceDefinition? {
        let key = prefix.lowercased()
        guard let entry = index[key] else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let cached = parsed[key] { return cached }
        let start = bodyStart + entry.offset
        switch CatalogFile.parseSection(file[start..<(start + entry.length)][...], entry: entry) {
        case .success(let service):
            parsed[key] = service
            return service
        case .failure(let reason):
            throw CatalogError(path: path, reason: reason.message)
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

    /// An action by name, without case: `S3:getobject` finds `s3:GetObject`.
    package func lookup(_ action: String) throws(CatalogError) -> ActionLookup {
        let parts = action.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return .malformed(action) }
        let (prefix, name) = (String(parts[0]), String(parts[1]))
        guard let service = try service(prefix) else {
            let near = Suggestions.closest(to: prefix, in: prefixes, limit: 3)
            var suggestions = near.map { "\($0):\(name)" }
            // A misspelt prefix with a real action name is more useful completed.
            if let first = near.first, let found = try self.service(first)?.action(named: name) {
                suggestions = [found.fullName]
            }
            return .unknownService(prefix, suggestions: suggestions)
        }
        if let found = service.action(named: name) { return .found(found) }
        let near = Suggestions.closest(to: name, in: service.actions.map(\.name), limit: 3)
        return .unknownAction(action, suggestions: near.map { "\(service.prefix):\($0)" })
    }

    /// Every action a pattern names: `s3:Get*`, `sagemaker:*Training*`, `*`, `*:Describe*`.
    /// IAM matches action names without case; the result is sorted and free of duplicates.
    package func expand(_ pattern: String) throws(CatalogError) -> [ActionDefinition] {
        let lowered = pattern.lowercased()
        if lowered == "*" {
            var all: [ActionDefinition] = []
            for prefix in prefixes { all += try service(prefix)?.actions ?? [] }
            return all
        }
        let parts = lowered.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return [] }
        var matches: [ActionDefinition] = []
        for prefix in prefixes where PolicySafety.globMatches(pattern: String(parts[0]), text: prefix.lowercased()) {
            guard let service = try service(prefix) else { continue }
            matches += service.actions.filter { PolicySafety.globMatches(pattern: String(parts[1]), text: $0.name.lowercased()) }
        }
        return matches
    }

    // MARK: - Resources and condition keys

    /// The resource types of the actions' services that a resource (concrete or wildcarded) can name.
    package func resourceTypes(matching resource: String, in service: ServiceDefinition) -> [ResourceTypeDefinition] {
        let siblings = service.resourceTypes.flatMap(\.arnFormats)
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
            prefixesToSearch = prefixes.filter { $0.lowercased() == arn.service.lowercased() }
        }
        var result: [(service: String, type: ResourceTypeDefinition)] = []
        for prefix in prefixesToSearch {
            guard let service = try service(prefix) else { continue }
            result += resourceTypes(matching: resource, in: service).map { (prefix, $0) }
        }
        return result
    }

    /// Every condition key the action supports: its own, those of its resource types, and the
    /// global keys that apply to every action. Types come from the service's key table.
    package func conditionKeys(of action: ActionDefinition) throws(CatalogError) -> [ConditionKeyDefinition] {
        guard let service = try service(action.service) else { return [] }
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
        let name = action.fullName.lowercased()
        lock.lock()
        let cached = keySets[name]
        lock.unlock()
        if let cached { return cached }
        guard let service = try service(action.service) else { return KeySet([]) }
        var names = action.conditionKeys
        for use in action.resourceTypes { names += service.resourceType(named: use.type)?.conditionKeys ?? [] }
        let set = KeySet(names)
        lock.lock()
        keySets[name] = set
        lock.unlock()
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
