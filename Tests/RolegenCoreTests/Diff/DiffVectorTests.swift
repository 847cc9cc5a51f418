import RolegenCore
import RolegenTestSupport
import Testing

/// Every diff vector of §5.4: the verdict (both directions where the vector gives the reverse),
/// every FAIL witness re-checked with the evaluator, pinned witnesses compared exactly.
@Suite struct DiffVectorTests {
    @Test(arguments: DiffVector.all)
    func vector(_ vector: DiffVector) throws {
        let catalog = try #require(TestCatalog.bundled)
        for mode in vector.modes {
            var options = DiffOptions()
            options.mode = mode == "robust" ? .robust : .standard
            let diff = SemanticDiff(catalog: catalog, options: options)
            let forward = try diff.newAccess(reference: vector.reference, candidate: vector.candidate)
            #expect(forward.verdict == vector.expected, "\(vector.id) mode \(mode): \(forward.findings.map(\.request))")
            if forward.verdict == .fail {
                let finding = try #require(forward.findings.first)
                #expect(DiffRecheck.evaluate(finding.request, vector.candidate) == .allow)
                #expect(DiffRecheck.evaluate(finding.request, vector.reference) != .allow)
                if let pinned = vector.pinned { checkPinned(pinned, finding: finding, id: vector.id) }
            }
            if let reverse = vector.expectedReverse {
                let backward = try diff.newAccess(reference: vector.candidate, candidate: vector.reference)
                #expect(backward.verdict == reverse, "\(vector.id) reversed")
            }
        }
    }

    private func checkPinned(_ pinned: PinnedWitness, finding: DiffFinding, id: String) {
        if let action = pinned.action { #expect(finding.action == action, "\(id) action") }
        if let resource = pinned.resource { #expect(finding.resource.description == resource, "\(id) resource") }
        if let context = pinned.context {
            for (key, value) in context {
                #expect(finding.request.context[key.lowercased()] == [value], "\(id) context \(key)")
            }
        }
    }
}
