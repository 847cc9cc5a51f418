import Foundation
package import RolegenCore

/// Checks a YAML document against one of rolegen's JSON Schemas, for the tests that every
/// bundled file fits its schema. Implements the draft-07 keywords rolegen's schemas use (type,
/// properties, additionalProperties, required, items, enum, const, pattern, anyOf,
/// if/then/else, propertyNames, minProperties, minimum); an unknown keyword is a problem, so
/// the schemas cannot outgrow this checker unnoticed. Problems name file:line:column and key,
/// so drift between the parsers and the schemas is found at once (check-jsonschema runs in CI
/// as the second opinion: scripts/ecosystem/check-schemas).
package struct SchemaValidator {
    package let schema: [String: Any]

    package init(schema: [String: Any]) {
        self.schema = schema
    }

    package init(json: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        self.init(schema: object)
    }

    private static let known: Set<String> = [
        "$schema", "title", "description", "type", "properties", "additionalProperties", "required", "items", "enum",
        "const", "pattern", "anyOf", "if", "then", "else", "not", "propertyNames", "minProperties", "minimum",
    ]

    /// Every problem, as `path:line:column: message`; empty when the document fits.
    package func problems(in node: SourceNode) -> [String] {
        var problems: [String] = []
        check(node, against: schema, at: "", into: &problems)
        return problems
    }

    private func check(_ node: SourceNode, against schema: [String: Any], at pointer: String, into problems: inout [String]) {
        func report(_ message: String, _ location: SourceLocation = node.location) {
            problems.append("\(location): \(message) (at \(pointer.isEmpty ? "/" : pointer))")
        }
        for keyword in schema.keys where !Self.known.contains(keyword) {
            report("the schema uses '\(keyword)', which SchemaValidator does not implement")
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            let actual = Self.type(of: node)
            let fits = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !fits { report("expected \(allowed.joined(separator: " or ")), found \(actual) \(node.kindDescription)") }
            if !fits { return }
        }
        if let values = schema["enum"] as? [Any] {
            let text = node.scalarText ?? ""
            if !values.contains(where: { "\($0)" == text }) {
                report("'\(text)' is not one of \(values.map { "\($0)" }.joined(separator: ", "))")
            }
        }
        if let value = schema["const"], "\(value)" != node.scalarText {
            report("expected \(value), found \(node.kindDescription)")
        }
        if let pattern = schema["pattern"] as? String, let text = node.scalarText,
           text.range(of: pattern, options: .regularExpression) == nil {
            report("'\(text)' does not match \(pattern)")
        }
        if let minimum = schema["minimum"] as? Int, let text = node.scalarText, let number = Int(text), number < minimum {
            report("\(number) is less than \(minimum)")
        }
        if let alternatives = schema["anyOf"] as? [[String: Any]] {
            let fitting = alternatives.contains { alternative in
                var nested: [String] = []
                check(node, against: alternative, at: pointer, into: &nested)
                return nested.isEmpty
            }
            if !fitting { report("fits none of the allowed shapes (found \(node.kindDescription))") }
        }
        if let condition = schema["if"] as? [String: Any] {
            var nested: [String] = []
            check(node, against: condition, at: pointer, into: &nested)
            if let branch = (nested.isEmpty ? schema["then"] : schema["else"]) as? [String: Any] {
                check(node, against: branch, at: pointer, into: &problems)
            }
        }
        if let negated = schema["not"] as? [String: Any] {
            var nested: [String] = []
            check(node, against: negated, at: pointer, into: &nested)
            if nested.isEmpty { report("matches a shape that is not allowed") }
        }
        switch node.content {
        case .mapping(let entries):
            checkMapping(node, entries, schema, pointer, &problems)
        case .sequence(let items):
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, item) in items.enumerated() { check(item, against: itemSchema, at: "\(pointer)/\(index)", into: &problems) }
            }
        case .scalar:
            break
        }
    }

    private func checkMapping(_ node: SourceNode, _ entries: [SourceNode.Entry], _ schema: [String: Any], _ pointer: String,
                              _ problems: inout [String]) {
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        let keys = entries.compactMap { $0.key.scalarText }
        for required in schema["required"] as? [String] ?? [] where !keys.contains(required) {
            problems.append("\(node.location): missing required key '\(required)' (at \(pointer.isEmpty ? "/" : pointer))")
        }
        if let minimum = schema["minProperties"] as? Int, entries.count < minimum {
            problems.append("\(node.location): needs at least \(minimum) key(s) (at \(pointer.isEmpty ? "/" : pointer))")
        }
        for entry in entries {
            let key = entry.key.scalarText ?? ""
            let child = "\(pointer)/\(key)"
            if let names = schema["propertyNames"] as? [String: Any] {
                check(entry.key, against: names, at: child, into: &problems)
            }
            if let property = properties[key] {
                check(entry.value, against: property, at: child, into: &problems)
            } else if let additional = schema["additionalProperties"] {
                if let allowed = additional as? Bool {
                    if !allowed {
                        let known = properties.keys.sorted().joined(separator: ", ")
                        problems.append("\(entry.key.location): key '\(key)' is not in the schema (at \(pointer.isEmpty ? "/" : pointer); "
                                        + "known keys: \(known)); add it to RolegenSchemas and re-record schemas/")
                    }
                } else if let additionalSchema = additional as? [String: Any] {
                    check(entry.value, against: additionalSchema, at: child, into: &problems)
                }
            }
        }
    }

    /// The JSON type a YAML 1.2 core-schema reader (such as editors' YAML support) gives the node.
    package static func type(of node: SourceNode) -> String {
        switch node.content {
        case .mapping: return "object"
        case .sequence: return "array"
        case .scalar(let scalar):
            guard scalar.isPlain else { return "string" }
            if node.isNull { return "null" }
            if ["true", "True", "TRUE", "false", "False", "FALSE"].contains(scalar.text) { return "boolean" }
            if scalar.text.range(of: #"^[-+]?[0-9]+$"#, options: .regularExpression) != nil { return "integer" }
            if scalar.text.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil {
                return "number"
            }
            return "string"
        }
    }
}
