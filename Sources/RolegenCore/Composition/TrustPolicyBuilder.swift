/// The trust policy that fits a persona's principal.
///
/// Service roles always carry the confused-deputy guard `aws:SourceAccount` (the service may
/// assume the role only on behalf of this account), and `aws:SourceArn` for services known to
/// send it. Role Manager took the trust policy from the first activity only and added this
/// guard to two of thirteen (D6); here it depends on the principal alone.
package enum TrustPolicyBuilder {
    /// Services whose requests carry `aws:SourceArn` when they assume an execution role, with the
    /// ARN service prefix of their resources.
    package static let sourceARNServices: [String: String] = [
        "sagemaker": "sagemaker",
        "bedrock": "bedrock",
        "glue": "glue",
    ]

    /// The trust policy, or `nil` when AWS writes it (IAM Identity Center permission sets).
    package static func build(for persona: ResolvedPersona) -> PolicyDocument? {
        let context = persona.context
        switch persona.principal {
        case .identityCenter:
            return nil
        case .service(let services):
            var condition = ConditionSet()
            condition.set(operator: "StringEquals", key: "aws:SourceAccount", values: [context.account.text])
            var sourceARNs: [String] = []
            var allKnown = true
            for service in services.map(\.text) {
                let name = String(service.prefix { $0 != "." })
                guard let prefix = sourceARNServices[name] else {
                    allKnown = false
                    continue
                }
                sourceARNs += context.regions.map { "arn:\(context.partition.text):\(prefix):\($0.text):\(context.account.text):*" }
            }
            // One statement covers every service; an ArnLike on a key some service does not send
            // would deny that service, so the ARN guard applies only when every service sends it.
            if allKnown && !sourceARNs.isEmpty {
                condition.set(operator: "ArnLike", key: "aws:SourceArn", values: sourceARNs)
            }
            return PolicyDocument(statements: [PolicyStatement(
                sid: "TrustServicePrincipal", effect: .allow, principal: Principal(["Service": services.map(\.text)]),
                actions: ["sts:AssumeRole"], resources: [], condition: condition)])
        case .saml(let provider):
            var condition = ConditionSet()
            condition.set(operator: "StringEquals", key: "SAML:aud",
                          values: [AWSPartitions.samlAudience(ofPartition: context.partition.text)])
            return PolicyDocument(statements: [PolicyStatement(
                sid: "TrustSAMLFederation", effect: .allow, principal: Principal(["Federated": [provider.text]]),
                actions: ["sts:AssumeRoleWithSAML"], resources: [], condition: condition)])
        case .oidc(let provider, let host, let audiences, let subjects):
            // The audience and the pinned subjects: without `sub`, every workflow the provider
            // signs for (every repository on GitHub) could assume the role. StringLike only when
            // a subject has a wildcard, so exact subjects are compared exactly.
            var condition = ConditionSet()
            condition.set(operator: "StringEquals", key: "\(host):aud", values: audiences.map(\.text))
            let texts = subjects.map(\.text)
            let wildcard = texts.contains { $0.contains("*") || $0.contains("?") }
            if wildcard {
                condition.set(operator: "StringLike", key: "\(host):sub", values: texts)
            } else {
                condition.set(operator: "StringEquals", key: "\(host):sub", values: texts)
            }
            return PolicyDocument(statements: [PolicyStatement(
                sid: "TrustOIDCWorkflows", effect: .allow, principal: Principal(["Federated": [provider.text]]),
                actions: ["sts:AssumeRoleWithWebIdentity"], resources: [], condition: condition)])
        case .crossAccount(let principals, let externalID):
            var condition = ConditionSet()
            condition.set(operator: "StringEquals", key: "sts:ExternalId", values: [externalID.text])
            return PolicyDocument(statements: [PolicyStatement(
                sid: "TrustOtherAccounts", effect: .allow, principal: Principal(["AWS": principals.map(\.text)]),
                actions: ["sts:AssumeRole"], resources: [], condition: condition)])
        }
    }
}
