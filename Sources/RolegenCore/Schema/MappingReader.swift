/// Reads the keys of one YAML mapping against the keys a format allows.
///
/// Creating a reader reports every key the format does not know, with a "did you mean" among
/// the known ones, and keys that are not plain strings. The accessors then report missing
/// required keys and values of the wrong kind, all at their line and column, and return `nil`
/// so the caller can go on and find the next problem.
package struct MappingReader {
    package let node: SourceNode
    /// What the mapping is, for messages: "persona", "statement", "parameter 'roles'".
    package let subject: String
    private let entries: [String: SourceNode.Entry]
    private let sink: DiagnosticSink

    /// `nil` (after reporting) when `node` is not a mapping.
    package init?(_ node: SourceNode, subject: String, allowedKeys: [String], sink: DiagnosticSink) {
        guard case .mapping(let list) = node.content else {
            sink.error(.schemaType, "expected \(subject) to be a mapping of keys to values, found \(node.kindDescription)",
                       at: node.location)
            return nil
        }
        var entries: [String: SourceNode.Entry] = [:]
        for entry in list {
            // `Null:` is a key here (IAM's operator), not YAML's null: only an empty key is refused.
            guard let key = entry.key.scalarText, !key.isEmpty else {
                sink.error(.schemaType, "keys of \(subject) must be plain names, found \(entry.key.kindDescription)",
                           at: entry.key.location)
                continue
            }
            guard allowedKeys.contains(key) else {
                sink.error(.schemaUnknownKey,
                           "unknown key '\(key)' in \(subject)\(Suggestions.didYouMean(key, in: allowedKeys))",
                           at: entry.key.location,
                           notes: [.init("allowed keys: \(allowedKeys.joined(separator: ", "))")])
                continue
            }
            entries[key] = entry
        }
        self.node = node
        self.subject = subject
        self.entries = entries
        self.sink = sink
    }

    package func has(_ key: String) -> Bool { entries[key] != nil }

    /// The value node of `key`, or `nil` when absent (reported when `required`).
    package func value(_ key: String, required: Bool = false, hint: String = "") -> SourceNode? {
        if let entry = entries[key] { return entry.value }
        if required {
            sink.error(.schemaMissingKey, "\(subject) is missing the required key '\(key)'\(hint)", at: node.location)
        }
        return nil
    }

    /// Where `key` is written, for messages about the key itself.
    package func keyLocation(_ key: String) -> SourceLocation? { entries[key]?.key.location }

    package func string(_ key: String, required: Bool = false, hint: String = "") -> Located<String>? {
        guard let value = value(key, required: required, hint: hint) else { return nil }
        return NodeReading.string(value, what: "'\(key)'", sink: sink)
    }

    package func strings(_ key: String, required: Bool = false) -> [Located<String>]? {
        guard let value = value(key, required: required) else { return nil }
        return NodeReading.strings(value, what: "'\(key)'", sink: sink)
    }

    package func integer(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Located<Int>? {
        guard let value = value(key, required: required) else { return nil }
        return NodeReading.integer(value, what: "'\(key)'", range: range, sink: sink)
    }

    /// Each entry of the mapping under `key`, with plain-name keys.
    package func entries(_ key: String, required: Bool = false) -> [(key: Located<String>, value: SourceNode)]? {
        guard let value = value(key, required: required) else { return nil }
        return NodeReading.entries(value, what: "'\(key)'", sink: sink)
    }

    package func list(_ key: String, required: Bool = false) -> [SourceNode]? {
        guard let value = value(key, required: required) else { return nil }
        return NodeReading.list(value, what: "'\(key)'", sink: sink)
    }
}

/// Typed reads of single nodes, each reporting a located error and returning `nil` on mismatch.
package enum NodeReading {
    package static func string(_ node: SourceNode, what: String, sink: DiagnosticSink) -> Located<String>? {
        guard case .scalar(let scalar) = node.content, !node.isNull else {
            sink.error(.schemaType, "expected a string for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return Located(scalar.text, at: node.location)
    }

    /// A list of strings; a single string is read as a list of one, as IAM itself allows.
    package static func strings(_ node: SourceNode, what: String, sink: DiagnosticSink) -> [Located<String>]? {
        switch node.content {
        case .scalar:
            return string(node, what: what, sink: sink).map { [$0] }
        case .sequence(let items):
            var result: [Located<String>] = []
            var failed = false
            for item in items {
                if let value = string(item, what: "an item of \(what)", sink: sink) {
                    result.append(value)
                } else {
                    failed = true
                }
            }
            return failed ? nil : result
        case .mapping:
            sink.error(.schemaType, "expected a list of strings for \(what), found a mapping", at: node.location)
            return nil
        }
    }

    package static func integer(
        _ node: SourceNode, what: String, range: ClosedRange<Int>? = nil, sink: DiagnosticSink
    ) -> Located<Int>? {
        guard case .scalar(let scalar) = node.content, let number = Int(scalar.text) else {
            sink.error(.schemaType, "expected a whole number for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        if let range, !range.contains(number) {
            sink.error(.schemaValue, "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(number)",
                       at: node.location)
            return nil
        }
        return Located(number, at: node.location)
    }

    package static func list(_ node: SourceNode, what: String, sink: DiagnosticSink) -> [SourceNode]? {
        guard case .sequence(let items) = node.content else {
            sink.error(.schemaType, "expected a list for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return items
    }

    package static func entries(
        _ node: SourceNode, what: String, sink: DiagnosticSink
    ) -> [(key: Located<String>, value: SourceNode)]? {
        guard case .mapping(let entries) = node.content else {
            sink.error(.schemaType, "expected a mapping for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        var result: [(key: Located<String>, value: SourceNode)] = []
        for entry in entries {
            guard let key = entry.key.scalarText, !key.isEmpty else {
                sink.error(.schemaType, "keys of \(what) must be plain names, found \(entry.key.kindDescription)",
                           at: entry.key.location)
                continue
            }
            result.append((Located(key, at: entry.key.location), entry.value))
        }
        return result
    }
}
