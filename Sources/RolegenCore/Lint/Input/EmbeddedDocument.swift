/// A policy document written as a string inside another document: Terraform's `policy`
/// attributes, a dump's URL-encoded `PolicyDocument`, CloudFormation's JSON-in-a-string.
package enum EmbeddedDocument {
    package enum Outcome {
        /// The document, and where it was embedded when it was a string.
        case document(SourceNode, embeddedAt: SourceLocation?)
        case unreadable(Finding)
    }

    /// The document a node holds: the node itself when it is an object, the parsed JSON when it
    /// is a string (URL-decoded first when it looks encoded, as the raw IAM API returns it).
    package static func read(_ node: SourceNode, path: String, name: String?) -> Outcome {
        guard case .scalar(let scalar) = node.content, !scalar.isPlain || !node.isNull else {
            return .document(node, embeddedAt: nil)
        }
        var text = scalar.text
        if text.hasPrefix("%7B") || text.hasPrefix("%7b") { text = percentDecoded(text) ?? text }
        switch JSONReader.parse(text, path: path) {
        case .success(let root):
            return .document(root, embeddedAt: node.location)
        case .failure(let failure):
            return .unreadable(Finding(rule: JSONSyntax.id, severity: .error,
                                       message: "the policy in this string is not valid JSON: \(failure.message) (at \(failure.location.line ?? 1):\(failure.location.column ?? 1) of the string)",
                                       at: node.location, policy: name))
        }
    }

    /// `%7B%22Version%22...` decoded; `+` stays (IAM encodes spaces as %20).
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
