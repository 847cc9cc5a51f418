import Testing
@testable import RolegenCore

/// The parts of §2.4 the vectors do not reach: RCP levels, resource policies, session rules.
@Suite struct DecisionProcedureTests {
    static func policy(_ name: String, _ statements: String) -> EvaluationPolicy {
        let root = try! JSONReader.parse(#"{"Version":"2012-10-17","Statement":\#(statements)}"#, path: name).get()
        return EvaluationPolicy(root, name: name)
    }

    static let allowAll = policy("all", #"[{"Effect":"Allow","Action":"*","Resource":"*"}]"#)
    static let denyS3 = policy("deny-s3", #"[{"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}]"#)
    static let user = "AWS:arn:aws:iam::111122223333:user/alice"
    static let get = EvaluationRequest(action: "s3:GetObject", resource: .arn("arn:aws:s3:::b/k"), principal: user)

    static func bucketPolicy(_ principal: String) -> EvaluationPolicy {
        policy("bucket", #"[{"Sid":"Grant","Effect":"Allow","Principal":\#(principal),"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]"#)
    }

    @Test func getCallerIdentityIsAlwaysAllowed() {
        let result = Evaluator().evaluate(EvaluationRequest(action: "STS:GetCallerIdentity", resource: .top),
                                          in: PolicySet(identity: [Self.policy("d", #"[{"Effect":"Deny","Action":"*","Resource":"*"}]"#)]))
        #expect(result.decision == .allow && result.layer == nil)
    }

    @Test func rcpLevelsEachNeedAnAllow() {
        let ec2Only = Self.policy("rcp-ec2", #"[{"Effect":"Allow","Principal":"*","Action":"ec2:*","Resource":"*"}]"#)
        let result = Evaluator().evaluate(Self.get, in: PolicySet(identity: [Self.allowAll], rcpLevels: [[Self.allowAll], [ec2Only]]))
        #expect(result.decision == .denyImplicit && result.layer == .rcp && result.scpLevel == 1)
        let denied = Evaluator().evaluate(Self.get, in: PolicySet(identity: [Self.allowAll], rcpLevels: [[Self.allowAll, Self.denyS3]]))
        #expect(denied.decision == .denyExplicit && denied.layer == .rcp && denied.deciding.map(\.sid) == ["NoS3"])
    }

    @Test func explicitDenyNamesEveryFiringStatement() {
        let other = Self.policy("deny-get", #"[{"Effect":"Deny","Action":"s3:Get*","Resource":"*"}]"#)
        let result = Evaluator().evaluate(Self.get, in: PolicySet(identity: [Self.allowAll, Self.denyS3, other]))
        #expect(result.decision == .denyExplicit && result.deciding.map(\.policy) == ["deny-s3", "deny-get"])
    }

    @Test func resourcePolicyNamingTheUserGrantsPastBoundaryAndIdentity() {
        let boundary = Self.policy("pb", #"[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]"#)
        let set = PolicySet(permissionsBoundary: boundary, resourcePolicy: Self.bucketPolicy(#"{"AWS":"arn:aws:iam::111122223333:user/alice"}"#))
        let result = Evaluator().evaluate(Self.get, in: set)
        #expect(result.decision == .allow && result.layer == .resourcePolicy && result.deciding.map(\.sid) == ["Grant"])
        var withDeny = set
        withDeny.identity = [Self.denyS3]
        #expect(Evaluator().evaluate(Self.get, in: withDeny).decision == .denyExplicit)
    }

    @Test("a resource policy naming everyone replaces the identity Allow, within the boundary (I-D)", .tags(.implementationDefined))
    func resourcePolicyForEveryone() {
        let everyone = PolicySet(resourcePolicy: Self.bucketPolicy(#""*""#))
        #expect(Evaluator().evaluate(Self.get, in: everyone).decision == .allow)
        var bounded = everyone
        bounded.permissionsBoundary = Self.policy("pb", #"[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]"#)
        let result = Evaluator().evaluate(Self.get, in: bounded)
        #expect(result.decision == .denyImplicit && result.layer == .permissionsBoundary)
    }

    @Test func resourcePolicyNamingTheAccountDelegatesToIdentity() {
        let set = PolicySet(resourcePolicy: Self.bucketPolicy(#"{"AWS":"111122223333"}"#))
        let result = Evaluator().evaluate(Self.get, in: set)
        #expect(result.decision == .denyImplicit && result.layer == .identity)
        let other = Evaluator().evaluate(Self.get, in: PolicySet(resourcePolicy: Self.bucketPolicy(#"{"AWS":"arn:aws:iam::999999999999:user/alice"}"#)))
        #expect(other.statements.first?.mismatch?.element == "principal")
    }

    @Test func federatedSessionWithSessionPolicy() {
        var request = Self.get
        request.principalKind = .federatedUserSession
        let session = Self.policy("sp", #"[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]"#)
        #expect(Evaluator().evaluate(request, in: PolicySet(identity: [Self.allowAll], sessionPolicies: [session])).decision == .allow)
        #expect(Evaluator().evaluate(request, in: PolicySet(identity: [Self.allowAll])).layer == .session)
    }

    @Test func explanationListsEveryStatementAndNote() {
        let f = Self.policy("f.json", #"[{"Sid":"A","Effect":"Allow","Action":"s3:PutObject","Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}"}]"#)
        let lines = Evaluator().evaluate(Self.get, in: PolicySet(identity: [f])).explanation()
        #expect(lines == [
            "DENY_IMPLICIT: no Allow statement in the identity policies matches",
            "  identity f.json #0 (Sid A) Allow: no match: action: s3:GetObject is not matched by Action [s3:PutObject]",
            "  identity f.json #1 Allow: no match: resource: arn:aws:s3:::b/k is not matched by Resource [arn:aws:s3:::b/${aws:username}]",
            "  note: §3.6: variable ${aws:username} in resource 'arn:aws:s3:::b/${aws:username}' is absent: the pattern matches no resource",
        ])
    }
}
