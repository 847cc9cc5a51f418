/// Checks of the principals a trust policy names: OIDC providers and their subjects, other
/// accounts, external ids. Each returns what is wrong in words a persona author can act on.
package enum TrustPrincipals {
    package static let githubHost = "token.actions.githubusercontent.com"

    /// The provider's host (`token.actions.githubusercontent.com`) from
    /// `arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST`, or nil when the ARN is not one.
    package static func oidcHost(ofProviderARN arn: String, partition: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn", parts[1] == partition, parts[2] == "iam", parts[3].isEmpty,
              isAccountID(parts[4]), parts[5].hasPrefix("oidc-provider/") else { return nil }
        let host = String(parts[5].dropFirst("oidc-provider/".count))
        guard !host.isEmpty, !host.contains("*"), !host.contains("?"), !host.contains("://"), !host.contains(" "),
              !host.hasPrefix("/") else { return nil }
        return host
    }

    /// Why a `sub` pattern does not pin the workflows that may assume the role, or nil.
    /// Wildcard-only subjects are refused for every provider; GitHub's must name one repository.
    package static func subjectProblem(_ subject: String, host: String) -> String? {
        if subject.isEmpty || subject.allSatisfy({ $0 == "*" || $0 == "?" }) {
            return "subject '\(subject)' admits every workflow of every user of \(host); name the repository and branch or "
                + "environment, such as repo:ORG/REPO:ref:refs/heads/main"
        }
        guard host == githubHost else { return nil }
        let parts = subject.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        let repository = parts.count > 1 ? parts[1].split(separator: "/", omittingEmptySubsequences: false) : []
        let pinned = parts.count == 3 && parts[0] == "repo" && repository.count == 2
            && repository.allSatisfy { !$0.isEmpty && !$0.contains("*") && !$0.contains("?") }
            && !parts[2].isEmpty && !parts[2].allSatisfy({ $0 == "*" || $0 == "?" })
        if pinned { return nil }
        return "GitHub subject '\(subject)' does not pin one repository and ref: expected repo:ORG/REPO:ref:refs/heads/BRANCH, "
            + "repo:ORG/REPO:environment:NAME or repo:ORG/REPO:pull_request, with ORG and REPO written out"
    }

    /// `arn:PARTITION:iam::ID:root` for a 12-digit account id; an IAM role, user or root ARN as it is.
    package static func crossAccountPrincipal(_ text: String, partition: String) -> Result<String, Reason> {
        if isAccountID(text) { return .success("arn:\(partition):iam::\(text):root") }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty {
            guard parts[1] == partition else {
                return .failure(Reason("'\(text)' is in partition \(parts[1]), the role in \(partition)"))
            }
            guard isAccountID(parts[4]) else {
                return .failure(Reason("'\(text)' has account '\(parts[4])': an account id is exactly 12 digits"))
            }
            let resource = parts[5]
            if resource == "root" || ((resource.hasPrefix("role/") || resource.hasPrefix("user/")) && resource.count > 5
                && !resource.contains("*") && !resource.contains("?")) {
                return .success(text)
            }
        }
        let digits = text.filter(\.isASCIIDigit)
        if !text.hasPrefix("arn:") && !digits.isEmpty && text.allSatisfy({ $0.isASCIIDigit || $0 == "-" }) {
            return .failure(Reason("'\(text)' is not an account id: an account id is exactly 12 digits, found \(digits.count)"
                + (text.contains("-") ? " (write it without '-')" : "")))
        }
        return .failure(Reason("'\(text)' is not an account id (12 digits) or the ARN of an account's root, role or user "
            + "(arn:\(partition):iam::ACCOUNT:role/NAME), without wildcards"))
    }

    package static func accountID(ofPrincipalARN arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 6 ? String(parts[4]) : nil
    }

    /// STS takes 2 to 1,224 characters of `[\w+=,.@:\/-]`.
    package static func externalIDProblem(_ text: String) -> String? {
        let allowed = Set("+=,.@:/-_")
        if text.count < 2 || text.count > 1_224 {
            return "an external id is 2 to 1,224 characters, found \(text.count)"
        }
        if let bad = text.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) && !allowed.contains($0) }) {
            return "external id contains '\(bad)'; STS accepts letters, digits and + = , . @ : / - _"
        }
        return nil
    }

    package static func isAccountID(_ text: String) -> Bool {
        text.count == 12 && text.allSatisfy(\.isASCIIDigit)
    }
}

/// IAM's rules for role names, paths and the policy ARNs a persona may name.
package enum RoleNaming {
    package static func nameProblem(_ name: String) -> String? {
        let allowed = Set("+=,.@_-")
        if name.isEmpty || name.count > 64 { return "a role name is 1 to 64 characters, '\(name)' has \(name.count)" }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) && !allowed.contains($0) }) {
            return "role name '\(name)' contains '\(bad)'; IAM accepts letters, digits and + = , . @ _ -"
        }
        return nil
    }

    package static func pathProblem(_ path: String) -> String? {
        if !path.hasPrefix("/") || !path.hasSuffix("/") { return "role path '\(path)' must begin and end with '/', such as /ml/" }
        if path.count > 512 { return "a role path is at most 512 characters, found \(path.count)" }
        if path.contains("//") { return "role path '\(path)' has an empty part ('//')" }
        if let bad = path.unicodeScalars.first(where: { $0.value < 0x21 || $0.value > 0x7E }) {
            return "role path '\(path)' contains '\(bad)'; IAM accepts printable ASCII without spaces"
        }
        return nil
    }

    package static func policyARNProblem(_ arn: String, partition: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[2] == "iam", parts[3].isEmpty, parts[5].hasPrefix("policy/"), parts[5].count > 7,
              parts[4] == "aws" || TrustPrincipals.isAccountID(parts[4]), !arn.contains("*") else {
            return "'\(arn)' is not a managed policy ARN: expected arn:\(partition):iam::ACCOUNT:policy/NAME, or the name of a "
                + "persona whose permissions rolegen makes the boundary"
        }
        if parts[1] != partition { return "'\(arn)' is in partition \(parts[1]), the role in \(partition)" }
        return nil
    }
}
