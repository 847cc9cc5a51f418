import Foundation
@testable import RolegenCore

/// The rules every policy rolegen generates must obey (issue 4), checked on the written JSON
/// files, independently of the checks the generator makes while composing: a generator bug that
/// slipped past its own checks still fails here.
struct LeastPrivilegeAudit {
    let catalog: Catalog
    let partition: String
    let account: String
    let regions: Set<String>
    /// Sids of statements whose template explains `Resource: "*"` (`unscoped_reason`).
    let unscopedSids: Set<String>

    init(catalog: Catalog, context: PersonaContext, unscopedSids: Set<String> = []) {
        self.catalog = catalog
        self.partition = context.partition.text
        self.account = context.account.text
        self.regions = Set(context.regions.map(\.text))
        self.unscopedSids = unscopedSids
    }

    /// The audit of a generated bundle.
    init(catalog: Catalog, bundle: RoleBundle) {
        let unscoped = bundle.statements.filter { $0.provenance.contains { $0.unscopedReason != nil } }.compactMap(\.statement.sid)
        self.init(catalog: catalog, context: bundle.persona.context, unscopedSids: Set(unscoped))
    }

    /// IAM's quotas, white space not counted.
    static let managedPolicyQuota = 6_144
    static let trustPolicyQuota = 2_048

    /// Every broken rule of every file of the bundle, as "file: Sid: problem".
    func problems(in files: [BundleFile]) -> [String] {
        var problems: [String] = []
        for file in files where file.kind == "permissions-policy" || file.kind == "trust-policy" {
            let size = PolicyJSONWriter.quotaSize(of: file.contents)
            let quota = file.kind == "trust-policy" ? Self.trustPolicyQuota : Self.managedPolicyQuota
            if size > quota { problems.append("\(file.name): \(size) characters, over IAM's \(quota)") }
            guard file.kind == "permissions-policy" else { continue }
            guard let document = try? JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any],
                  let statements = document["Statement"] as? [[String: Any]] else {
                problems.append("\(file.name): not a policy document")
                continue
            }
            for statement in statements {
                let sid = statement["Sid"] as? String ?? "(no Sid)"
                problems += self.problems(in: statement).map { "\(file.name): \(sid): \($0)" }
            }
        }
        return problems
    }

    private func problems(in statement: [String: Any]) -> [String] {
        var problems: [String] = []
        let isAllow = statement["Effect"] as? String == "Allow"
        if isAllow && (statement["NotAction"] != nil || statement["NotResource"] != nil) {
            problems.append("NotAction or NotResource in an Allow statement")
        }
        let actionNames = statement["Action"] as? [String] ?? []
        let resources = statement["Resource"] as? [String] ?? []
        let conditions = statement["Condition"] as? [String: [String: Any]] ?? [:]
        guard isAllow else { return problems }

        var actions: [ActionDefinition] = []
        for name in actionNames {
            if name.contains("*") || name.contains("?") {
                problems.append("action pattern '\(name)' in an Allow statement (rolegen writes exact actions)")
                continue
            }
            guard case .found(let action)? = try? catalog.lookup(name) else {
                problems.append("'\(name)' is not an action of the catalog")
                continue
            }
            actions.append(action)
        }

        if actionNames.contains("iam:PassRole") {
            if resources.contains(where: { $0.contains("*") || !$0.contains(":role/") }) {
                problems.append("iam:PassRole on something other than named roles: \(resources)")
            }
            if (conditions["StringEquals"]?["iam:PassedToService"]).map({ _ in true }) != true {
                problems.append("iam:PassRole without StringEquals iam:PassedToService")
            }
        }

        if resources.contains("*") {
            if resources.count > 1 { problems.append("\"*\" beside other resources") }
            let explained = unscopedSids.contains(statement["Sid"] as? String ?? "")
            for action in actions where !Self.mayUseStar(action, explained: explained) {
                problems.append("\(action.fullName) supports resource-level permissions but is on \"*\"")
            }
        }
        for resource in resources where resource != "*" {
            guard case .success(let arn) = ARN.parse(resource) else {
                problems.append("'\(resource)' is not an ARN")
                continue
            }
            if arn.partition != partition { problems.append("'\(resource)' is not in partition \(partition)") }
            if !arn.region.isEmpty && !regions.contains(arn.region) && !reachedThroughOwnRegion(conditions) {
                problems.append("'\(resource)' is not in the persona's regions")
            }
            if !arn.account.isEmpty && arn.account != account && arn.account != "aws" {
                problems.append("'\(resource)' is not in account \(account)")
            }
        }

        for (operatorName, keys) in conditions {
            for key in keys.keys {
                for action in actions where (try? catalog.supports(key, action: action)) != true {
                    problems.append("\(operatorName) \(key): \(action.fullName) does not evaluate this key")
                }
            }
        }
        return problems
    }

    /// A resource in another region is right only when the statement allows it solely through a
    /// resource of the persona's own regions and account: Bedrock's cross-Region inference
    /// profiles (`ArnLike bedrock:InferenceProfileArn`) route a call to the model in other regions.
    private func reachedThroughOwnRegion(_ conditions: [String: [String: Any]]) -> Bool {
        let arns = conditions.filter { $0.key.hasPrefix("Arn") }.values.flatMap(\.values)
            .flatMap { ($0 as? [String]) ?? [($0 as? String) ?? ""] }
        return !arns.isEmpty && arns.allSatisfy { text in
            guard case .success(let arn) = ARN.parse(text) else { return false }
            return regions.contains(arn.region) && arn.account == account
        }
    }

    /// Actions that take no resource, and List actions whose resource types are all optional
    /// (docs/decisions.md), are the only ones "*" is right for; other actions with optional
    /// types only when the template says why.
    private static func mayUseStar(_ action: ActionDefinition, explained: Bool) -> Bool {
        action.resourceTypes.isEmpty
            || (action.accessLevel == .list && !action.resourceTypes.contains(where: \.isRequired))
            || (explained && CatalogChecks.mayBeUnscoped(action))
    }
}
