package import RolegenCore

/// How catalog entries read, for people and for scripts.
package enum CatalogText {
    package static func suggestion(_ candidates: [String]) -> String {
        guard !candidates.isEmpty else { return "" }
        return "; did you mean \(candidates.quotedList(conjunction: "or"))?"
    }

    package static func describe(_ action: ActionDefinition, in service: ServiceResources, keys: [ConditionKeyDefinition]) -> String {
        var out = "\(action.fullName) (\(service.name))\n"
        out += "  access level: \(action.accessLevel.rawValue)\n"
        if action.resourceTypes.isEmpty {
            out += "  resource types: none (the action only works with Resource \"*\")\n"
        } else {
            out += "  resource types:\n"
            let width = action.resourceTypes.map { $0.type.count + ($0.isRequired ? 11 : 0) }.max() ?? 0
            for use in action.resourceTypes {
                let label = use.type + (use.isRequired ? " (required)" : "")
                let formats = service.resourceType(named: use.type)?.arnFormats ?? []
                out += "    " + label.padding(to: width) + "  " + formats.joined(separator: "\n    " + "".padding(to: width) + "  ") + "\n"
            }
        }
        if keys.isEmpty {
            out += "  condition keys: none besides the global aws: keys\n"
        } else {
            out += "  condition keys (besides the global aws: keys):\n"
            let width = keys.map(\.name.count).max() ?? 0
            for key in keys { out += "    " + key.name.padding(to: width) + "  " + key.type + "\n" }
        }
        out += "  dependent actions: " + (action.dependentActions.isEmpty ? "none" : action.dependentActions.joined(separator: ", ")) + "\n"
        return out
    }

    package static func json(_ action: ActionDefinition, in service: ServiceResources, keys: [ConditionKeyDefinition]) -> JSONValue {
        .object([
            ("action", .string(action.fullName)),
            ("service", .string(service.name)),
            ("access_level", .string(action.accessLevel.rawValue)),
            ("resource_types", .array(action.resourceTypes.map { use in
                .object([
                    ("name", .string(use.type)),
                    ("required", .bool(use.isRequired)),
                    ("arn_formats", .array((service.resourceType(named: use.type)?.arnFormats ?? []).map(JSONValue.string))),
                ])
            })),
            ("condition_keys", .array(keys.map { .object([("name", .string($0.name)), ("type", .string($0.type))]) })),
            ("dependent_actions", .array(action.dependentActions.map(JSONValue.string))),
        ])
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    package func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
