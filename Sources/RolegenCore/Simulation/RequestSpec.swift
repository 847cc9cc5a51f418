/// A request as a file writes it (`simulate --requests`, a persona's `expect:`):
/// `{action, resource, context}`, each string possibly holding `${name}` references to persona
/// values, resolved later.
package struct RequestSpec: Sendable {
    package static let keys = ["action", "resource", "context"]

    package var action: Located<String>
    package var resource: Located<String>
    /// Keys as written (the evaluator lower-cases them); a list for multivalued keys.
    package var context: [(key: Located<String>, values: [Located<String>])]
    package var location: SourceLocation

    package init(action: Located<String>, resource: Located<String>,
                 context: [(key: Located<String>, values: [Located<String>])] = [], location: SourceLocation) {
        self.action = action
        self.resource = resource
        self.context = context
        self.location = location
    }

    /// The request, with strings as written.
    package func request(principalKind: RequestPrincipalKind = .iamUser) -> EvaluationRequest {
        EvaluationRequest(action: action.value, resource: RequestResource(resource.value), context: contextValues,
                          principalKind: principalKind)
    }

    package var contextValues: [String: [String]] {
        var result: [String: [String]] = [:]
        for (key, values) in context { result[key.value.lowercased(), default: []] += values.map(\.value) }
        return result
    }

    /// Reads one request mapping; reports every problem and returns nil when there was one.
    package static func parse(_ node: SourceNode, subject: String, sink: DiagnosticSink) -> RequestSpec? {
        let before = sink.errorCount
        guard let reader = MappingReader(node, subject: subject, allowedKeys: keys, sink: sink) else { return nil }
        let action = reader.string("action", required: true, hint: " (such as s3:GetObject)")
        let resource = reader.string("resource", required: true, hint: " (an ARN, or * for actions without resources)")
        if let action, action.value != "*", !action.value.contains("${"), action.value.split(separator: ":", omittingEmptySubsequences: false).count != 2 {
            sink.error(.schemaValue, "action '\(action.value)' must be service:Action, such as s3:GetObject", at: action.location)
        }
        if let resource, resource.value != "*", !resource.value.hasPrefix("arn:"), !resource.value.hasPrefix("${") {
            sink.error(.schemaValue, "resource '\(resource.value)' must be an ARN (arn:partition:service:...) or * for actions "
                       + "without resource-level permissions", at: resource.location)
        }
        var context: [(key: Located<String>, values: [Located<String>])] = []
        for (key, value) in reader.entries("context") ?? [] {
            if value.isNull {
                sink.error(.schemaType, "context key '\(key.value)' has no value; write '' for an empty string, [] for an "
                           + "empty list, or leave the key out for an absent key", at: value.location)
                continue
            }
            guard let values = NodeReading.strings(value, what: "context key '\(key.value)'", sink: sink) else { continue }
            context.append((key, values))
        }
        guard sink.errorCount == before, let action, let resource else { return nil }
        return RequestSpec(action: action, resource: resource, context: context, location: node.location)
    }

    /// `key=value` from the command line: repeating a key makes it multivalued, `key=` is the
    /// empty string. nil (reported) for text without `=` or with an empty key.
    package static func contextArgument(_ text: String, sink: DiagnosticSink) -> (key: String, value: String)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            sink.error(.schemaValue, "--context '\(text)' must be key=value, such as aws:SourceIp=10.0.0.1 (key= for an empty string)",
                       at: SourceLocation(path: "command line"))
            return nil
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
