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

    @Test func aStatementTooLargeForAnyPolicy() {
        guard case .failure(let reason) = PolicyPackager.pack(PolicyDocument(statements: [statement(1, resources: 300)])) else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.message.hasPrefix("statement S1 alone is "))
        #expect(reason.message.hasSuffix("characters as a policy, more than the 6144 of one managed policy"))
    }
}
