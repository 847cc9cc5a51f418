/// Reads the statement blocks shared by templates and personas' `deny:` lists.
package struct StatementParser {
    package enum Origin {
        case template
        case personaDeny
    }

    package let sink: DiagnosticSink
    package let origin: Origin

    package static let keys = [
        "sid", "description", "effect", "actions", "not_actions", "resources", "not_resources",
        "conditions", "guards", "when_guard",
    ]

    package func parse(_ node: SourceNode) -> StatementTemplate? {
        let subject = origin == .template ? "a statement" : "a deny statement"
        let allowed = origin == .template ? Self.keys : Self.keys.filter { !["guards", "when_guard"].contains($0) }
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

        // Action or NotAction, exactly one.
        let actionList = readActions(reader, key: "actions")
        let notActionList = readActions(reader, key: "not_actions")
        if actionList != nil && notActionList != nil {
            sink.error(.schemaConflict, "\(subject) has both 'actions' and 'not_actions'; use one",
                       at: reader.keyLocation("not_actions") ?? node.location)
        } else if actionList == nil && notActionList == nil && !reader.has("actions") && !reader.has("not_actions") {
            sink.error(.schemaMissingKey, "\(subject) needs 'actions' (or, in a Deny statement, 'not_actions')", at: node.location)
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
        } else if !reader.has("resources") && !reader.has("not_resources") {
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

        guard sink.errorCount == failedBefore, let sid else { return nil }
        return StatementTemplate(
            sid: sid, description: description, effect: effect,
            actions: actionList ?? notActionList ?? [], actionsAreExcluded: notActionList != nil,
            resources: resourceList ?? notResourceList ?? [], resourcesAreExcluded: notResourceList != nil,
            conditions: conditions, guards: guards, whenGuard: whenGuard, location: node.location)
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
