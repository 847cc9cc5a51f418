/// Turns the text of one policy document into what the engine checks, or into the finding that
/// says why it cannot be read (`json-syntax`): a linter reports a broken policy as a finding and
/// goes on with the next one.
package enum PolicyTextReader {
    package enum Outcome: Sendable {
        case policy(PolicyInput)
        case unreadable(Finding)
    }

    /// A JSON policy document. Without `type`, the type is detected from the document.
    package static func json(_ bytes: [UInt8], path: String, type: PolicyType? = nil, name: String? = nil) -> Outcome {
        switch JSONReader.parse(bytes, path: path) {
        case .success(let root):
            return .policy(input(root, path: path, type: type, name: name))
        case .failure(let failure):
            return .unreadable(Finding(rule: JSONSyntax.id, severity: .error, message: "not valid JSON: \(failure.message)",
                                       at: failure.location, policy: name))
        }
    }

    /// A policy document already read as a tree (YAML, or JSON inside another format).
    package static func input(_ root: SourceNode, path: String, type: PolicyType?, name: String?,
                              typeSource: PolicyInput.TypeSource = .given) -> PolicyInput {
        PolicyInput(path: path, name: name, document: root, type: type ?? PolicyTypeDetector.detect(root),
                    typeSource: type == nil ? .detected : typeSource)
    }
}

/// Guesses a document's type from its content when nothing else says: a Principal makes it a
/// trust policy (if it only assumes roles) or a resource policy; otherwise it is an identity
/// policy. SCPs, RCPs and boundaries look like identity policies and must be given (`--type`).
package enum PolicyTypeDetector {
    package static func detect(_ root: SourceNode) -> PolicyType {
        let view = PolicyView(root)
        let principals = view.statements.filter { $0.principal != nil || $0.notPrincipal != nil }
        guard !principals.isEmpty else { return .identity }
        let assumesOnly = principals.allSatisfy { statement in
            let actions = statement.actions?.map { $0.value.lowercased() } ?? []
            return !actions.isEmpty && actions.allSatisfy { $0.hasPrefix("sts:assumerole") || $0 == "sts:tagsession"
                || $0 == "sts:setsourceidentity" || $0 == "sts:setcontext" }
        }
        return assumesOnly && view.statements.allSatisfy({ $0.resources == nil }) ? .trust : .resource
    }
}
