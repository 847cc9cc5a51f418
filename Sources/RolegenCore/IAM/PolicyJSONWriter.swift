/// Writes policy documents as canonical JSON: IAM's conventional key order (`Version`,
/// `Statement`; `Sid`, `Effect`, `Principal`, `Action`, `Resource`, `Condition`), two-space
/// indentation, sorted lists and a final newline. The same document always gives the same bytes.
///
/// `Action` and `Resource` are always arrays, even of one, so adding a second action changes one
/// line of a diff, not three. Condition and principal values are a string when there is one.
package enum PolicyJSONWriter {
    package static func render(_ document: PolicyDocument) -> String {
        json(document).rendered()
    }

    package static func json(_ document: PolicyDocument) -> JSONValue {
        .object([
            ("Version", .string(document.version)),
            ("Statement", .array(document.statements.map(json))),
        ])
    }

    package static func json(_ statement: PolicyStatement) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        if let sid = statement.sid { fields.append(("Sid", .string(sid))) }
        fields.append(("Effect", .string(statement.effect.rawValue)))
        if let principal = statement.principal {
            fields.append(("Principal", .object(principal.entries.keys.sorted().map { ($0, valueOrArray(principal.entries[$0]!)) })))
        }
        if !statement.actions.isEmpty {
            fields.append((statement.actionsAreExcluded ? "NotAction" : "Action", .array(statement.actions.map(JSONValue.string))))
        }
        if !statement.resources.isEmpty {
            fields.append((statement.resourcesAreExcluded ? "NotResource" : "Resource", .array(statement.resources.map(JSONValue.string))))
        }
        if !statement.condition.isEmpty {
            let blocks = statement.condition.blocks
            fields.append(("Condition", .object(blocks.keys.sorted().map { operatorName in
                (operatorName, .object(blocks[operatorName]!.keys.sorted().map { key in
                    (key, valueOrArray(blocks[operatorName]![key]!))
                }))
            })))
        }
        return .object(fields)
    }

    private static func valueOrArray(_ values: [String]) -> JSONValue {
        values.count == 1 ? .string(values[0]) : .array(values.map(JSONValue.string))
    }

    /// A JSON string literal. Only what JSON requires is escaped; `/` and non-ASCII stay as they are.
    package static func quote(_ text: String) -> String {
        // Most policy strings need no escape.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The size IAM counts against its quotas: every character except white space.
    package static func quotaSize(of json: String) -> Int {
        // The JSON rolegen writes has only ASCII white space outside its strings.
        json.unicodeScalars.count { $0 != " " && $0 != "\n" && $0 != "\t" && $0 != "\r" }
    }
}
