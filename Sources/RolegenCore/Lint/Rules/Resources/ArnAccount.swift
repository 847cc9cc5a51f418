/// The account field of an ARN is a 12-digit account ID (or `aws` for AWS-owned resources), and
/// empty where the service's ARNs have no account (S3 buckets and objects).
struct ArnAccount: LintRule {
    let metadata = RuleMetadata(
        id: "arn-account", title: "Account in an ARN malformed or not allowed", severity: .error, category: .resources,
        rationale: """
            The fifth field of an ARN is the 12-digit ID of the account that owns the resource (leading \
            zeros included), or "aws" for resources AWS owns (managed policies). Some services have no \
            account in their ARNs: an S3 bucket ARN is arn:aws:s3:::bucket. A malformed account, or an \
            account where the service has none, matches no resource.
            """,
        fix: "Write the 12-digit account ID (\"*\" for any account), or leave the field empty where the service's ARN format has no account.",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.aa("INVALID_ARN_ACCOUNT"), .aa("ARN_ACCOUNT_NOT_ALLOWED"), .parliament("INVALID_ARN"), .validator("invalid_resource")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3::111122223333:ml-data/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::11112222333:role/ml-exec"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::acme-prod:role/ml-exec"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:GetRole", "iam:GetPolicy", "s3:GetObject"],
                 "Resource": ["arn:aws:iam::111122223333:role/ml-exec", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:s3:::ml-data/*",
                              "arn:aws:iam::*:role/x", "arn:aws:iam::${aws:PrincipalAccount}:role/y", "arn:aws:iam::0*:role/z"]}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let index = try ARNFormatIndex.shared(subject.catalog)
        for statement in subject.view.statements {
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) {
                // "*" is any account, none included.
                guard let arn = ARNParts(resource.value), !arn.account.isEmpty, !ARNParts.hasVariable(arn.account),
                      !Glob.isAllStars(arn.account) else { continue }
                let account = arn.account
                let candidates = index.candidates(for: arn, fieldByField: true)
                if let formats = candidates?.formats, formats.allSatisfy({ $0.accountField == .none }) {
                    report.add("'\(resource.value)' has the account '\(account)', but \(arn.service.lowercased()) ARNs of "
                               + "\(ArnRegion.kinds(formats)) have none: it matches no resource", at: resource.location, statement: statement,
                               suggestion: "write 'arn:\(arn.partition):\(arn.service):\(arn.region)::\(arn.resource)'")
                    continue
                }
                if ActionText.hasWildcard(account) {
                    // `*`, `1111*`: a pattern over account IDs must still be able to match twelve digits.
                    let digits = account.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "*" || $0 == "?") }
                    let fixedLength = account.filter { $0 != "*" }.count
                    if !digits || fixedLength > 12 || (!account.contains("*") && fixedLength != 12) {
                        report.add("the account pattern '\(account)' in '\(resource.value)' can match no 12-digit account ID",
                                   at: resource.location, statement: statement)
                    }
                    continue
                }
                if account.count == 12 && account.allSatisfy({ $0.isASCII && $0.isNumber }) { continue }
                if account == "aws" { continue }
                if let formats = candidates?.formats, formats.contains(where: { $0.accountField == .literal(String(account)) }) { continue }
                let digits = account.filter(\.isNumber)
                let hint = digits.count == account.count && !digits.isEmpty
                    ? " (it has \(digits.count) digits; account IDs keep their leading zeros)" : ""
                report.add("the account '\(account)' in '\(resource.value)' is not a 12-digit account ID\(hint): the ARN matches no resource",
                           at: resource.location, statement: statement,
                           suggestion: digits.count == account.count && digits.count < 12
                               ? "write '\(String(repeating: "0", count: 12 - digits.count) + digits)' if that is the account" : nil)
            }
        }
    }
}
