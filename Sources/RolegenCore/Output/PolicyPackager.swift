/// Packs a permissions policy into managed policies that each fit IAM's size quota, so a
/// persona larger than one managed policy still deploys (a role can have ten attached).
///
/// Statements are kept whole and unchanged: the documents together grant exactly what the
/// single document grants. They are placed first-fit in decreasing order of size (ties in
/// document order), which needs few documents and gives the same packing on every run; each
/// document keeps its statements in the original order.
package enum PolicyPackager {
    package static func pack(_ document: PolicyDocument, quota: Int = IAMQuota.managedPolicy) -> Result<[PolicyDocument], Reason> {
        // Without white space a document's size is additive: the frame, each statement, and a
        // comma between statements. Measuring each statement once keeps packing linear.
        let sizes = document.statements.map { PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.json($0).rendered()) }
        func total(_ indexes: [Int]) -> Int { frameSize + indexes.reduce(0) { $0 + sizes[$1] } + max(0, indexes.count - 1) }
        let all = Array(document.statements.indices)
        if total(all) <= quota { return .success([document]) }
        if let largest = all.max(by: { sizes[$0] < sizes[$1] }), total([largest]) > quota {
            return .failure(Reason("statement \(document.statements[largest].sid ?? "#\(largest + 1)") alone is "
                + "\(total([largest])) characters as a policy, more than the \(quota) of one managed policy"))
        }
        var bins: [(indexes: [Int], size: Int)] = []
        for index in all.sorted(by: { (sizes[$0], -$0) > (sizes[$1], -$1) }) {
            if let bin = bins.indices.first(where: { bins[$0].size + 1 + sizes[index] <= quota }) {
                bins[bin].indexes.append(index)
                bins[bin].size += 1 + sizes[index]
            } else {
                bins.append(([index], total([index])))
            }
        }
        return .success(bins.map { bin in
            PolicyDocument(version: document.version, statements: bin.indexes.sorted().map { document.statements[$0] })
        })
    }

    /// `{"Version":"2012-10-17","Statement":[]}` as IAM counts it.
    private static let frameSize = PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(PolicyDocument(statements: [])))
}
