/// `aws iam get-policy-version` output: `{"PolicyVersion": {"Document": ..., "VersionId": "v3"}}`.
package enum PolicyVersionReader {
    package static func read(_ root: SourceNode, path: String, type: PolicyType?) -> [LintItem] {
        guard let version = PolicyView.last("PolicyVersion", in: root.mappingEntries ?? []),
              let document = PolicyView.last("Document", in: version.mappingEntries ?? []) else {
            return [.finding(Finding(rule: JSONSyntax.id, severity: .error,
                                     message: "get-policy-version output without PolicyVersion.Document", at: root.location))]
        }
        switch EmbeddedDocument.read(document, path: path, name: nil) {
        case .document(let policy, let embeddedAt):
            var input = PolicyTextReader.input(policy, path: path, type: type, name: nil)
            input.sizeTarget = .managed
            input.embeddedAt = embeddedAt
            return [.policy(input)]
        case .unreadable(let finding):
            return [.finding(finding)]
        }
    }
}
