/// How much an action can do, as the Service Authorization Reference classifies it.
package enum AccessLevel: String, Sendable, CaseIterable, Comparable {
    case list = "List"
    case read = "Read"
    case write = "Write"
    case tagging = "Tagging"
    case permissionsManagement = "Permissions management"

    /// The one-letter code of the catalog file.
    package var code: Character {
        switch self {
        case .list: "L"
        case .read: "R"
        case .write: "W"
        case .tagging: "T"
        case .permissionsManagement: "P"
        }
    }

    package init?(code: Character) {
        guard let level = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = level
    }

    /// Accepts `Read`, `read`, `permissions-management`, `Permissions management`.
    package init?(name: String) {
        let normalized = name.lowercased().replacingOccurrences("-", " ").replacingOccurrences("_", " ")
        guard let level = Self.allCases.first(where: { $0.rawValue.lowercased() == normalized }) else { return nil }
        self = level
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    package static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One service of the catalog: its actions, resource types and condition keys.
package struct ServiceDefinition: Sendable, Equatable {
    package var prefix: String
    package var name: String
    /// Sorted by lower-cased name.
    package var actions: [ActionDefinition]
    package var resourceTypes: [ResourceTypeDefinition]
    package var conditionKeys: [ConditionKeyDefinition]
    /// Lower-cased action name → index in `actions`, for lookups without case.
    private var actionIndex: [String: Int] = [:]

    /// The action of this name, without case.
    package func action(named name: String) -> ActionDefinition? {
        actionIndex[name.lowercased()].map { actions[$0] }
    }

    package static func == (lhs: ServiceDefinition, rhs: ServiceDefinition) -> Bool {
        (lhs.prefix, lhs.name, lhs.actions, lhs.resourceTypes, lhs.conditionKeys)
            == (rhs.prefix, rhs.name, rhs.actions, rhs.resourceTypes, rhs.conditionKeys)
    }

    /// - Parameter alreadySorted: the lists come from a catalog file, which keeps them sorted.
    package init(prefix: String, name: String, actions: [ActionDefinition], resourceTypes: [ResourceTypeDefinition],
                 conditionKeys: [ConditionKeyDefinition], alreadySorted: Bool = false) {
        self.prefix = prefix
        self.name = name
        if alreadySorted {
            self.actions = actions
            self.resourceTypes = resourceTypes
            self.conditionKeys = conditionKeys
        } else {
            self.actions = actions.map { ($0.name.lowercased(), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
            self.resourceTypes = resourceTypes.sorted { $0.name < $1.name }
            self.conditionKeys = conditionKeys.sorted { $0.name < $1.name }
        }
        for (index, action) in self.actions.enumerated() { actionIndex[action.name.lowercased()] = index }
    }

    package func resourceType(named name: String) -> ResourceTypeDefinition? {
        resourceTypes.first { $0.name == name }
    }

    package func conditionKey(named name: String) -> ConditionKeyDefinition? {
        let lowered = name.lowercased()
        return conditionKeys.first { ConditionKeyDefinition.matches(pattern: $0.name.lowercased(), key: lowered) }
    }
}

/// An IAM action: `service:Name`.
package struct ActionDefinition: Sendable, Equatable {
    package struct ResourceUse: Sendable, Equatable {
        package var type: String
        /// Whether the action needs this resource type (the reference's asterisk).
        package var isRequired: Bool

        package init(type: String, isRequired: Bool) {
            self.type = type
            self.isRequired = isRequired
        }
    }

    package var service: String
    package var name: String
    package var accessLevel: AccessLevel
    /// Empty when the action accepts no resource ARN (it only works with `Resource: "*"`).
    package var resourceTypes: [ResourceUse]
    /// Keys the action itself documents (resource-type keys are on the resource types).
    package var conditionKeys: [String]
    package var dependentActions: [String]

    package init(service: String, name: String, accessLevel: AccessLevel, resourceTypes: [ResourceUse],
                 conditionKeys: [String], dependentActions: [String]) {
        self.service = service
        self.name = name
        self.accessLevel = accessLevel
        self.resourceTypes = resourceTypes
        self.conditionKeys = conditionKeys
        self.dependentActions = dependentActions
    }

    /// `service:Name`.
    package var fullName: String { "\(service):\(name)" }
}

/// A resource type and the ARN formats that name it.
package struct ResourceTypeDefinition: Sendable, Equatable {
    package var name: String
    package var arnFormats: [String]
    package var conditionKeys: [String]

    package init(name: String, arnFormats: [String], conditionKeys: [String]) {
        self.name = name
        self.arnFormats = arnFormats
        self.conditionKeys = conditionKeys
    }
}

/// A condition key with its type (`String`, `ARN`, `Bool`, `ArrayOfString`, ...).
package struct ConditionKeyDefinition: Sendable, Equatable {
    package var name: String
    package var type: String

    package init(name: String, type: String) {
        self.name = name
        self.type = type
    }

    /// Whether the type holds several values (`ArrayOfString`, `ArrayOfARN`, ...).
    package var isMultiValued: Bool { type.hasPrefix("ArrayOf") }

    /// Whether a key written in a policy (`aws:RequestTag/team`) is an instance of a documented
    /// key (`aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`). Both lower-cased.
    package static func matches(pattern: String, key: String) -> Bool {
        if pattern == key { return true }
        guard let variable = pattern.firstIndex(where: { $0 == "$" || $0 == "<" }) else { return false }
        let prefix = pattern[..<variable]
        return key.hasPrefix(prefix) && key.count > prefix.count
    }
}
