/// Principal is `"*"` or a mapping from AWS, Service, Federated or CanonicalUser to a name or a
/// list of names; AWS names are accounts, IAM users and roles, and STS sessions.
struct PrincipalFormat: LintRule {
    let metadata = RuleMetadata(
        id: "principal-format", title: "Principal is not \"*\" or a valid principal mapping", severity: .error,
        category: .principals,
        rationale: """
            AWS rejects a policy whose Principal is not "*" or a mapping with the keys AWS, Service, \
            Federated and CanonicalUser (case matters), and an AWS principal that is not an account id, \
            an IAM user or role ARN, an STS session ARN or "*". Groups, policies and identity providers \
            are not AWS principals.
            """,
        fix: """
            Write "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:role/NAME"]}; \
            service principals go under "Service", identity providers under "Federated".
            """,
        appliesTo: [.resource, .trust],
        equivalents: [.aa("INVALID_PRINCIPAL_FORMAT"), .aa("INVALID_PRINCIPAL_KEY"), .parliament("UNKNOWN_PRINCIPAL"),
                      .validator("invalid_principal")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "111122223333", "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"aws": "111122223333"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:group/ml"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "11112222333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["111122223333",
                 "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/team/ml-exec", "arn:aws:iam::111122223333:user/ana",
                 "arn:aws:sts::111122223333:assumed-role/ml-exec/session-1", "arn:aws-cn:iam::111122223333:root", "*"],
                 "Service": "sagemaker.amazonaws.com", "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
                 "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
                """#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#, type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for (element, node) in [("Principal", statement.principal), ("NotPrincipal", statement.notPrincipal)] {
                guard let node else { continue }
                checkElement(element, node, statement: statement, report: &report)
            }
        }
    }

    private func checkElement(_ element: String, _ node: SourceNode, statement: StatementView, report: inout RuleReport) {
        // A CloudFormation intrinsic left unresolved ({"Fn::If": …}, {"Ref": …}) is not the policy's own shape.
        if isIntrinsic(node) { return }
        switch node.content {
        case .scalar(let scalar):
            guard scalar.text != "*" else { return }
            report.add("\(element) must be \"*\" or a mapping such as {\"AWS\": \"…\"}, found '\(scalar.text.truncatedForMessage)'",
                       at: node.location, statement: statement, suggestion: keyed(scalar.text).map { "write \(element): \($0)" })
        case .sequence:
            report.add("\(element) must be \"*\" or a mapping such as {\"AWS\": [\"…\"]}, found a list", at: node.location,
                       statement: statement, suggestion: "put the list under a key: {\"AWS\": [...]}, {\"Service\": [...]}")
        case .mapping(let entries):
            for entry in entries {
                guard let key = entry.key.scalarText else { continue }
                guard let kind = PrincipalKind(rawValue: key) else {
                    let names = PrincipalKind.allCases.map(\.rawValue)
                    let sameButCase = names.first { $0.equalsIgnoringCase(key) }
                    report.add("'\(key)' is not a principal key: the keys are \(names.quotedList()) (case matters)",
                               at: entry.key.location, statement: statement,
                               suggestion: (sameButCase ?? Suggestions.closest(to: key, in: names).first).map { "write '\($0)'" })
                    continue
                }
                for item in items(entry.value) where !isIntrinsic(item) {
                    guard case .scalar(let scalar) = item.content else {
                        report.add("the \(key) principal must be a string or a list of strings, found \(item.jsonKind.described)",
                                   at: item.location, statement: statement)
                        continue
                    }
                    checkValue(scalar.text, kind: kind, at: item.location, statement: statement, report: &report)
                }
            }
        }
    }

    private func isIntrinsic(_ node: SourceNode) -> Bool {
        guard let entries = node.mappingEntries, entries.count == 1, let key = entries[0].key.scalarText else { return false }
        return key == "Ref" || key.hasPrefix("Fn::")
    }

    private func items(_ node: SourceNode) -> [SourceNode] {
        node.sequenceItems ?? [node]
    }

    private func checkValue(_ text: String, kind: PrincipalKind, at location: SourceLocation, statement: StatementView,
                            report: inout RuleReport) {
        switch kind {
        case .aws:
            let principal = AWSPrincipal(text)
            guard principal.kind == .invalid else { return }
            var suggestion: String?
            if ServicePrincipalNames.name(of: text) != nil && ServicePrincipalNames.problem(text) == nil {
                suggestion = "a service principal goes under \"Service\": {\"Service\": \"\(text)\"}"
            } else if case .saml = FederatedProvider(text) {
                suggestion = "write {\"Federated\": \"\(text)\"}"
            } else if case .oidc = FederatedProvider(text) {
                suggestion = "write {\"Federated\": \"\(text)\"}"
            }
            report.add("'\(text.truncatedForMessage)' is not a valid AWS principal: \(principal.detail ?? "unknown form")",
                       at: location, statement: statement, suggestion: suggestion)
        case .canonicalUser:
            guard !PrincipalSupport.hasWildcard(text), !text.contains("${") else { return }
            let isHex = text.utf8.count == 64 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
            if !isHex {
                report.add("'\(text.truncatedForMessage)' is not an S3 canonical user id (64 lower-case hexadecimal characters)",
                           at: location, statement: statement)
            }
        case .service, .federated:
            return
        }
    }

    /// `{"AWS": "111122223333"}`, when the text is clearly one kind of principal.
    private func keyed(_ text: String) -> String? {
        if case .webIdentity = FederatedProvider(text) { return "{\"Federated\": \"\(text)\"}" }
        switch AWSPrincipal(text).kind {
        case .account, .user, .role, .assumedRole, .federatedUser, .uniqueID, .cloudFrontIdentity:
            return "{\"AWS\": \"\(text)\"}"
        default:
            break
        }
        if ServicePrincipalNames.name(of: text) != nil && ServicePrincipalNames.problem(text) == nil { return "{\"Service\": \"\(text)\"}" }
        switch FederatedProvider(text) {
        case .saml, .oidc, .webIdentity: return "{\"Federated\": \"\(text)\"}"
        default: return nil
        }
    }
}
