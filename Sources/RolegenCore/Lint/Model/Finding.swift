/// One problem a rule found: where, how bad, what, and what to write instead.
package struct Finding: Sendable, Hashable {
    package var rule: String
    package var severity: Severity
    package var message: String
    package var location: SourceLocation
    /// The fix, when one can be said: "write 'arn:aws:s3:::bucket/*'".
    package var suggestion: String?
    /// The policy inside the file, when a file holds several ("Role ml-exec, inline policy read").
    package var policy: String?
    /// The statement's Sid, or its position ("statement 2"), for baselines and reports.
    package var statement: String?

    package init(rule: String, severity: Severity, message: String, at location: SourceLocation,
                 suggestion: String? = nil, policy: String? = nil, statement: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.suggestion = suggestion
        self.policy = policy
        self.statement = statement
    }
}
