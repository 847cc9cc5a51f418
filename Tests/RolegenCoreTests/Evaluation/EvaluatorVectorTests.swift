import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Every evaluator vector of the specification (§5.2), evaluator-only rows included.
@Suite struct EvaluatorVectorTests {
    @Test func allVectorsAreLoaded() {
        #expect(SemanticsVectors.evaluator.count == 122)
    }

    @Test(arguments: SemanticsVectors.evaluator.filter { !$0.implementationDefined })
    func vector(_ vector: SemanticsVectors.Evaluator) throws {
        try check(vector)
    }

    @Test("I-D vectors", .tags(.implementationDefined), arguments: SemanticsVectors.evaluator.filter(\.implementationDefined))
    func implementationDefinedVector(_ vector: SemanticsVectors.Evaluator) throws {
        try check(vector)
    }

    private func check(_ vector: SemanticsVectors.Evaluator) throws {
        let policies = vector.policies
        let set = PolicySet(
            identity: try (policies.identity ?? []).map { try $0.evaluationPolicy() },
            permissionsBoundary: try policies.permissionsBoundary?.evaluationPolicy(),
            scpLevels: try (policies.scpChain ?? []).map { try $0.policies.map { try $0.evaluationPolicy() } },
            sessionPolicies: try policies.sessionPolicies?.map { try $0.evaluationPolicy() })
        let kind = try #require(RequestPrincipalKind(rawValue: vector.principal.type))
        let request = EvaluationRequest(action: vector.request.action, resource: RequestResource(vector.request.resource),
                                        context: vector.request.context.mapValues(\.strings), principalKind: kind)
        let result = Evaluator().evaluate(request, in: set)
        let explained = result.explanation().joined(separator: "\n")
        #expect(result.decision.rawValue == vector.expected.decision, "\(vector.id)\n\(explained)")
        if result.decision != .allow {
            #expect(result.layer?.rawValue == vector.expected.layer, "\(vector.id)\n\(explained)")
        }
        if let sid = vector.expected.sid {
            #expect(result.deciding.contains { $0.sid == sid }, "\(vector.id)\n\(explained)")
        }
        if let level = vector.expected.scpLevel {
            let index = policies.scpChain?.firstIndex { $0.level == level }
            #expect(result.scpLevel == index, "\(vector.id)\n\(explained)")
        }
        if result.decision == .denyExplicit {
            #expect(!result.deciding.isEmpty, "an explicit deny names its statement")
        }
        // Without notes (what `simulate` does when it prints none) everything else is the same.
        var quiet = Evaluator()
        quiet.collectsNotes = false
        let withoutNotes = quiet.evaluate(request, in: set)
        #expect(withoutNotes.notes.isEmpty)
        #expect(withoutNotes.decision == result.decision && withoutNotes.layer == result.layer && withoutNotes.deciding == result.deciding
                && withoutNotes.summary == result.summary, "\(vector.id)")
        #expect(withoutNotes.statements.map(\.mismatch?.description) == result.statements.map(\.mismatch?.description), "\(vector.id)")
    }
}

/// The resource-semantics vectors (§5.3) under D, L and U.
@Suite struct ResourceVectorTests {
    @Test func allVectorsAreLoaded() {
        #expect(SemanticsVectors.resources.count == 10)
    }

    @Test(arguments: SemanticsVectors.resources.filter { !$0.implementationDefined })
    func vector(_ vector: SemanticsVectors.Resource) {
        check(vector)
    }

    @Test("I-D vectors", .tags(.implementationDefined), arguments: SemanticsVectors.resources.filter(\.implementationDefined))
    func implementationDefinedVector(_ vector: SemanticsVectors.Resource) {
        check(vector)
    }

    private func check(_ vector: SemanticsVectors.Resource) {
        let resource: RequestResource = vector.resourceIsTop ? .top : .arn(vector.resource)
        for semantics in ResourceSemantics.allCases {
            let actual = ResourceMatcher.matches(pattern: vector.pattern, resource: resource, semantics: semantics)
            #expect(actual == vector.expected[semantics.rawValue], "\(vector.id) under \(semantics.rawValue)")
        }
    }
}
