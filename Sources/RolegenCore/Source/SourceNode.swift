/// A parsed YAML (or JSON) document: scalars keep their exact text, and every node keeps where
/// it came from.
///
/// rolegen never lets YAML decide types: `012345678901` stays the string an account id needs and
/// `no` stays `no`. The schema readers decide what a scalar means, so one tree serves every
/// input format and every error can point at a line and column.
package struct SourceNode: Sendable {
    package enum Content: Sendable {
        case scalar(Scalar)
        case sequence([SourceNode])
        case mapping([Entry])
    }

    package struct Scalar: Sendable, Hashable {
        package var text: String
        /// Whether the scalar was written without quotes (only plain scalars can be null or bool).
        package var isPlain: Bool

        package init(text: String, isPlain: Bool) {
            self.text = text
            self.isPlain = isPlain
        }
    }

    package struct Entry: Sendable {
        package var key: SourceNode
        package var value: SourceNode

        package init(key: SourceNode, value: SourceNode) {
            self.key = key
            self.value = value
        }
    }

    package var content: Content
    package var location: SourceLocation

    package init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    package static func scalar(_ text: String, plain: Bool = true, at location: SourceLocation) -> SourceNode {
        SourceNode(.scalar(Scalar(text: text, isPlain: plain)), at: location)
    }

    /// The scalar's text, if this is a scalar.
    package var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }

    /// A plain `~`, `null` or empty scalar: YAML's way of writing "no value".
    package var isNull: Bool {
        guard case .scalar(let scalar) = content, scalar.isPlain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.text)
    }

    /// What the node is, in words, for messages such as "expected a list, found a mapping".
    package var kindDescription: String {
        switch content {
        case .scalar(let scalar):
            if isNull { return "an empty value" }
            return scalar.isPlain ? "the value '\(scalar.text.truncatedForMessage)'" : "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

extension String {
    /// The string cut to a length that reads well inside a one-line message.
    package var truncatedForMessage: String {
        let firstLine = split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if firstLine.count <= 60 && firstLine.count == count { return self }
        return String(firstLine.prefix(57)) + "..."
    }
}
