/// Collects the diagnostics of one run so that loading and composition report every problem
/// they find instead of stopping at the first. One sink per run, never shared between threads.
package final class DiagnosticSink {
    package private(set) var diagnostics: [Diagnostic] = []
    /// The diagnostics again, for constant-time duplicate checks: a file of 100,000 bad
    /// requests reports 200,000 problems, and a linear search per report took minutes.
    private var seen: Set<Diagnostic> = []
    package private(set) var errorCount = 0

    package init() {}

    package var hasErrors: Bool { errorCount > 0 }

    package func report(_ diagnostic: Diagnostic) {
        // The same problem reached twice (a template used by two personas) is reported once.
        guard seen.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
        if diagnostic.severity == .error { errorCount += 1 }
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
