/// Reads the statement blocks shared by templates and personas' `deny:` lists.
package struct StatementParser {
    package enum Origin {
        case template
        case personaDeny
    }

    package let sink: DiagnosticSink
    package let origin: Origin

    package static let keys = [
        "sid", "description", "effect", "actions", "not_actions", "access", "resources", "not_resources",
        "conditions", "guards", "when_guard", "unscoped_reason",
    ]

    /// Keys of template statements that a persona's `deny:` statements do not take.
    package static let templateOnlyKeys = ["guards", "when_guard", "access", "unscoped_reason"]

    package func parse(_ node: SourceNode) -> StatementTemplate? {
        let subject = origin == .template ? "a statement" : "a deny statement"
        let allowed = origin == .template ? Self.keys : Self.keys.filter { !Self.templateOnlyKeys.contains($0) }
        let failedBefore = sink.errorCount
        guard let reader = MappingReader(node, subject: subject, allowedKeys: allowed, sink: sink) else { return nil }

        let sid = reader.string("sid", required: true, hint: " (letters and digits, unique in the file)")
        if let sid, !isValidSid(sid.value) {
            sink.error(.schemaValue, "Sid '\(sid.value)' may contain only letters and digits (IAM's rule for Sids)",
                       at: sid.location)
        }
        var effect: Effect = origin == .personaDeny ? .deny : .allow
        if let effectText = reader.string("effect") {
            if let parsed = Effect(rawValue: effectText.value) {
                effect = parsed
            } else {
                sink.error(.schemaValue, "effect must be Allow or Deny, found '\(effectText.value)'"
                           + Suggestions.didYouMean(effectText.value, in: ["Allow", "Deny"]), at: effectText.location)
            }
        }
        if origin == .personaDeny && effect != .deny {
            sink.error(.schemaValue, "a persona's deny statements must have effect Deny; grant access through capability templates",
                       at: reader.keyLocation("effect") ?? node.location)
        }
        if origin == .personaDeny { effect = .deny }

        // Action, NotAction or an access-level selection: exactly one.
        let actionList = readActions(reader, key: "actions")
        let notActionList = readActions(reader, key: "not_actions")
        let access = reader.value("access").flatMap(parseAccess)
        let given = ["actions", "not_actions", "access"].filter(reader.has)
        if given.count > 1 {
            sink.error(.schemaConflict, "\(subject) has \(given.quotedList()); use one",
                       at: reader.keyLocation(given[1]) ?? node.location)
        } else if given.isEmpty {
            sink.error(.schemaMissingKey, "\(subject) needs 'actions' (or 'access' to select actions by access level; "
                       + "in a Deny statement, 'not_actions')", at: node.location)
        }
        if reader.has("access") && (reader.has("resources") || reader.has("not_resources")) {
            sink.error(.schemaConflict, "a statement with 'access' takes its resources from the catalog's ARN formats; "
                       + "remove 'resources' (use 'arn_names' to name parts of the ARN)",
                       at: reader.keyLocation("resources") ?? reader.keyLocation("not_resources"))
        }
        if notActionList != nil && effect == .allow {
            sink.error(.templateUnsafe,
                       "'not_actions' in an Allow statement grants every action not listed, across all of AWS; list the actions to allow",
                       at: reader.keyLocation("not_actions") ?? node.location)
        }

        let resourceList = readResources(reader, key: "resources")
        let notResourceList = readResources(reader, key: "not_resources")
        if resourceList != nil && notResourceList != nil {
            sink.error(.schemaConflict, "\(subject) has both 'resources' and 'not_resources'; use one",
                       at: reader.keyLocation("not_resources") ?? node.location)
        } else if !reader.has("resources") && !reader.has("not_resources") && !reader.has("access") {
            sink.error(.schemaMissingKey, "\(subject) needs 'resources'; write \"*\" only for actions that accept no resource",
                       at: node.location)
        }
        if notResourceList != nil && effect == .allow {
            sink.error(.templateUnsafe,
                       "'not_resources' in an Allow statement grants every resource not listed; list the resources to allow",
                       at: reader.keyLocation("not_resources") ?? node.location)
        }

        let conditions = reader.value("conditions").flatMap { parseConditions($0) } ?? []
        let guards = reader.value("guards").flatMap { parseGuardReferences($0) }
        let whenGuard = reader.string("when_guard")
        let description = reader.string("description")?.value
        let unscopedReason = reader.string("unscoped_reason")
        if let unscopedReason {
            if unscopedReason.value.trimmed.isEmpty {
                sink.error(.schemaValue, "'unscoped_reason' is empty; say why these calls name no resource", at: unscopedReason.location)
            } else if resourceList?.map(\.text) != ["*"] {
                sink.error(.schemaConflict, "'unscoped_reason' explains a Resource of \"*\"; this statement's resources are not just \"*\"",
                           at: unscopedReason.location)
            }
        }

        guard sink.errorCount == failedBefore, let sid else { return nil }
        return StatementTemplate(
            sid: sid, description: description, effect: effect,
            actions: actionList ?? notActionList ?? [], actionsAreExcluded: notActionList != nil,
            resources: resourceList ?? notResourceList ?? [], resourcesAreExcluded: notResourceList != nil,
            conditions: conditions, guards: guards, whenGuard: whenGuard, access: access,
            unscopedReason: unscopedReason.map { $0.value.split(whereSeparator: \.isWhitespace).joined(separator: " ") },
            location: node.location)
    }

    /// `access: {service: sagemaker, levels: [Read, List], resource_type: training-job, arn_names: {...}}`.
    private func parseAccess(_ node: SourceNode) -> AccessSelection? {
        guard let reader = MappingReader(node, subject: "'access'", allowedKeys: ["service", "levels", "resource_type", "arn_names"],
                                         sink: sink),
              let service = reader.string("service", required: true, hint: " (a service prefix, such as sagemaker)"),
              let levelNames = reader.strings("levels", required: true) else { return nil }
        var levels: [AccessLevel] = []
        for name in levelNames {
            guard let level = AccessLevel(name: name.value) else {
                let names = AccessLevel.allCases.map(\.rawValue)
                sink.error(.schemaValue, "unknown access level '\(name.value)'\(Suggestions.didYouMean(name.value, in: names)); "
                           + "levels are \(names.joined(separator: ", "))", at: name.location)
                return nil
            }
            levels.append(level)
        }
        if levels.isEmpty {
            sink.error(.schemaValue, "'levels' lists no access level", at: reader.keyLocation("levels"))
            return nil
        }
        var names: [(variable: Located<String>, value: Interpolated)] = []
        for (variable, valueNode) in reader.entries("arn_names") ?? [] {
            guard NodeReading.string(valueNode, what: "ARN name '\(variable.value)'", sink: sink) != nil,
                  let value = Interpolated.from(valueNode, sink: sink) else { continue }
            names.append((variable, value))
        }
        return AccessSelection(service: service, levels: levels, resourceType: reader.string("resource_type"),
                               arnNames: names, location: node.location)
    }

    private func readActions(_ reader: MappingReader, key: String) -> [Located<String>]? {
        guard let actions = reader.strings(key) else { return nil }
        if actions.isEmpty {
            sink.error(.schemaValue, "'\(key)' is empty", at: reader.keyLocation(key) ?? reader.node.location)
            return nil
        }
        for action in actions where !isWellFormedAction(action.value) {
            var message = "'\(action.value)' is not an action: expected SERVICE:ActionName, such as s3:GetObject"
            if action.value.contains("${") { message = "actions cannot contain references: '\(action.value)'" }
            sink.error(.schemaValue, message, at: action.location)
        }
        return actions
    }

    private func readResources(_ reader: MappingReader, key: String) -> [Interpolated]? {
        guard let node = reader.value(key) else { return nil }
        let items: [SourceNode]
        switch node.content {
        case .scalar: items = [node]
        case .sequence(let list): items = list
        case .mapping:
            sink.error(.schemaType, "expected a list of resources for '\(key)', found a mapping", at: node.location)
            return nil
        }
        if items.isEmpty {
            sink.error(.schemaValue, "'\(key)' is empty", at: node.location)
            return nil
        }
        var result: [Interpolated] = []
        for item in items {
            guard NodeReading.string(item, what: "an item of '\(key)'", sink: sink) != nil,
                  let text = Interpolated.from(item, sink: sink) else { continue }
            result.append(text)
        }
        return result
    }

    /// `{Operator: {key: value-or-list}}`.
    package func parseConditions(_ node: SourceNode) -> [ConditionTemplate]? {
        guard let operators = NodeReading.entries(node, what: "'conditions'", sink: sink) else { return nil }
        var result: [ConditionTemplate] = []
        for (operatorName, block) in operators {
            if !ConditionOperators.isValid(operatorName.value) {
                sink.error(.schemaValue,
                           "unknown condition operator '\(operatorName.value)'\(ConditionOperators.suggestion(for: operatorName.value))",
                           at: operatorName.location)
                continue
            }
            guard let keys = NodeReading.entries(block, what: "condition operator '\(operatorName.value)'", sink: sink) else {
                continue
            }
            if keys.isEmpty {
                sink.error(.schemaValue, "condition operator '\(operatorName.value)' has no keys", at: block.location)
            }
            for (key, valueNode) in keys {
                guard let keyText = Interpolated.parse(key.value, at: key.location).reported(to: sink),
                      let values = NodeReading.strings(valueNode, what: "condition key '\(key.value)'", sink: sink) else {
                    continue
                }
                if values.isEmpty {
                    sink.error(.schemaValue, "condition key '\(key.value)' has no values; a condition that lists nothing never matches",
                               at: valueNode.location)
                    continue
                }
                let parsedValues = values.compactMap { value in
                    Interpolated.parse(value.value, at: value.location).reported(to: sink)
                }
                result.append(ConditionTemplate(operatorName: operatorName, key: keyText, values: parsedValues,
                                                location: key.location))
            }
        }
        return result
    }

    package func parseGuardReferences(_ node: SourceNode) -> [GuardReference]? {
        guard let names = NodeReading.strings(node, what: "'guards'", sink: sink) else { return nil }
        return names.map { name in
            let parts = name.value.split(separator: "/", maxSplits: 1).map(String.init)
            return GuardReference(guardName: parts.first ?? "", form: parts.count > 1 ? parts[1] : nil, location: name.location)
        }
    }

    private func isValidSid(_ sid: String) -> Bool {
        !sid.isEmpty && sid.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }

    /// `*`, or `service:Action` where the action may hold `*` and `?` wildcards.
    package func isWellFormedAction(_ action: String) -> Bool {
        if action == "*" { return true }
        let parts = action.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let serviceOK = parts[0].allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "-" }
        let nameOK = parts[1].allSatisfy { $0.isLetter || $0.isASCIIDigit || $0 == "*" || $0 == "?" || $0 == "-" || $0 == "_" }
        return serviceOK && nameOK
    }
}
