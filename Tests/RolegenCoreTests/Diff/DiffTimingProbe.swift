import Foundation
import RolegenCore
import RolegenTestSupport
import Testing

@Suite struct DiffTimingProbe {
    @Test func timing() throws {
        guard ProcessInfo.processInfo.environment["DIFF_PROBE"] != nil else { return }
        let catalog = try #require(TestCatalog.bundled)
        for vector in DiffVector.all {
            let start = Date()
            let result = try SemanticDiff(catalog: catalog).newAccess(reference: vector.reference, candidate: vector.candidate)
            print(vector.id, result.verdict, String(format: "%.3f", Date().timeIntervalSince(start)), result.findings.map { "\($0.action) \($0.resource) \($0.context)" }, result.notes)
        }
    }
}
