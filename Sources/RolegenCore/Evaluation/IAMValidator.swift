/// Decides whether IAM would accept a policy document, and if not, answers as IAM does: the one
/// error IAM reports, in IAM's own words (iam-semantics.md §1, wording observed from IAM through
/// moto), at the place in the file it is about. `simulate`, `test` and `diff` refuse documents
/// IAM would reject instead of evaluating something no account can hold; the linter's grammar
/// rules say more (every problem, with fixes), this says what AWS will answer.
///
/// When a document has several errors, IAM reports one; the checks run in the order of §1.7:
/// syntax, version, legacy parsing, Sid uniqueness, actions present, resource format, action
/// vendor, resources present, then size. Sid characters and a Principal in an identity policy
/// come right after syntax [I-D].
package struct IAMValidator {
    package enum Profile: String, Sendable, CaseIterable {
        /// Managed and inline identity policies, and permissions boundaries.
        case identity
        case session
        case trust
        case resource
        case scp
        case rcp
    }

    package struct Rejection: Sendable, Equatable, CustomStringConvertible {
        /// IAM's message, verbatim.
        package var message: String
        /// The `MalformedPolicyDocument` / `LimitExceeded` code IAM answers with.
        package var code: String
        package var location: SourceLocation

        package var description: String { "\(location): IAM rejects this policy: \(message)" }
    }

    package let profile: Profile

    package init(profile: Profile) {
        self.profile = profile
    }

    /// The error IAM would answer with, or nil when it would accept the document.
    package func validate(_ bytes: [UInt8], path: String) -> Rejection? {
        switch JSONReader.parse(bytes, path: path) {
        case .failure(let failure):
            return Rejection(message: Self.syntax, code: Self.malformed, location: failure.location)
        case .success(let root):
            return validate(root, size: PolicyJSONWriter.quotaSize(of: String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// Checks a parsed document; `size` is its length as IAM counts it, when known. A document
    /// read from YAML has its plain scalars taken as strings, as converting it to JSON (what
    /// CloudFormation and the AWS CLI do) would quote them.
    package func validate(_ root: SourceNode, size: Int? = nil, fromYAML: Bool = false) -> Rejection? {
        var check = Check(root: root, profile: profile, plainScalarsAreStrings: fromYAML)
        do throws(Rejection) {
            try check.syntax()
            try check.version()
            try check.legacyParsing()
            try check.sidsUnique()
            try check.actionsPresent()
            try check.resourceFormats()
            try check.actionVendors()
            try check.resourcesPresent()
            if let size, let limit = profile.sizeLimit, size > limit {
                throw Rejection(message: "Cannot exceed quota for PolicySize: \(limit)", code: "LimitExceeded", location: root.location)
            }
            return nil
        } catch {
            return error
        }
    }

    static let syntax = "Syntax errors in policy."
    static let malformed = "MalformedPolicyDocument"
    static let legacy = "The policy failed legacy parsing"
}

extension IAMValidator.Rejection: Error {}

extension IAMValidator.Profile {
    /// How messages name a policy of the profile.
    package var title: String {
        switch self {
        case .identity: "identity policy"
        case .session: "session policy"
        case .trust: "role trust policy"
        case .resource: "resource-based policy"
        case .scp: "service control policy"
        case .rcp: "resource control policy"
        }
    }

    /// The characters IAM allows the document (white space not counted), where IAM counts them per document.
    var sizeLimit: Int? {
        switch self {
        case .identity: 6_144
        case .session: 2_048
        case .trust: 2_048
        case .scp, .rcp: 5_120
        case .resource: nil
        }
    }

    var forbidsPrincipal: Bool { self == .identity || self == .session || self == .scp }
    var requiresResource: Bool { self != .trust }
}

/// The checks over one document, each throwing IAM's answer.
private struct Check {
    typealias Rejection = IAMValidator.Rejection

    let root: SourceNode
    let profile: IAMValidator.Profile
    let plainScalarsAreStrings: Bool
    /// The statements, once `syntax()` has accepted them.
    var statements: [SourceNode] = []

    init(root: SourceNode, profile: IAMValidator.Profile, plainScalarsAreStrings: Bool) {
        self.root = root
        self.profile = profile
        self.plainScalarsAreStrings = plainScalarsAreStrings
    }

    static let topMembers: Set<String> = ["Version", "Id", "Statement"]
    static let statementMembers: Set<String> = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource",
                                                "Principal", "NotPrincipal", "Condition"]
    static let principalKinds: Set<String> = ["AWS", "Federated", "Service", "CanonicalUser"]

    func reject(_ message: String, at node: SourceNode, code: String = IAMValidator.malformed) -> Rejection {
        Rejection(message: message, code: code, location: node.location)
    }

    func syntaxError(at node: SourceNode) -> Rejection { reject(IAMValidator.syntax, at: node) }

    // MARK: (1) syntax

    mutating func syntax() throws(Rejection) {
        guard let entries = root.mappingEntries else { throw syntaxError(at: root) }
        try members(entries, allowed: Self.topMembers)
        if let version = value("Version", in: entries) {
            guard let text = string(version), text == "2012-10-17" || text == "2008-10-17" else { throw syntaxError(at: version) }
        }
        if let id = value("Id", in: entries), string(id) == nil { throw syntaxError(at: id) }
        guard let statement = value("Statement", in: entries) else { throw syntaxError(at: root) }
        switch statement.content {
        case .mapping: statements = [statement]
        case .sequence(let items) where !items.isEmpty: statements = items
        default: throw syntaxError(at: statement)
        }
        for statement in statements {
            guard let fields = statement.mappingEntries else { throw syntaxError(at: statement) }
            try members(fields, allowed: Self.statementMembers)
            try self.statement(fields, at: statement)
        }
        // [I-D] placed right after syntax: IAM's order for these two is not observable offline.
        for statement in statements {
            let fields = statement.mappingEntries ?? []
            if let sid = value("Sid", in: fields), let text = string(sid),
               !text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }),
               profile == .identity || profile == .session || profile == .trust {
                throw reject("Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*", at: sid)
            }
            if profile.forbidsPrincipal, let principal = value("Principal", in: fields) ?? value("NotPrincipal", in: fields) {
                throw reject("Policy document should not specify a principal.", at: principal)
            }
        }
    }

    /// Members must be known and appear once.
    private func members(_ entries: [SourceNode.Entry], allowed: Set<String>) throws(Rejection) {
        var seen: Set<String> = []
        for entry in entries {
            guard let key = entry.key.scalarText, allowed.contains(key), seen.insert(key).inserted else { throw syntaxError(at: entry.key) }
        }
    }

    private func statement(_ fields: [SourceNode.Entry], at node: SourceNode) throws(Rejection) {
        if let sid = value("Sid", in: fields), string(sid) == nil { throw syntaxError(at: sid) }
        guard let effect = value("Effect", in: fields), let text = string(effect) else { throw syntaxError(at: node) }
        // A case variant of Allow/Deny is legacy parsing's to reject, anything else is syntax.
        if text.lowercased() != "allow" && text.lowercased() != "deny" { throw syntaxError(at: effect) }
        for (one, other) in [("Action", "NotAction"), ("Resource", "NotResource"), ("Principal", "NotPrincipal")]
        where value(one, in: fields) != nil && value(other, in: fields) != nil {
            throw syntaxError(at: value(other, in: fields)!)
        }
        for name in ["Action", "NotAction", "Resource", "NotResource"] {
            guard let list = value(name, in: fields) else { continue }
            if strings(list) == nil { throw syntaxError(at: list) }
        }
        for name in ["Principal", "NotPrincipal"] {
            guard let principal = value(name, in: fields) else { continue }
            if string(principal) == "*" { continue }
            guard let kinds = principal.mappingEntries, !kinds.isEmpty else { throw syntaxError(at: principal) }
            for kind in kinds {
                guard let key = kind.key.scalarText, Self.principalKinds.contains(key), let values = strings(kind.value), !values.isEmpty else {
                    throw syntaxError(at: kind.key)
                }
            }
        }
        if let condition = value("Condition", in: fields) {
            guard let blocks = condition.mappingEntries else { throw syntaxError(at: condition) }
            for block in blocks {
                guard let keys = block.value.mappingEntries else { throw syntaxError(at: block.value) }
                // An unknown operator passes only with nothing under it.
                if !keys.isEmpty, ConditionOperator(block.key.scalarText ?? "") == nil { throw syntaxError(at: block.key) }
                for key in keys where conditionValues(key.value) == nil { throw syntaxError(at: key.value) }
            }
        }
    }

    // MARK: (2) version

    func version() throws(Rejection) {
        guard profile != .resource else { return }
        let version = value("Version", in: root.mappingEntries ?? [])
        if version.flatMap(string) != "2012-10-17" {
            throw reject("Policy document must be version 2012-10-17 or greater.", at: version ?? root)
        }
    }

    // MARK: (3) legacy parsing

    func legacyParsing() throws(Rejection) {
        for statement in statements {
            let fields = statement.mappingEntries ?? []
            if let effect = value("Effect", in: fields), let text = string(effect), text != "Allow" && text != "Deny" {
                throw reject(IAMValidator.legacy, at: effect)
            }
            for block in value("Condition", in: fields)?.mappingEntries ?? [] {
                guard let name = block.key.scalarText, let parsed = ConditionOperator(name), case .date = parsed.comparison else { continue }
                for key in block.value.mappingEntries ?? [] {
                    for item in conditionValues(key.value) ?? [] where Instant(item.text) == nil {
                        throw reject(IAMValidator.legacy, at: item.node)
                    }
                }
            }
            for name in ["Resource", "NotResource"] {
                guard let list = value(name, in: fields) else { continue }
                for item in listItems(list) {
                    guard let text = string(item), text.contains("::"), text.count(where: { $0 == ":" }) < 5 else { continue }
                    throw reject(IAMValidator.legacy, at: item)
                }
            }
        }
    }

    // MARK: (4) Sid uniqueness

    func sidsUnique() throws(Rejection) {
        var seen: Set<String> = []
        for statement in statements {
            guard let sid = value("Sid", in: statement.mappingEntries ?? []), let text = string(sid), !text.isEmpty else { continue }
            if !seen.insert(text).inserted { throw reject("Statement IDs (SID) in a single policy must be unique.", at: sid) }
        }
    }

    // MARK: (5) actions present

    func actionsPresent() throws(Rejection) {
        for statement in statements {
            let fields = statement.mappingEntries ?? []
            let list = value("Action", in: fields) ?? value("NotAction", in: fields)
            if list.flatMap(strings)?.isEmpty ?? true { throw reject("Policy statement must contain actions.", at: list ?? statement) }
            if profile == .trust, let actions = value("Action", in: fields) {
                for item in listItems(actions) {
                    guard let text = string(item)?.lowercased(), !text.hasPrefix("sts:") else { continue }
                    throw reject("Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity",
                                 at: item)
                }
            }
        }
    }

    // MARK: (6) resource format

    func resourceFormats() throws(Rejection) {
        for statement in statements {
            let fields = statement.mappingEntries ?? []
            if profile == .trust {
                if let resource = value("Resource", in: fields) { throw reject("Has prohibited field Resource.", at: resource) }
                continue
            }
            for name in ["Resource", "NotResource"] {
                guard let list = value(name, in: fields) else { continue }
                for item in listItems(list) {
                    if let message = ResourceFormat.problem(string(item) ?? "") { throw reject(message, at: item) }
                }
            }
        }
    }

    // MARK: (7) action vendor

    func actionVendors() throws(Rejection) {
        for statement in statements {
            let fields = statement.mappingEntries ?? []
            for name in ["Action", "NotAction"] {
                guard let list = value(name, in: fields) else { continue }
                for item in listItems(list) {
                    guard let text = string(item), text != "*" else { continue }
                    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
                    if parts.count == 1 { throw reject("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.", at: item) }
                    if parts.count > 2 { throw reject("Actions/Condition can contain only one colon.", at: item) }
                    let vendor = parts[0]
                    let valid = vendor == "*" || (!vendor.isEmpty && vendor.unicodeScalars.allSatisfy {
                        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-"
                    })
                    if !valid { throw reject("Vendor \(vendor) is not valid", at: item) }
                }
            }
        }
    }

    // MARK: (8) resources present

    func resourcesPresent() throws(Rejection) {
        guard profile.requiresResource else { return }
        for statement in statements {
            let fields = statement.mappingEntries ?? []
            let list = value("Resource", in: fields) ?? value("NotResource", in: fields)
            if list.flatMap(strings)?.isEmpty ?? true { throw reject("Policy statement must contain resources.", at: list ?? statement) }
        }
    }

    // MARK: - Reading

    private func value(_ key: String, in entries: [SourceNode.Entry]) -> SourceNode? {
        entries.last { $0.key.scalarText == key }?.value
    }

    /// A JSON string (quoted); numbers, booleans and null are not strings here. In YAML every
    /// plain scalar but null is one.
    private func string(_ node: SourceNode) -> String? {
        guard case .scalar(let scalar) = node.content else { return nil }
        if scalar.isPlain && !(plainScalarsAreStrings && !node.isNull) { return nil }
        return scalar.text
    }

    /// A string or an array of strings; nil for anything else.
    private func strings(_ node: SourceNode) -> [String]? {
        if let text = string(node) { return [text] }
        guard case .sequence(let items) = node.content else { return nil }
        let texts = items.compactMap(string)
        return texts.count == items.count ? texts : nil
    }

    private func listItems(_ node: SourceNode) -> [SourceNode] {
        if case .sequence(let items) = node.content { return items }
        return [node]
    }

    /// A condition key's values: strings, numbers and booleans, alone or in an array (quotes are
    /// optional for numbers and booleans); nil for objects, null and nested arrays.
    private func conditionValues(_ node: SourceNode) -> [(text: String, node: SourceNode)]? {
        func one(_ node: SourceNode) -> (text: String, node: SourceNode)? {
            guard case .scalar(let scalar) = node.content, !(scalar.isPlain && scalar.text == "null") else { return nil }
            return (scalar.text, node)
        }
        if let single = one(node) { return [single] }
        guard case .sequence(let items) = node.content else { return nil }
        let values = items.compactMap(one)
        return values.count == items.count ? values : nil
    }
}

/// IAM's resource string checks (§1.4), in its wording.
///
/// Two widenings of the spec's list, on the evidence of policies AWS itself deploys (decisions.md):
/// the IAM root user's ARN (`arn:aws:iam::*:root`, IAMAuditRootUserCredentials) and the regional
/// S3 resource types besides access points (`access-grants/`, SageMakerStudioProjectRole…Policy;
/// the catalog gives jobs and Storage Lens the same region-and-account form).
enum ResourceFormat {
    /// S3 resource types whose ARNs carry a region.
    static let regionalS3Prefixes = ["accesspoint/", "access-grants/", "job/", "storage-lens/", "storage-lens-group/"]

    static let iamPrefixes = ["user/", "federated-user/", "role/", "group/", "instance-profile/", "mfa/", "server-certificate/", "policy/",
                              "sms-mfa/", "saml-provider/", "oidc-provider/", "report/", "access-report/"]

    static func problem(_ resource: String) -> String? {
        if resource == "*" { return nil }
        guard resource.contains(":") else { return "Resource \(resource) must be in ARN format or \"*\"." }
        let fields = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        // Short ARNs without `::` (`arn:aws:fdsasf`) are accepted.
        guard fields.count >= 3 else {
            return fields.count == 2 && fields[1] != "*" && !AWSPartitions.partitions.contains(fields[1]) && !fields[1].isEmpty
                ? partitionProblem(fields, resource) : (fields.count == 2 ? "Resource vendor must be fully qualified and cannot contain regexes." : nil)
        }
        if fields[1] != "*" && !AWSPartitions.partitions.contains(fields[1]) { return partitionProblem(fields, resource) }
        if fields[2].isEmpty { return "Resource vendor must be fully qualified and cannot contain regexes." }
        guard fields.count == 6 else { return nil }
        let service = fields[2], region = fields[3], rest = fields[5]
        if service == "iam" && !region.isEmpty { return "IAM resource \(resource) cannot contain region information." }
        if service == "s3" && !region.isEmpty && !regionalS3Prefixes.contains(where: { rest.hasPrefix($0) }) {
            return "Resource \(resource) can not contain region information."
        }
        if service == "iam" && rest != "*" && rest != "root" && !iamPrefixes.contains(where: { rest.hasPrefix($0) }) {
            return "IAM resource path must either be \"*\" or start with " + iamPrefixes.joined(separator: ", ") + "."
        }
        return nil
    }

    /// `Partition "p" is not valid for resource "arn:p:f3:f4:f5:f6".`, missing fields printed as `*`.
    private static func partitionProblem(_ fields: [String], _ resource: String) -> String {
        let shown = (1..<6).map { $0 < fields.count ? fields[$0] : "*" }
        return "Partition \"\(fields[1])\" is not valid for resource \"arn:\(shown.joined(separator: ":"))\"."
    }
}
