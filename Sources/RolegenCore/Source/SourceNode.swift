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
        /// The file the scalar was read from, to locate text inside it exactly: a quoted string
        /// with escapes, or one that continues on the next line, is not where its offsets say.
        package var buffer: SourceBuffer?

        package init(text: String, isPlain: Bool, buffer: SourceBuffer? = nil) {
            self.text = text
            self.isPlain = isPlain
            self.buffer = buffer
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
    /// An explicit YAML tag such as CloudFormation's `!Sub` or `!GetAtt`; `nil` for untagged nodes.
    package var tag: String?

    package init(_ content: Content, at location: SourceLocation, tag: String? = nil) {
        self.content = content
        self.location = location
        self.tag = tag
    }

    package static func scalar(
        _ text: String, plain: Bool = true, at location: SourceLocation, buffer: SourceBuffer? = nil
    ) -> SourceNode {
        SourceNode(.scalar(Scalar(text: text, isPlain: plain, buffer: buffer)), at: location)
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

/// The bytes of a source file, kept so that a position inside a scalar can be found exactly.
package final class SourceBuffer: Hashable, Sendable {
    private let bytes: [UInt8]
    /// The byte offset where each line starts.
    private let lineStarts: [Int]

    package init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// Where `needle` first occurs at or after `start` (within 50 lines), in libYAML's columns
    /// (Unicode scalars).
    package func locate(_ needle: String, from start: SourceLocation) -> SourceLocation? {
        guard let line = start.line, let column = start.column, line >= 1, line <= lineStarts.count else { return nil }
        var offset = lineStarts[line - 1]
        var scalars = 1
        while scalars < column && offset < bytes.count && bytes[offset] != 0x0A {
            offset += 1
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        let target = Array(needle.utf8)
        let limit = line + 49 < lineStarts.count ? lineStarts[line + 49] : bytes.count
        guard let first = target.first else { return nil }
        while offset + target.count <= limit {
            if bytes[offset] == first && bytes[offset..<(offset + target.count)].elementsEqual(target) {
                return position(ofByte: offset, path: start.path)
            }
            offset += 1
        }
        return nil
    }

    private func position(ofByte offset: Int, path: String) -> SourceLocation {
        // The last line start at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = bytes[lineStarts[low]..<offset].count { $0 & 0xC0 != 0x80 } + 1
        return SourceLocation(path: path, line: low + 1, column: column)
    }

    package static func == (lhs: SourceBuffer, rhs: SourceBuffer) -> Bool { lhs === rhs }
    package func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
