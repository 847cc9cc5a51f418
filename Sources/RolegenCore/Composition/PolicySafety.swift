/// The last line of defence: checks on the composed policy, whatever the templates and values
/// were, for the access rolegen never emits. A violation is an error and nothing is written.
package enum PolicySafety {
    /// Whether an action pattern covers `iam:PassRole` (IAM matches actions without case).
    package static func matchesPassRole(_ action: String) -> Bool {
        globMatches(pattern: action.lowercased(), text: "iam:passrole")
    }

    /// Why an action must not appear in an Allow statement, or `nil` when it may. Refused: every
    /// action (`*`, a wildcard in the service part such as `*:Get*`) and every action of a service
    /// (a name of only `*` and `?`, such as `s3:*` or `s3:**`).
    package static func wildcardProblem(_ action: String) -> String? {
        // Most actions have no wildcard at all: a byte scan settles them (this runs for every
        // action of every statement, twice).
        if !action.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) && action.utf8.contains(UInt8(ascii: ":")) {
            return nil
        }
        let parts = action.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let onlyWildcards = { (text: Substring) in text.contains("*") && text.allSatisfy { $0 == "*" || $0 == "?" } }
        if parts.count == 1 || parts[0].contains("*") || parts[0].contains("?") {
            return "'\(action)' grants actions of every AWS service; list the actions the capability needs"
        }
        if onlyWildcards(parts[1]) {
            return "'\(action)' grants every action of the service, including ones AWS adds later; list the actions the capability needs"
        }
        return nil
    }

    /// Whether a statement's conditions limit iam:PassRole to named services: `StringEquals` (or
    /// `StringLike` without wildcards) on `iam:PassedToService`. Any other operator, such as
    /// `StringNotEquals` or an `IfExists` form, would let the roles go elsewhere.
    /// - Parameter values: the values, or `nil` for a value not known yet (a template reference).
    package static func limitsPassedToService(_ clauses: [(operator: String, key: String, values: [String?])]) -> Bool {
        clauses.contains { clause in
            clause.key.lowercased() == "iam:passedtoservice"
                && (clause.operator == "StringEquals" || clause.operator == "StringLike")
                && !clause.values.isEmpty
                && clause.values.allSatisfy { value in
                    guard let value else { return true }
                    return !value.contains("*") && !value.contains("?") && !value.isEmpty
                }
        }
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
            for action in statement.actions {
                if let problem = wildcardProblem(action) { refuse(problem) }
            }
            if statement.actions.contains(where: matchesPassRole) {
                let clauses = statement.condition.clauses.map { ($0.operator, $0.key, $0.values.map { Optional($0) }) }
                if !limitsPassedToService(clauses) {
                    refuse("iam:PassRole is not limited to named services: it needs StringEquals on iam:PassedToService")
                }
                let services = statement.condition.clauses.filter { $0.key.lowercased() == "iam:passedtoservice" }.flatMap(\.values)
                for service in services where ValueValidation.check(service, as: .servicePrincipal, context: ValidationContext()) != .valid {
                    refuse("iam:PassedToService value '\(service)' is not a service principal such as sagemaker.amazonaws.com")
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

    /// IAM's wildcard match: `*` any run of characters, `?` one character. Works on UTF-8 bytes
    /// without allocating (it runs for every action of every policy `rolegen lint` reads).
    package static func globMatches(pattern: String, text: String, ignoringCase: Bool = false) -> Bool {
        var pattern = pattern
        var text = text
        return pattern.withUTF8 { p in
            text.withUTF8 { t in globMatches(p, t, ignoringCase: ignoringCase) }
        }
    }

    private static func globMatches(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>, ignoringCase: Bool) -> Bool {
        @inline(__always) func fold(_ byte: UInt8) -> UInt8 {
            ignoringCase && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        }
        // One character from `index`: a whole UTF-8 sequence.
        @inline(__always) func characterEnd(_ index: Int) -> Int {
            var end = index + 1
            while end < t.count && t[end] & 0xC0 == 0x80 { end += 1 }
            return end
        }
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && p[pi] == UInt8(ascii: "?") {
                pi += 1
                ti = characterEnd(ti)
            } else if pi < p.count && p[pi] != UInt8(ascii: "*") && fold(p[pi]) == fold(t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark = characterEnd(mark)
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
