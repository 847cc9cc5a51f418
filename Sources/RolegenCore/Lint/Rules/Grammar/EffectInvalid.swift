/// Effect is "Allow" or "Deny", spelt exactly so.
struct EffectInvalid: LintRule {
    let metadata = RuleMetadata(
        id: "effect-invalid", title: "Effect is not Allow or Deny", severity: .error, category: .grammar,
        rationale: """
            Effect takes exactly two values, "Allow" and "Deny", and they are case-sensitive: IAM \
            rejects "allow", "DENY" or "Permit". Tools that compare without case pass policies that AWS \
            rejects.
            """,
        fix: "Write \"Allow\" or \"Deny\" with a capital first letter.",
        equivalents: [.aa("INVALID_EFFECT"), .parliament("MALFORMED"), .validator("invalid_effect")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            // A non-string Effect is element-json-type's.
            guard let effect = statement.effect, effect.value != "Allow", effect.value != "Deny",
                  statement.element("Effect")?.jsonKind == .string else { return }
            let suggestion: String
            if let exact = ["Allow", "Deny"].first(where: { $0.equalsIgnoringCase(effect.value.trimmed) }) {
                suggestion = "write '\(exact)' (Effect is case-sensitive)"
            } else if let near = Suggestions.closest(to: effect.value, in: ["Allow", "Deny"]).first {
                suggestion = "did you mean '\(near)'?"
            } else {
                suggestion = "write 'Allow' or 'Deny'"
            }
            report.add("the Effect '\(effect.value.truncatedForMessage)' is neither 'Allow' nor 'Deny'; IAM rejects the policy",
                       at: effect.location, statement: copy statement, suggestion: suggestion)
        }
    }
}
