import Foundation
import RolegenCore
import RolegenTestSupport
import Testing

/// Builds policies from statement JSON and runs the diff with the bundled catalog.
enum DiffFixture {
    static func policy(_ statements: String, name: String, version: String = "2012-10-17") -> EvaluationPolicy {
        let text = "{\"Version\":\"\(version)\",\"Statement\":[\(statements)]}"
        let root = try! JSONReader.parse(text, path: name).get()
        return EvaluationPolicy(root, name: name)
    }

    static func allow(_ action: String, _ resource: String, condition: String? = nil) -> String {
        "{\"Effect\":\"Allow\",\"Action\":\(quoted(action)),\"Resource\":\(quoted(resource))"
            + (condition.map { ",\"Condition\":\($0)" } ?? "") + "}"
    }

    static func deny(_ action: String, _ resource: String, condition: String? = nil) -> String {
        allow(action, resource, condition: condition).replacingOccurrences(of: "\"Allow\"", with: "\"Deny\"")
    }

    private static func quoted(_ text: String) -> String {
        text.hasPrefix("[") ? text : "\"\(text)\""
    }

    /// NewAccess(B, A): what `candidate` allows that `reference` does not.
    static func newAccess(_ reference: String, _ candidate: String, options: DiffOptions = DiffOptions(),
                          catalog: Catalog? = TestCatalog.bundled) throws -> DiffDirectionResult {
        try SemanticDiff(catalog: catalog, options: options)
            .newAccess(reference: [policy(reference, name: "A")], candidate: [policy(candidate, name: "B")])
    }

    /// Every FAIL witness must be confirmed by the evaluator.
    static func expectVerified(_ result: DiffDirectionResult, reference: String, candidate: String) {
        for finding in result.findings where finding.verified {
            #expect(DiffRecheck.evaluate(finding.request, [policy(candidate, name: "B")]) == .allow)
            #expect(DiffRecheck.evaluate(finding.request, [policy(reference, name: "A")]) != .allow)
        }
    }
}
