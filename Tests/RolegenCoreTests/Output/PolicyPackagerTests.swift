import Testing
@testable import RolegenCore

@Suite struct PolicyPackagerTests {
    private func statement(_ index: Int, resources: Int) -> PolicyStatement {
        PolicyStatement(sid: "S\(index)", effect: .allow, actions: ["s3:GetObject"],
                        resources: (0..<resources).map { "arn:aws:s3:::bucket-\(index)-\($0)/*" })
    }

    @Test func aPolicyThatFitsStaysWhole() throws {
        let document = PolicyDocument(statements: [statement(1, resources: 3)])
        #expect(try PolicyPackager.pack(document).get() == [document])
    }

    @Test(arguments: [2, 7, 30])
    func packsIntoPoliciesThatFitAndKeepEveryStatement(resourcesPerStatement: Int) throws {
        let statements = (0..<40).map { statement($0, resources: resourcesPerStatement + $0 % 5) }
        let packed = try PolicyPackager.pack(PolicyDocument(statements: statements), quota: 2_000).get()
        #expect(packed.count > 1)
        for document in packed {
            // Sizes are computed additively; the rendered document is the ground truth.
            #expect(PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(document)) <= 2_000)
            // Statements keep their order within each document.
            let indexes = document.statements.map { statements.firstIndex(of: $0)! }
            #expect(indexes == indexes.sorted())
        }
        #expect(packed.flatMap(\.statements).sorted { $0.sid! < $1.sid! } == statements.sorted { $0.sid! < $1.sid! })
        #expect(try PolicyPackager.pack(PolicyDocument(statements: statements), quota: 2_000).get() == packed)
    }

    @Test func aStatementTooLargeForOnePolicyIsSplitAlongItsResources() throws {
        let big = statement(1, resources: 300)
        let packed = try PolicyPackager.pack(PolicyDocument(statements: [big])).get()
        #expect(packed.count > 1)
        let parts = packed.flatMap(\.statements)
        #expect(parts.map(\.sid) == (1...parts.count).map { "S1Part\($0)" })
        for document in packed {
            #expect(PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(document)) <= IAMQuota.managedPolicy)
        }
        // The parts partition the resource list: each resource once, the rest unchanged.
        #expect(parts.flatMap(\.resources) == big.resources)
        #expect(parts.allSatisfy { $0.actions == big.actions && $0.effect == big.effect && $0.condition == big.condition })
    }

    @Test func aStatementWithManyActionsIsSplitAlongItsActions() throws {
        let actions = (0..<600).map { "sagemaker:Action\($0)WithALongName" }
        let big = PolicyStatement(sid: "Many", effect: .allow, actions: actions, resources: ["arn:aws:sagemaker:us-east-1:111122223333:model/*"])
        let parts = try PolicyPackager.split(big, limit: 6_000).get()
        #expect(parts.count > 1)
        #expect(parts.flatMap(\.actions) == actions)
        #expect(parts.allSatisfy { $0.resources == big.resources })
    }

    @Test func oneActionOnOneResourceTooLargeCannotBeSplit() {
        var condition = ConditionSet()
        condition.set(operator: "StringEquals", key: "aws:RequestTag/team", values: (0..<400).map { "team-with-a-long-name-\($0)" })
        let big = PolicyStatement(sid: "Huge", effect: .allow, actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], condition: condition)
        guard case .failure(let reason) = PolicyPackager.pack(PolicyDocument(statements: [big])) else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.message.hasPrefix("statement Huge alone is "))
        #expect(reason.message.contains("more than the 6144 of one managed policy, and cannot be split"))
    }

    @Test func moreManagedPoliciesThanAllowedFailsWithHowMuch() {
        let statements = (0..<40).map { statement($0, resources: 60) }
        let document = PolicyDocument(statements: statements)
        guard case .failure(let reason) = PolicyPackager.package(document, options: PackagingOptions(maxPolicies: 2)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.message.contains("managed policies of at most 6144 characters"))
        #expect(reason.message.contains("more than the 2 allowed"))
        #expect(reason.message.contains("characters more than 2 × 6144"))
    }

    @Test func inlineFitsUnderTheRoleQuotaOrFails() throws {
        let small = PolicyDocument(statements: [statement(1, resources: 3)])
        #expect(try PolicyPackager.package(small, options: PackagingOptions(attachment: .inline)).get() == [small])
        let large = PolicyDocument(statements: (0..<10).map { statement($0, resources: 40) })
        guard case .failure(let reason) = PolicyPackager.package(large, options: PackagingOptions(attachment: .inline)) else {
            Issue.record("expected a failure")
            return
        }
        let size = PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(large))
        #expect(reason.message == "the permissions policy is \(size) characters, \(size - 10_240) more than the 10240 IAM allows for "
                + "all inline policies of one role together; attach it as managed policies instead (leave out --inline)")
    }
}
