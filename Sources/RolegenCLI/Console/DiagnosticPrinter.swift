package import RolegenCore

/// Renders diagnostics the way compilers do, so editors and CI logs make the locations links:
/// `personas/x.yaml:12:7: error: message`, then indented notes.
package enum DiagnosticPrinter {
    package static func render(_ diagnostics: [Diagnostic], color: Bool) -> String {
        sortedForOutput(diagnostics).map { render($0, color: color) + "\n" }.joined()
    }

    package static func render(_ diagnostic: Diagnostic, color: Bool) -> String {
        var text = line(diagnostic.location, label(diagnostic.severity, color: color), diagnostic.message, color: color)
        for note in diagnostic.notes {
            text += "\n    " + line(note.location, label(.note, color: color), note.message, color: color)
        }
        return text
    }

    /// "2 errors, 1 warning".
    package static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    private static func line(_ location: SourceLocation?, _ label: String, _ message: String, color: Bool) -> String {
        guard let location else { return "\(label): \(message)" }
        let place = color ? "\u{1B}[1m\(location)\u{1B}[0m" : "\(location)"
        return "\(place): \(label): \(message)"
    }

    private static func label(_ severity: Diagnostic.Severity, color: Bool) -> String {
        guard color else { return severity.rawValue }
        switch severity {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
        case .note: return "\u{1B}[1;36mnote\u{1B}[0m"
        }
    }
}
