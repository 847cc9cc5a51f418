/// One problem found in the input, with where it is and, where it helps, notes that point at
/// related places (the template line behind a persona error, the first of two duplicate keys).
package struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable, Comparable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    package struct Note: Hashable, Sendable {
        package var message: String
        package var location: SourceLocation?

        package init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    package var severity: Severity
    /// A stable, greppable identifier such as `parameter.missing` (documented in docs/diagnostics.md).
    package var id: DiagnosticID
    package var message: String
    package var location: SourceLocation?
    package var notes: [Note]

    package init(
        _ severity: Severity, _ id: DiagnosticID, _ message: String,
        at location: SourceLocation?, notes: [Note] = []
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// Compiler style: `path:line:column: error: message`, then one indented line per note.
    package var description: String {
        var text = Self.line(location, severity.rawValue, message)
        for note in notes {
            text += "\n    " + Self.line(note.location, "note", note.message)
        }
        return text
    }

    private static func line(_ location: SourceLocation?, _ label: String, _ message: String) -> String {
        if let location { return "\(location): \(label): \(message)" }
        return "\(label): \(message)"
    }
}

/// Sorts diagnostics the way a reader expects them: by file, line, column, then message.
package func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { lhs, rhs in
        let (l, r) = (lhs.element, rhs.element)
        switch (l.location, r.location) {
        case (nil, nil): break
        case (nil, _): return true
        case (_, nil): return false
        case (let a?, let b?): if a != b { return a < b }
        }
        return lhs.offset < rhs.offset
    }.map(\.element)
}

/// A reason something is wrong, in words, for functions whose caller decides where to report it.
package struct Reason: Error, Equatable, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
