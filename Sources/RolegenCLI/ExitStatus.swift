/// rolegen's exit codes, the same for every command (documented in `--help` and the README).
package enum ExitStatus: Int32, Sendable {
    /// Success: the work was done, nothing to report.
    case success = 0
    /// Findings: lint findings, a diff that grants new access, failing policy tests.
    case findings = 1
    /// The input or the command line could not be used; nothing was written.
    case inputError = 2
}
