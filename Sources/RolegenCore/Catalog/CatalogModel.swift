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

/// What a service defines besides its actions: its resource types and condition keys. The
/// catalog reads these for a service before (and often instead of) all of its actions.
package struct ServiceResources: Sendable, Equatable {
    package var prefix: String
    package var name: String
    package let resourceTypes: [ResourceTypeDefinition]
    package let conditionKeys: [ConditionKeyDefinition]
    /// Every ARN format of the service: a resource matches a type only if no more specific
    /// format of a sibling type claims it. Kept, since every resource check needs it.
    package let arnFormats: [String]

    package init(prefix: String, name: String, resourceTypes: [ResourceTypeDefinition], conditionKeys: [ConditionKeyDefinition]) {
        self.prefix = prefix
        self.name = name
        self.resourceTypes = resourceTypes
        self.conditionKeys = conditionKeys
        self.arnFormats = resourceTypes.flatMap(\.arnFormats)
    }

    package static func == (lhs: ServiceResources, rhs: ServiceResources) -> Bool {
        (lhs.prefix, lhs.name, lhs.resourceTypes, lhs.conditionKeys) == (rhs.prefix, rhs.name, rhs.resourceTypes, rhs.conditionKeys)
    }

    package func resourceType(named name: String) -> ResourceTypeDefinition? {
        resourceTypes.first { $0.name == name }
    }

    /// The key of this name, without case; an exact name wins over a pattern such as
    /// `aws:RequestTag/${TagKey}`. Compares bytes in place: a service's keys are read on every
    /// run, so building an index for each would cost more than the few lookups most runs make.
    package func conditionKey(named name: String) -> ConditionKeyDefinition? {
        if let exact = conditionKeys.first(where: { $0.name.equalsIgnoringCase(name) }) { return exact }
        let lowered = name.lowercased()
        return conditionKeys.first { key in
            key.name.utf8.contains { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "<") }
                && ConditionKeyDefinition.matches(pattern: key.name.lowercased(), key: lowered)
        }
    }
}

/// One service of the catalog: its actions, resource types and condition keys.
package struct ServiceDefinition: Sendable, Equatable {
    package var resources: ServiceResources
    /// Sorted by lower-cased name.
    package var actions: [ActionDefinition]
    /// Lower-cased action name → index in `actions`, for lookups without case.
    private var actionIndex: [String: Int] = [:]

    package var prefix: String { resources.prefix }
    package var name: String {
        get { resources.name }
        set { resources.name = newValue }
    }
    package var resourceTypes: [ResourceTypeDefinition] { resources.resourceTypes }
    package var conditionKeys: [ConditionKeyDefinition] { resources.conditionKeys }

    /// The action of this name, without case.
    package func action(named name: String) -> ActionDefinition? {
        actionIndex[name.lowercased()].map { actions[$0] }
    }

    package func resourceType(named name: String) -> ResourceTypeDefinition? { resources.resourceType(named: name) }

    package func conditionKey(named name: String) -> ConditionKeyDefinition? { resources.conditionKey(named: name) }

    package static func == (lhs: ServiceDefinition, rhs: ServiceDefinition) -> Bool {
        (lhs.resources, lhs.actions) == (rhs.resources, rhs.actions)
    }

    package init(prefix: String, name: String, actions: [ActionDefinition], resourceTypes: [ResourceTypeDefinition],
                 conditionKeys: [ConditionKeyDefinition]) {
        self.init(resources: ServiceResources(prefix: prefix, name: name, resourceTypes: resourceTypes.sorted { $0.name < $1.name },
                                              conditionKeys: conditionKeys.sorted { $0.name < $1.name }),
                  sortedActions: actions.map { ($0.name.lowercased(), $0) }.sorted { $0.0 < $1.0 }.map(\.1))
    }

    /// - Parameter sortedActions: sorted by lower-cased name, as a catalog file keeps them.
    package init(resources: ServiceResources, sortedActions: [ActionDefinition]) {
        self.resources = resources
        self.actions = sortedActions
        for (index, action) in sortedActions.enumerated() { actionIndex[action.name.lowercased()] = index }
    }
}

/// An IAM action: `service:Name`.
/// A class, not a struct: the linter passes the same definitions through many lists and sets,
/// and a copy is then one reference count instead of one per field.
package final class ActionDefinition: Sendable, Equatable {
    package struct ResourceUse: Sendable, Equatable {
        package var type: String
        /// Whether the action needs this resource type (the reference's asterisk).
        package var isRequired: Bool

        package init(type: String, isRequired: Bool) {
            self.type = type
            self.isRequired = isRequired
        }
    }

    package let service: String
    package let name: String
    package let accessLevel: AccessLevel
    /// Empty when the action accepts no resource ARN (it only works with `Resource: "*"`).
    package let resourceTypes: [ResourceUse]
    /// Keys the action itself documents (resource-type keys are on the resource types).
    package let conditionKeys: [String]
    package let dependentActions: [String]

    package init(service: String, name: String, accessLevel: AccessLevel, resourceTypes: [ResourceUse],
                 conditionKeys: [String], dependentActions: [String]) {
        self.service = service
        self.name = name
        self.accessLevel = accessLevel
        self.resourceTypes = resourceTypes
        self.conditionKeys = conditionKeys
        self.dependentActions = dependentActions
        fullName = service + ":" + name
        lowercasedName = fullName.lowercased()
    }

    /// `service:Name`.
    package let fullName: String
    /// `fullName` lower-cased: IAM compares action names without case.
    package let lowercasedName: String

    package static func == (a: ActionDefinition, b: ActionDefinition) -> Bool {
        a === b || (a.fullName == b.fullName && a.accessLevel == b.accessLevel && a.resourceTypes == b.resourceTypes
                    && a.conditionKeys == b.conditionKeys && a.dependentActions == b.dependentActions)
    }
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
