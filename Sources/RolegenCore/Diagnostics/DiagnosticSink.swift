/// Collects the diagnostics of one run so that loading and composition report every problem
/// they find instead of stopping at the first. One sink per run, never shared between threads.
package final class DiagnosticSink {
    package private(set) var diagnostics: [Diagnostic] = []

    package init() {}

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    package var errorCount: Int { diagnostics.count { $0.severity == .error } }

    package func report(_ diagnostic: Diagnostic) {
        // The same problem reached twice (a template used by two personas) is reported once.
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    package func error(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []
    ) {
        report(Diagnostic(.error, id, message, at: location, notes: notes))
    }

    package func warning(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []
    ) {
        report(Diagnostic(.warning, id, message, at: location, notes: notes))
    }
}
