import Testing
@testable import RolegenCore

@Suite struct StatementMergerTests {
    private func statement(
        _ sid: String, _ actions: [String], _ resources: [String], effect: Effect = .allow, condition: ConditionSet = ConditionSet()
    ) -> ComposedStatement {
        let provenance = Provenance(capability: "c", use: SourceLocation(path: "p"), template: "t", templateVersion: 1,
                                    includeChain: [], sid: sid, statement: SourceLocation(path: "t"), guards: [])
        return ComposedStatement(
            statement: PolicyStatement(effect: effect, actions: actions, resources: resources, condition: condition),
            provenance: [provenance])
    }

    /// What a set of statements grants, as explicit (effect, action, resource, condition) facts.
    /// Actions compare without case, as IAM compares them.
    private func grants(_ statements: [ComposedStatement]) -> Set<String> {
        var facts: Set<String> = []
        for composed in statements {
            let s = composed.statement
            let condition = s.condition.clauses.map { "\($0.operator)|\($0.key)|\($0.values)" }.joined(separator: ";")
            for action in s.actions {
                for resource in s.resources { facts.insert("\(s.effect)|\(action.lowercased())|\(resource)|\(condition)") }
            }
        }
        return facts
    }

    @Test func joinsActionsOnEqualResourcesAndResourcesOnEqualActions() {
        let merged = StatementMerger.merge([
            statement("ReadA", ["s3:GetObject"], ["arn:aws:s3:::a/*"]),
            statement("WriteA", ["s3:PutObject"], ["arn:aws:s3:::a/*"]),
            statement("ReadB", ["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::b/*"]),
        ])
        #expect(merged.count == 1)
        #expect(merged[0].statement.actions == ["s3:GetObject", "s3:PutObject"])
        #expect(merged[0].statement.resources == ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"])
        #expect(merged[0].statement.sid == "ReadAReadBWriteA")
        #expect(merged[0].provenance.count == 3)
    }

    @Test func neverJoinsWhenBothActionsAndResourcesDiffer() {
        let merged = StatementMerger.merge([
            statement("Read", ["s3:GetObject"], ["arn:aws:s3:::a/*"]),
            statement("Write", ["s3:PutObject"], ["arn:aws:s3:::b/*"]),
        ])
        #expect(merged.count == 2)
    }

    @Test func conditionsAndEffectsKeepStatementsApart() {
        var condition = ConditionSet()
        condition.set(operator: "StringEquals", key: "aws:RequestedRegion", values: ["us-east-1"])
        let merged = StatementMerger.merge([
            statement("A", ["s3:GetObject"], ["*"]),
            statement("B", ["s3:PutObject"], ["*"], condition: condition),
            statement("C", ["s3:DeleteObject"], ["*"], effect: .deny),
        ])
        #expect(merged.count == 3)
        #expect(merged.map(\.statement.effect) == [.allow, .allow, .deny])
    }

    @Test func actionsDedupeWithoutCaseAndSidsStayUnique() {
        let merged = StatementMerger.merge([
            statement("Same", ["s3:getobject", "s3:GetObject"], ["arn:aws:s3:::a/*"]),
            statement("Same", ["s3:PutObject"], ["arn:aws:s3:::b/*"]),
        ])
        #expect(merged.map(\.statement.sid) == ["Same", "Same2"])
        #expect(merged[0].statement.actions == ["s3:GetObject"])
    }

    /// Random compositions: merging must grant exactly what the unmerged statements grant.
    @Test(arguments: 0..<200)
    func mergingNeverChangesWhatIsGranted(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let actions = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "sagemaker:CreateModel", "S3:getobject"]
        let resources = ["arn:aws:s3:::a", "arn:aws:s3:::a/*", "arn:aws:s3:::b/*", "*"]
        var conditions = [ConditionSet()]
        var regional = ConditionSet()
        regional.set(operator: "StringEquals", key: "aws:RequestedRegion", values: ["us-east-1"])
        conditions.append(regional)
        let statements = (0..<Int(random.next() % 8 + 1)).map { index in
            statement("S\(random.next() % 3)", actions.filter { _ in random.next() % 2 == 0 }.ifEmpty(actions[0]),
                      resources.filter { _ in random.next() % 2 == 0 }.ifEmpty(resources[0]),
                      effect: random.next() % 5 == 0 ? .deny : .allow, condition: conditions[Int(random.next() % 2)])
        }
        let merged = StatementMerger.merge(statements)
        #expect(grants(merged) == grants(statements))
        #expect(merged.count <= statements.count)
        #expect(Set(merged.compactMap(\.statement.sid)).count == merged.count)
        // Merging is deterministic whatever the input order.
        #expect(StatementMerger.merge(statements.reversed()).map(\.statement) == merged.map(\.statement))
    }
}

/// A small deterministic generator, so property tests fail the same way on every machine.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array {
    func ifEmpty(_ fallback: Element) -> [Element] { isEmpty ? [fallback] : self }
}

@Suite struct PolicySafetyTests {
    @Test(arguments: ["*", "*:*", "s3:*", "s3:**", "sagemaker:?*", "*:Get*", "?3:GetObject"])
    func refusesWildcardsOverAServiceOrAll(action: String) {
        #expect(PolicySafety.wildcardProblem(action) != nil)
    }

    @Test(arguments: ["s3:GetObject", "s3:Get*", "sagemaker:Describe*", "iam:Pass*"])
    func acceptsNarrowerPatterns(action: String) {
        #expect(PolicySafety.wildcardProblem(action) == nil)
    }

    @Test func passedToServiceMustBeLimited() {
        let service: [String?] = ["sagemaker.amazonaws.com"]
        #expect(PolicySafety.limitsPassedToService([("StringEquals", "iam:PassedToService", service)]))
        #expect(PolicySafety.limitsPassedToService([("StringLike", "iam:passedtoservice", service)]))
        #expect(PolicySafety.limitsPassedToService([("StringEquals", "iam:PassedToService", [nil])]))
        #expect(!PolicySafety.limitsPassedToService([("StringNotEquals", "iam:PassedToService", service)]))
        #expect(!PolicySafety.limitsPassedToService([("StringEqualsIfExists", "iam:PassedToService", service)]))
        #expect(!PolicySafety.limitsPassedToService([("ForAnyValue:StringEquals", "iam:PassedToService", service)]))
        #expect(!PolicySafety.limitsPassedToService([("StringLike", "iam:PassedToService", ["*"])]))
        #expect(!PolicySafety.limitsPassedToService([("StringEquals", "iam:AssociatedResourceArn", service)]))
    }

    @Test func theFinalCheckRefusesWhatTemplatesCouldSmuggleIn() {
        let provenance = Provenance(capability: "c", use: SourceLocation(path: "p"), template: "t", templateVersion: 1,
                                    includeChain: [], sid: "S", statement: SourceLocation(path: "t", line: 3, column: 5), guards: [])
        var condition = ConditionSet()
        condition.set(operator: "StringEquals", key: "iam:PassedToService", values: ["*"])
        let statements = [
            ComposedStatement(statement: PolicyStatement(effect: .allow, actions: ["iam:PassRole"],
                                                         resources: ["arn:aws:iam::111122223333:role/*"], condition: condition),
                              provenance: [provenance]),
            ComposedStatement(statement: PolicyStatement(effect: .allow, actions: ["s3:GetObject"],
                                                         resources: ["arn:aws:sagemaker:*:111122223333:model/x"]),
                              provenance: [provenance]),
        ]
        let sink = DiagnosticSink()
        PolicySafety.check(statements, partition: "aws", sink: sink)
        #expect(sink.diagnostics.map(\.message) == [
            "iam:PassRole is not limited to named services: it needs StringEquals on iam:PassedToService",
            "iam:PassedToService value '*' is not a service principal such as sagemaker.amazonaws.com",
            "iam:PassRole on 'arn:aws:iam::111122223333:role/*' is not limited to named roles",
            "'arn:aws:sagemaker:*:111122223333:model/x' has a wildcard region or account",
        ])
    }
}
