/// How bad a finding is. `error`: AWS rejects the policy, or a statement can never apply.
/// `critical` to `info`: decreasing risk in a policy AWS accepts.
package enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info
    case low
    case medium
    case high
    case critical
    case error

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
