/// The last line of defence: checks on the composed policy, whatever the templates and values
/// were, for the access rolegen never emits. A violation is an error and nothing is written.
package enum PolicySafety {
    /// Whether an action pattern covers `iam:PassRole` (IAM matches actions without case).
    package static func matchesPassRole(_ action: String) -> Bool {
        globMatches(pattern: action.lowercased(), text: "iam:passrole")
    }

    package static func check(_ statements: [ComposedStatement], partition: String, sink: DiagnosticSink) {
        // An ARN of another partition never matches: in an Allow it is dead weight, in a Deny it
        // silently protects nothing.
        for composed in statements {
            for resource in composed.statement.resources where resource.hasPrefix("arn:") {
                if case .success(let arn) = ARN.parse(resource), arn.partition != partition {
                    sink.error(.policyUnsafe, "'\(resource)' is in partition '\(arn.partition)', not the persona's '\(partition)'; "
                               + "write arn:${partition}:...", at: composed.provenance.first?.statement, notes: notes(composed))
                }
            }
        }
        for composed in statements where composed.statement.effect == .allow {
            let statement = composed.statement
            let origin = composed.provenance.first
            func refuse(_ message: String) {
                sink.error(.policyUnsafe, message, at: origin?.statement, notes: notes(composed))
            }
            if statement.actionsAreExcluded || statement.resourcesAreExcluded {
                refuse("an Allow statement with NotAction or NotResource grants everything not listed")
            }
            for action in statement.actions where action == "*" || action == "*:*" || action.hasSuffix(":*") {
                refuse("the policy would allow '\(action)'")
            }
            if statement.actions.contains(where: matchesPassRole) {
                if !statement.condition.keys.contains(where: { $0.lowercased() == "iam:passedtoservice" }) {
                    refuse("iam:PassRole without an iam:PassedToService condition")
                }
                for resource in statement.resources where resource.contains("*") || resource.contains("?") {
                    refuse("iam:PassRole on '\(resource)' is not limited to named roles")
                }
            }
            for resource in statement.resources where resource.hasPrefix("arn:") {
                guard case .success(let arn) = ARN.parse(resource) else {
                    refuse("'\(resource)' is not a valid ARN")
                    continue
                }
                if arn.region.contains("*") || arn.region.contains("?") || arn.account.contains("*") || arn.account.contains("?") {
                    refuse("'\(resource)' has a wildcard region or account")
                }
            }
        }
    }

    /// Where a statement came from, for notes: the capabilities (a persona's own Deny statement
    /// is located by the diagnostic itself).
    private static func notes(_ composed: ComposedStatement) -> [Diagnostic.Note] {
        composed.provenance.filter { $0.template != nil }.map { Diagnostic.Note("from capability '\($0.capability)'", at: $0.use) }
    }

    /// IAM's wildcard match: `*` any run of characters, `?` one character.
    package static func globMatches(pattern: String, text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
