/// Packs a permissions policy into managed policies that each fit IAM's size quota, so a
/// persona larger than one managed policy still deploys (a role can have ten attached).
///
/// Statements are kept whole and unchanged: the documents together grant exactly what the
/// single document grants. They are placed first-fit in decreasing order of size (ties in
/// document order), which needs few documents and gives the same packing on every run; each
/// document keeps its statements in the original order.
package enum PolicyPackager {
    package static func pack(_ document: PolicyDocument, quota: Int = IAMQuota.managedPolicy) -> Result<[PolicyDocument], Reason> {
        if size(of: document.statements) <= quota { return .success([document]) }
        let sized = document.statements.enumerated().map { (index: $0.offset, statement: $0.element, size: size(of: [$0.element])) }
        if let largest = sized.max(by: { $0.size < $1.size }), largest.size > quota {
            return .failure(Reason("statement \(largest.statement.sid ?? "#\(largest.index + 1)") alone is \(largest.size) characters "
                + "as a policy, more than the \(quota) of one managed policy"))
        }
        var bins: [[Int]] = []
        for item in sized.sorted(by: { ($0.size, -$0.index) > ($1.size, -$1.index) }) {
            if let bin = bins.indices.first(where: { size(of: (bins[$0] + [item.index]).map { document.statements[$0] }) <= quota }) {
                bins[bin].append(item.index)
            } else {
                bins.append([item.index])
            }
        }
        return .success(bins.map { bin in
            PolicyDocument(version: document.version, statements: bin.sorted().map { document.statements[$0] })
        })
    }

    /// The size IAM counts for a document holding these statements.
    private static func size(of statements: [PolicyStatement]) -> Int {
        PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(PolicyDocument(statements: statements)))
    }
}
