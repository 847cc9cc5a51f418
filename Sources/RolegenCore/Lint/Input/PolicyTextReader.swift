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
        // Reads only the elements it needs: this runs for every document.
        let statementElement = PolicyView.last("Statement", in: root.mappingEntries ?? [])
        let statements = statementElement?.sequenceItems ?? (statementElement?.mappingEntries != nil ? [statementElement!] : [])
        var sawPrincipal = false
        var assumesOnly = true
        for statement in statements {
            let entries = statement.mappingEntries ?? []
            if PolicyView.last("Resource", in: entries) != nil || PolicyView.last("NotResource", in: entries) != nil { assumesOnly = false }
            guard PolicyView.last("Principal", in: entries) != nil || PolicyView.last("NotPrincipal", in: entries) != nil else { continue }
            sawPrincipal = true
            let actions = PolicyView.last("Action", in: entries).map(StatementView.strings)?.map { $0.value.lowercased() } ?? []
            if actions.isEmpty || !actions.allSatisfy({ $0.hasPrefix("sts:assumerole") || $0 == "sts:tagsession"
                || $0 == "sts:setsourceidentity" || $0 == "sts:setcontext" }) {
                assumesOnly = false
            }
        }
        guard sawPrincipal else { return .identity }
        return assumesOnly ? .trust : .resource
    }
}
