import Testing
@testable import RolegenCore

/// The streamed report is byte for byte the report of the whole list, in every format, however
/// the chunks fall.
@Suite struct SimulationReportStreamTests {
    static func outcomes(_ count: Int, expected: ExpectedDecision?) -> [SimulationOutcome] {
        var set = PolicySet()
        set.identity = [DiffFixture.policy(DiffFixture.allow("s3:GetObject", "arn:aws:s3:::data/*") + ","
                                           + DiffFixture.deny("s3:GetObject", "arn:aws:s3:::data/secret"), name: "p.json")]
        let evaluator = Evaluator()
        return (0..<count).map { index in
            let resource = ["arn:aws:s3:::data/a", "arn:aws:s3:::data/secret", "arn:aws:s3:::other/x"][index % 3]
            let request = EvaluationRequest(action: "s3:GetObject", resource: RequestResource(resource),
                                            context: index % 2 == 0 ? [:] : ["aws:sourceip": ["10.0.0.\(index)"]])
            return SimulationOutcome(request: request, result: evaluator.evaluate(request, in: set), expected: expected)
        }
    }

    @Test(arguments: [0, 1, 3, 2_000], [nil, ExpectedDecision.allow])
    func streamingWritesTheWholeReport(count: Int, expected: ExpectedDecision?) {
        let outcomes = Self.outcomes(count, expected: expected)
        for format in SimulationFormat.allCases {
            for explain in [false, true] {
                var written: [String] = []
                var stream = SimulationReportStream(format: format, explain: explain) { written.append($0) }
                outcomes.forEach { stream.add($0) }
                stream.finish()
                #expect(written.joined() == SimulationReport(outcomes: outcomes, explain: explain).render(format), "\(format) \(explain)")
                #expect(stream.allMet == outcomes.allSatisfy(\.meetsExpectation))
                if count == 2_000 { #expect(written.count > 2, "written in chunks") }
            }
        }
    }
}
