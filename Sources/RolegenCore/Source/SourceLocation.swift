/// A place in an input: a file path as the user gave it, and a 1-based line and column.
///
/// Line and column are absent for problems that concern a whole file (it cannot be read) or
/// input that has no lines (a `--set` argument).
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var path: String
    package var line: Int?
    package var column: Int?

    package init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, or just `path` when the position is unknown.
    package var description: String {
        guard let line else { return path }
        guard let column else { return "\(path):\(line)" }
        return "\(path):\(line):\(column)"
    }

    /// The location `offset` characters to the right on the same line.
    package func advanced(by offset: Int) -> SourceLocation {
        guard let column else { return self }
        return SourceLocation(path: path, line: line, column: column + offset)
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
