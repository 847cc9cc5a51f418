/// How a role's permissions are deployed: attached managed policies (the default) or inline
/// policies, and how many managed policies the role may have attached.
package struct PackagingOptions: Hashable, Sendable {
    package enum Attachment: String, Hashable, Sendable {
        case managed
        case inline
    }

    package var attachment: Attachment
    package var maxPolicies: Int

    package init(attachment: Attachment = .managed, maxPolicies: Int = IAMQuota.attachedPolicies) {
        self.attachment = attachment
        self.maxPolicies = maxPolicies
    }
}

/// Packs a permissions policy into policies that each fit IAM's size quota, so a persona larger
/// than one managed policy still deploys (a role can have ten attached, twenty with an increase).
///
/// A statement too large for one policy by itself is split: its action list, or its resource
/// list, into parts that each fit (Sid `NamePart1`, `NamePart2`, ...). A statement applies when
/// the action is one of its actions and the resource one of its resources, so parts that
/// partition one of the lists grant (or deny) exactly what the whole statement does. `NotAction`
/// and `NotResource` lists are never split. The statements and parts are then placed first-fit in
/// decreasing order of size (ties in document order), which needs few documents and gives the same
/// packing on every run; each document keeps its statements in the original order.
package enum PolicyPackager {
    /// The documents for `options`: managed policies of at most `quota` characters, or one inline
    /// document within the quota of all inline policies of a role.
    package static func package(_ document: PolicyDocument, options: PackagingOptions) -> Result<[PolicyDocument], Reason> {
        switch options.attachment {
        case .inline:
            let size = PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(document))
            if size <= IAMQuota.inlinePolicies { return .success([document]) }
            return .failure(Reason("the permissions policy is \(size) characters, \(size - IAMQuota.inlinePolicies) more than the "
                + "\(IAMQuota.inlinePolicies) IAM allows for all inline policies of one role together; attach it as managed "
                + "policies instead (leave out --inline)"))
        case .managed:
            let packed: [PolicyDocument]
            switch pack(document) {
            case .success(let documents): packed = documents
            case .failure(let reason): return .failure(reason)
            }
            if packed.count <= options.maxPolicies { return .success(packed) }
            let size = PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(document))
            let capacity = options.maxPolicies * IAMQuota.managedPolicy
            let over = size > capacity ? " (\(size - capacity) characters more than \(options.maxPolicies) × \(IAMQuota.managedPolicy))" : ""
            return .failure(Reason("the permissions policy is \(size) characters: it needs \(packed.count) managed policies of at most "
                + "\(IAMQuota.managedPolicy) characters, \(packed.count - options.maxPolicies) more than the \(options.maxPolicies) "
                + "allowed\(over); a role may have \(IAMQuota.attachedPolicies) managed policies attached by default and "
                + "\(IAMQuota.attachedPoliciesMaximum) with a quota increase (--max-policies), or the persona must grant less"))
        }
    }

    package static func pack(_ document: PolicyDocument, quota: Int = IAMQuota.managedPolicy) -> Result<[PolicyDocument], Reason> {
        // Without white space a document's size is additive: the frame, each statement, and a
        // comma between statements. Measuring each statement once keeps packing linear.
        let whole = document.statements.map(size(of:))
        func total(_ sizes: [Int]) -> Int { frameSize + sizes.reduce(0, +) + max(0, sizes.count - 1) }
        if total(whole) <= quota { return .success([document]) }
        var pieces: [PolicyStatement] = []
        for (statement, size) in zip(document.statements, whole) {
            if frameSize + size <= quota {
                pieces.append(statement)
                continue
            }
            switch split(statement, limit: quota - frameSize) {
            case .success(let parts): pieces += parts
            case .failure(let reason): return .failure(reason)
            }
        }
        let sizes = pieces.map(size(of:))
        var bins: [(indexes: [Int], size: Int)] = []
        for index in pieces.indices.sorted(by: { (sizes[$0], -$0) > (sizes[$1], -$1) }) {
            if let bin = bins.indices.first(where: { bins[$0].size + 1 + sizes[index] <= quota }) {
                bins[bin].indexes.append(index)
                bins[bin].size += 1 + sizes[index]
            } else {
                bins.append(([index], total([sizes[index]])))
            }
        }
        return .success(bins.map { bin in
            PolicyDocument(version: document.version, statements: bin.indexes.sorted().map { pieces[$0] })
        })
    }

    /// Parts of `statement` that each take at most `limit` characters, splitting the longer of its
    /// action and resource lists first.
    package static func split(_ statement: PolicyStatement, limit: Int) -> Result<[PolicyStatement], Reason> {
        // Room for the Sid's `PartNNNN`, added once the number of parts is known.
        let suffixRoom = statement.sid == nil ? 0 : "Part9999".count
        guard let parts = splitParts(statement, limit: limit - suffixRoom, dimensions: preferredDimensions(of: statement)) else {
            let asPolicy = size(of: statement) + frameSize
            let quota = limit + frameSize
            return .failure(Reason("statement \(statement.sid ?? "without Sid") alone is \(asPolicy) characters as a policy, "
                + "\(asPolicy - quota) more than the \(quota) of one managed policy, and cannot be split: one action on one "
                + "resource (or a NotAction/NotResource list) with its conditions is that large"))
        }
        if parts.count == 1 { return .success(parts) }
        return .success(parts.enumerated().map { index, part in
            var named = part
            named.sid = statement.sid.map { "\($0)Part\(index + 1)" }
            return named
        })
    }

    private enum Dimension { case actions, resources }

    /// The splittable lists, the one that takes more characters first.
    private static func preferredDimensions(of statement: PolicyStatement) -> [Dimension] {
        let actionChars = statement.actionsAreExcluded ? 0 : statement.actions.reduce(0) { $0 + $1.count }
        let resourceChars = statement.resourcesAreExcluded ? 0 : statement.resources.reduce(0) { $0 + $1.count }
        var dimensions: [Dimension] = []
        if !statement.actionsAreExcluded && statement.actions.count > 1 { dimensions.append(.actions) }
        if !statement.resourcesAreExcluded && statement.resources.count > 1 { dimensions.append(.resources) }
        return resourceChars > actionChars ? dimensions.reversed() : dimensions
    }

    private static func splitParts(_ statement: PolicyStatement, limit: Int, dimensions: [Dimension]) -> [PolicyStatement]? {
        if size(of: statement) <= limit { return [statement] }
        guard let dimension = dimensions.first else { return nil }
        let items = dimension == .actions ? statement.actions : statement.resources
        guard items.count > 1 else { return splitParts(statement, limit: limit, dimensions: Array(dimensions.dropFirst())) }
        func with(_ list: [String]) -> PolicyStatement {
            var copy = statement
            if dimension == .actions { copy.actions = list } else { copy.resources = list }
            return copy
        }
        // A part's size is the statement with one item plus, for each further item, the item and a comma.
        let base = size(of: with([items[0]])) - itemSize(items[0])
        var chunks: [[String]] = []
        var current: [String] = []
        var currentSize = base
        for item in items {
            let added = itemSize(item) + (current.isEmpty ? 0 : 1)
            if !current.isEmpty && currentSize + added > limit {
                chunks.append(current)
                current = []
                currentSize = base
            }
            currentSize += itemSize(item) + (current.isEmpty ? 0 : 1)
            current.append(item)
        }
        if !current.isEmpty { chunks.append(current) }
        var parts: [PolicyStatement] = []
        for chunk in chunks {
            guard let sub = splitParts(with(chunk), limit: limit, dimensions: Array(dimensions.dropFirst())) else { return nil }
            parts += sub
        }
        return parts
    }

    private static func size(of statement: PolicyStatement) -> Int {
        PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.json(statement).rendered())
    }

    private static func itemSize(_ item: String) -> Int {
        PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.quote(item))
    }

    /// `{"Version":"2012-10-17","Statement":[]}` as IAM counts it.
    private static let frameSize = PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(PolicyDocument(statements: [])))
}
