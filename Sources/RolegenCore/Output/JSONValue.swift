/// A JSON value with ordered object keys, for the manifest and other machine-readable output.
package indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    package func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// Two-space indented JSON with a final newline.
    package func rendered() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    /// The value as it appears nested at `indent` inside a larger document (no final newline),
    /// for output written a piece at a time.
    package func rendered(nestedAt indent: String) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .string(let text): out += PolicyJSONWriter.quote(text)
        case .number(let number): out += String(number)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                item.write(into: &out, indent: indent + "  ")
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let fields):
            if fields.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, (key, value)) in fields.enumerated() {
                out += indent + "  " + PolicyJSONWriter.quote(key) + ": "
                value.write(into: &out, indent: indent + "  ")
                out += index == fields.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }
}
