/// The offline decision procedure of iam-semantics.md §2.4 for one (action, resource) request.
package struct Evaluator: Sendable {
    package var semantics: ResourceSemantics
    /// Whether results carry the implementation-defined (I-D) notes; the decision, the deciding
    /// statements and every statement's outcome are the same either way.
    package var collectsNotes = true

    package init(semantics: ResourceSemantics = .standard) {
        self.semantics = semantics
    }

    package func evaluate(_ request: EvaluationRequest, in policies: PolicySet) -> EvaluationResult {
        var notes = EvaluationNotes(collects: collectsNotes)
        var statements: [StatementEvaluation] = []
        func run(_ policy: EvaluationPolicy, _ layer: PolicyLayer, level: Int? = nil) {
            let checksPrincipal = layer == .resourcePolicy || layer == .rcp
            for statement in policy.statements {
                let mismatch = StatementMatcher.match(statement, request: request, variables: policy.supportsVariables,
                                                      semantics: semantics, checksPrincipal: checksPrincipal, notes: &notes)
                statements.append(StatementEvaluation(
                    reference: StatementReference(policy: policy.name, index: statement.index, sid: statement.sid),
                    layer: layer, level: level, effect: statement.effect, mismatch: mismatch))
            }
        }
        for (level, scps) in policies.scpLevels.enumerated() { scps.forEach { run($0, .scp, level: level) } }
        for (level, rcps) in policies.rcpLevels.enumerated() { rcps.forEach { run($0, .rcp, level: level) } }
        policies.resourcePolicy.map { run($0, .resourcePolicy) }
        policies.identity.forEach { run($0, .identity) }
        policies.permissionsBoundary.map { run($0, .permissionsBoundary) }
        policies.sessionPolicies?.forEach { run($0, .session) }

        var result = decide(request, policies, statements, &notes)
        result.statements = statements
        result.notes = notes.items
        return result
    }

    private func decide(_ request: EvaluationRequest, _ policies: PolicySet, _ statements: [StatementEvaluation],
                        _ notes: inout EvaluationNotes) -> EvaluationResult {
        func result(_ decision: Decision, _ layer: PolicyLayer?, _ summary: String, level: Int? = nil,
                    deciding: [StatementEvaluation] = []) -> EvaluationResult {
            EvaluationResult(decision: decision, layer: layer, scpLevel: layer == .scp ? level : nil,
                             deciding: deciding.map(\.reference), notes: [], statements: [], summary: summary)
        }
        func allows(_ layer: PolicyLayer, level: Int? = nil) -> [StatementEvaluation] {
            statements.filter { $0.layer == layer && $0.matched && $0.effect == .allow && (level == nil || $0.level == level) }
        }

        // Step 0: the caller may always ask who it is.
        if ActionMatcher.asciiLowercased(request.action) == "sts:getcalleridentity" {
            return result(.allow, nil, "sts:GetCallerIdentity is always allowed, even with an explicit Deny")
        }
        // Step 1: an explicit Deny anywhere wins. Layers are reported in the order SCP, RCP,
        // resource policy, identity, boundary, session.
        let denies = statements.filter { $0.matched && $0.effect == .deny }
        if let first = denies.first {
            return result(.denyExplicit, first.layer, "explicit Deny in \(EvaluationResult.describe(first.layer, level: first.level))",
                          level: first.level, deciding: denies)
        }
        // Steps 2 and 3: every RCP level, then every SCP level, needs an Allow of its own.
        for level in policies.rcpLevels.indices where allows(.rcp, level: level).isEmpty {
            var denied = result(.denyImplicit, .rcp, "no Allow statement in the RCPs at level \(level)")
            denied.scpLevel = level
            return denied
        }
        for level in policies.scpLevels.indices where allows(.scp, level: level).isEmpty {
            return result(.denyImplicit, .scp, "no Allow statement in the SCPs at level \(level) (0 = root)", level: level)
        }
        // Step 4: a resource policy naming the user or session itself grants on its own.
        func naming(_ evaluation: StatementEvaluation) -> PrincipalMatcher.Naming? {
            guard let statement = policies.resourcePolicy?.statements.first(where: { $0.index == evaluation.reference.index }) else {
                return nil
            }
            switch statement.principals {
            case .only(let values)?: return PrincipalMatcher.naming(values, request: request)
            case .except?: return .roleOrEveryone
            case nil: return nil
            }
        }
        let direct = allows(.resourcePolicy).filter { naming($0) == .direct }
        if !direct.isEmpty {
            return result(.allow, .resourcePolicy, "the resource policy names the principal itself", deciding: direct)
        }
        let delegating = allows(.resourcePolicy).filter { naming($0) == .roleOrEveryone }
        // Step 5: identity (or a resource policy naming the role or everyone).
        let identityAllows = allows(.identity)
        if identityAllows.isEmpty && delegating.isEmpty {
            return result(.denyImplicit, .identity, "no Allow statement in the identity policies matches")
        }
        // Step 6: a boundary limits, never grants.
        if policies.permissionsBoundary != nil && allows(.permissionsBoundary).isEmpty {
            return result(.denyImplicit, .permissionsBoundary, "no Allow statement in the permissions boundary matches")
        }
        // Step 7: session policies limit; a federated-user session without one has no permissions.
        if let sessionPolicies = policies.sessionPolicies {
            if allows(.session).isEmpty {
                let count = sessionPolicies.count
                return result(.denyImplicit, .session, "no Allow statement in the \(count) session polic\(count == 1 ? "y" : "ies") matches")
            }
        } else if request.principalKind == .federatedUserSession {
            return result(.denyImplicit, .session, "a federated-user session without session policies has no permissions")
        }
        if identityAllows.isEmpty {
            notes.add("§2.4 I-D: a resource policy naming the role or everyone grants without an identity Allow, within the boundary and session policies")
            return result(.allow, .resourcePolicy, "the resource policy grants, within the boundary and session policies", deciding: delegating)
        }
        return result(.allow, .identity, "an identity policy allows and nothing denies", deciding: identityAllows)
    }
}
