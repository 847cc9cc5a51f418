/// What the catalog lets rolegen check in a template: that actions exist, that each resource is
/// one the statement's actions apply to, that each condition key is one the actions evaluate,
/// and what an `access:` selection stands for.
package final class CatalogChecks {
    package let catalog: Catalog
    package let sink: DiagnosticSink
    private let matcher = ARNFormatMatcher()
    /// Actions already looked up: templates name the same ones many times.
    private var found: [String: [ActionDefinition]] = [:]
    private var typeMatches: [TypeMatch: Bool] = [:]

    package init(catalog: Catalog, sink: DiagnosticSink) {
        self.catalog = catalog
        self.sink = sink
    }

    // MARK: - Actions

    /// The catalog's actions an action or pattern names; reports unknown ones with suggestions.
    /// A pattern that matches nothing is an error too: it grants nothing and is likely a typo.
    package func actions(named text: Located<String>) -> [ActionDefinition]? {
        if let cached = found[text.value] { return cached }
        let result = lookUp(text)
        if let result { found[text.value] = result }
        return result
    }

    private func lookUp(_ text: Located<String>) -> [ActionDefinition]? {
        do {
            if text.value.contains("*") || text.value.contains("?") {
                let matches = try catalog.expand(text.value)
                if matches.isEmpty {
                    sink.error(.actionNoMatch, "'\(text.value)' matches no action of the catalog", at: text.location)
                    return nil
                }
                return matches
            }
            switch try catalog.lookup(text.value) {
            case .found(let action):
                return [action]
            case .unknownService(let prefix, let suggestions):
                sink.error(.actionUnknown, "unknown service '\(prefix)' in action '\(text.value)'\(suggestion(suggestions))",
                           at: text.location)
            case .unknownAction(_, let suggestions):
                sink.error(.actionUnknown, "unknown action '\(text.value)'\(suggestion(suggestions))", at: text.location)
            case .malformed:
                sink.error(.actionUnknown, "'\(text.value)' is not an action: expected SERVICE:Action", at: text.location)
            }
        } catch {
            sink.report(error.diagnostic)
        }
        return nil
    }

    private func suggestion(_ candidates: [String]) -> String {
        candidates.isEmpty ? "" : "; did you mean \(candidates.quotedList(conjunction: "or"))?"
    }

    // MARK: - Access selections

    /// The actions an `access:` selection names and the resource strings (with references) it
    /// puts them on; `nil` after reporting an unknown service, resource type or ARN name.
    package func expand(_ access: AccessSelection) -> (actions: [ActionDefinition], resources: [Interpolated])? {
        let service: ServiceDefinition
        do {
            guard let found = try catalog.service(access.service.value) else {
                sink.error(.actionUnknown, "unknown service '\(access.service.value)'"
                           + Suggestions.didYouMean(access.service.value, in: catalog.prefixes), at: access.service.location)
                return nil
            }
            service = found
        } catch {
            sink.report(error.diagnostic)
            return nil
        }
        let atLevels = service.actions.filter { access.levels.contains($0.accessLevel) }
        guard let typeName = access.resourceType else {
            for name in access.arnNames {
                sink.error(.schemaValue, "'arn_names' needs a 'resource_type' whose ARN it names", at: name.variable.location)
            }
            let unscoped = atLevels.filter(\.resourceTypes.isEmpty)
            if unscoped.isEmpty {
                sink.error(.actionNoMatch, "no \(service.prefix) action at these levels works without a resource; "
                           + "name a 'resource_type' to select the others", at: access.location)
                return nil
            }
            return (unscoped, [Interpolated(literal: "*", at: access.location)])
        }
        guard let type = service.resourceType(named: typeName.value) else {
            sink.error(.schemaValue, "service '\(service.prefix)' has no resource type '\(typeName.value)'"
                       + Suggestions.didYouMean(typeName.value, in: service.resourceTypes.map(\.name)), at: typeName.location)
            return nil
        }
        let actions = atLevels.filter { $0.resourceTypes.contains { $0.type == type.name } }
        if actions.isEmpty {
            sink.error(.actionNoMatch, "no \(service.prefix) action at these levels applies to '\(type.name)'", at: access.location)
            return nil
        }
        var resources: [Interpolated] = []
        for format in type.arnFormats {
            guard let resource = fill(format, names: access.arnNames, at: access.location) else { return nil }
            resources.append(resource)
        }
        let variables = Set(type.arnFormats.flatMap(formatVariables))
        for name in access.arnNames where !variables.contains(name.variable.value) {
            sink.error(.schemaValue, "the ARN of '\(type.name)' has no part '\(name.variable.value)'"
                       + Suggestions.didYouMean(name.variable.value, in: variables) + "; its parts are "
                       + variables.sorted().joined(separator: ", "), at: name.variable.location)
            return nil
        }
        return (actions, resources)
    }

    /// `arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}` as a
    /// template string: `arn:${partition}:sagemaker:${region}:${account}:training-job/*`.
    private func fill(_ format: String, names: [(variable: Located<String>, value: Interpolated)], at location: SourceLocation) -> Interpolated? {
        var text = ""
        var rest = Substring(format)
        while let start = rest.firstRange(of: "${") {
            text += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            let variable = String(rest[start.upperBound..<end])
            switch variable {
            case "Partition": text += "${partition}"
            case "Region": text += "${region}"
            case "Account": text += "${account}"
            default: text += names.first { $0.variable.value == variable }?.value.text ?? "*"
            }
            rest = rest[rest.index(after: end)...]
        }
        text += rest
        return Interpolated.parse(text, at: location).reported(to: sink)
    }

    private func formatVariables(_ format: String) -> [String] {
        var result: [String] = []
        var rest = Substring(format)
        while let start = rest.firstRange(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            let name = String(rest[start.upperBound..<end])
            if !["Partition", "Region", "Account"].contains(name) { result.append(name) }
            rest = rest[rest.index(after: end)...]
        }
        return result
    }

    // MARK: - Resources

    /// In an Allow statement, each resource must be one some action applies to, each action must
    /// have a resource it applies to, and `"*"` belongs only to actions that accept no resource —
    /// or, with an `unscoped_reason`, to actions whose resource types are all optional.
    package func checkResources(
        actions: [ActionDefinition], resources: [(text: String, location: SourceLocation)], effect: Effect, sid: String,
        unscopedReason: String? = nil
    ) -> Bool {
        guard effect == .allow, !actions.isEmpty else { return true }
        let before = sink.errorCount
        let star = resources.first { $0.text == "*" }
        if let star {
            // "*" is for actions that take no resource, and for List actions whose resource types
            // are all optional (ListModelPackages works on "*"; scoped, only calls that name a package
            // match). Anything else can and must be scoped.
            let scoped = actions.filter { action in
                !action.resourceTypes.isEmpty && (action.resourceTypes.contains(where: \.isRequired)
                    || (action.accessLevel != .list && !(unscopedReason != nil && Self.mayBeUnscoped(action))))
            }
            for action in scoped {
                let formats = formats(of: action).prefix(2).joined(separator: ", ")
                let hint = Self.mayBeUnscoped(action) && action.accessLevel != .list
                    ? "; if some of its calls name no resource (its one resource type is optional), say why with 'unscoped_reason'" : ""
                sink.error(.resourceMismatch, "\(action.fullName) supports resource-level permissions; give the ARNs it needs "
                           + "(\(formats)) instead of \"*\"" + hint, at: star.location)
            }
            if scoped.isEmpty && resources.count > 1 && actions.allSatisfy(\.resourceTypes.isEmpty) {
                sink.error(.resourceMismatch, "statement '\(sid)' has \"*\" beside ARNs, which makes the ARNs pointless",
                           at: star.location)
            }
            return sink.errorCount == before
        }
        var used = Array(repeating: false, count: resources.count)
        for action in actions {
            if action.resourceTypes.isEmpty {
                sink.error(.resourceMismatch, "\(action.fullName) accepts no resource ARN, so on these resources it would never be "
                           + "allowed; put it in a statement of its own with Resource \"*\"", at: resources.first?.location)
                continue
            }
            guard let service = try? catalog.resources(of: action.service) else { continue }
            var applies = false
            for (index, resource) in resources.enumerated() {
                for use in action.resourceTypes where canName(resource.text, type: use.type, of: service) {
                    used[index] = true
                    applies = true
                }
            }
            if !applies {
                sink.error(.resourceMismatch, "none of the statement's resources is one \(action.fullName) applies to: it takes "
                           + action.resourceTypes.map(\.type).quotedList(conjunction: "or") + " ("
                           + formats(of: action).prefix(2).joined(separator: ", ") + ")", at: resources.first?.location)
            }
        }
        for (index, resource) in resources.enumerated() where !used[index] {
            sink.error(.resourceMismatch, "'\(resource.text)' is not a resource any action of statement '\(sid)' applies to; "
                       + "check the resource type (a bucket is not an object, a model is not a model package)", at: resource.location)
        }
        return sink.errorCount == before
    }

    /// Whether a resource can name a resource type. Remembered per pair: the actions of a
    /// statement share their types, so the same pair comes up once per action.
    private func canName(_ resource: String, type name: String, of service: ServiceResources) -> Bool {
        let key = TypeMatch(resource: resource, service: service.prefix, type: name)
        if let known = typeMatches[key] { return known }
        let siblings = service.arnFormats
        let result = service.resourceType(named: name)?.arnFormats.contains {
            matcher.canDenote(resource: resource, format: $0, siblings: siblings)
        } ?? false
        typeMatches[key] = result
        return result
    }

    private struct TypeMatch: Hashable {
        var resource: String
        var service: String
        var type: String
    }

    /// An action whose single resource type is optional can be called without naming one
    /// (`comprehend:DetectEntities` with the pre-trained model). Several optional types mean
    /// "one of these" in the reference (`s3:GetObject`: an object or an access point object), and
    /// never "none".
    static func mayBeUnscoped(_ action: ActionDefinition) -> Bool {
        action.resourceTypes.count == 1 && !action.resourceTypes[0].isRequired
    }

    private func formats(of action: ActionDefinition) -> [String] {
        guard let service = try? catalog.resources(of: action.service) else { return [] }
        return action.resourceTypes.flatMap { service.resourceType(named: $0.type)?.arnFormats ?? [] }
    }

    // MARK: - Condition keys

    /// The actions of the statement that do not evaluate `key`: a condition on a key an action
    /// never sends is useless, and with `Null: false` or a non-`IfExists` operator it makes the
    /// action impossible.
    package func actionsNotSupporting(_ key: String, in actions: [ActionDefinition]) -> [ActionDefinition] {
        actions.filter { action in (try? catalog.supports(key, action: action)) != true }
    }

    /// "; did you mean 'sagemaker:VpcSubnets'?" when `key` looks like a misspelling of a key the
    /// actions do evaluate, or of a global key; otherwise the empty string.
    package func keySuggestion(_ key: String, for actions: [ActionDefinition]) -> String {
        var names = GlobalConditionKeys.all.map(\.name)
        for action in actions {
            names += ((try? catalog.conditionKeys(of: action)) ?? []).map(\.name)
        }
        guard let near = Suggestions.closest(to: key, in: names, matchAffixes: false).first,
              near.lowercased() != key.lowercased() else { return "" }
        return "; did you mean '\(near)'?"
    }
}
