/// The lists and mappings the account-dump, CloudFormation and Terraform readers walk. A key
/// whose value has the wrong shape is reported (`json-syntax`, an error), never skipped: a
/// skipped `RoleDetailList` would pass a whole account unchecked.
enum InputShape {
    /// The items of `key`'s list; none when the key is absent or null, and a finding in `items`
    /// when it holds something else.
    static func list(_ key: String, in entries: [SourceNode.Entry], format: String, path: String,
                     items: inout [LintItem]) -> [SourceNode] {
        guard let node = PolicyView.last(key, in: entries), !node.isNull else { return [] }
        if let list = node.sequenceItems { return list }
        items.append(mismatch(node, key: key, expected: "a list", format: format))
        return []
    }

    /// The entries of `key`'s mapping, reported as `list` reports.
    static func mapping(_ key: String, in entries: [SourceNode.Entry], format: String, path: String,
                        items: inout [LintItem]) -> [SourceNode.Entry] {
        guard let node = PolicyView.last(key, in: entries), !node.isNull else { return [] }
        if let mapping = node.mappingEntries { return mapping }
        items.append(mismatch(node, key: key, expected: "a mapping", format: format))
        return []
    }

    private static func mismatch(_ node: SourceNode, key: String, expected: String, format: String) -> LintItem {
        .finding(Finding(rule: JSONSyntax.id, severity: .error,
                         message: "expected \(expected) for '\(key)' in \(format), found \(node.kindDescription); nothing under it was checked",
                         at: node.location))
    }
}

extension SourceNode {
    /// A quoted string (in JSON, a string rather than a number, boolean or null).
    package var isJSONString: Bool {
        if case .scalar(let scalar) = content { return !scalar.isPlain }
        return false
    }
}
