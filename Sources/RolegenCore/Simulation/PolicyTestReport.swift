/// How `rolegen test` prints its results: like a test runner.
package enum PolicyTestFormat: String, Sendable, CaseIterable {
    case text
    case junit
    case json
}

package struct PolicyTestReport {
    package var run: PolicyTestRunner.Run

    package init(run: PolicyTestRunner.Run) {
        self.run = run
    }

    package var passed: Int { run.cases.count(where: \.passed) }
    package var failed: Int { run.cases.count - passed }

    /// `3 passed, 1 failed (8 personas, 5 with expectations)`.
    package var summary: String {
        let withExpectations = Set(run.cases.map(\.persona)).count
        return "\(passed) passed, \(failed) failed (\(run.personas.count) persona\(run.personas.count == 1 ? "" : "s"), "
            + "\(withExpectations) with expectations)"
    }

    package func render(_ format: PolicyTestFormat) -> String {
        switch format {
        case .text: text()
        case .junit: junit()
        case .json: json().rendered()
        }
    }

    // MARK: Text

    private func text() -> String {
        var out = ""
        for testCase in run.cases {
            out += (testCase.passed ? "PASS " : "FAIL ") + "\(testCase.expectation.location) \(testCase.title)\n"
            if !testCase.passed { out += Self.failure(testCase).map { "  " + $0 + "\n" }.joined() }
        }
        return out + summary + "\n"
    }

    /// What a failure says: the request, the decision, and why (the deciding statements, or the
    /// statements that apply to the action with their first failing element).
    package static func failure(_ testCase: PolicyTestRunner.Case) -> [String] {
        let result = testCase.result
        var lines = ["expected \(testCase.expectation.expected.rawValue): \(SimulationReport.describe(testCase.request))",
                     "actual: \(result.decision.rawValue) (\(result.summary))"]
        if !result.deciding.isEmpty {
            lines += result.deciding.map { "decided by \(EvaluationResult.describe($0))" }
        } else {
            let near = result.statements.filter { $0.mismatch.map { if case .action = $0 { return false } else { return true } } ?? false }
            if near.isEmpty {
                lines.append("no statement applies to \(testCase.request.action)")
            }
            for statement in near {
                lines.append("\(EvaluationResult.describe(statement.reference)) \(statement.effect?.rawValue ?? "?"): "
                             + "\(statement.mismatch!.element): \(statement.mismatch!)")
            }
        }
        lines += result.notes.map { "note: \($0)" }
        return lines
    }

    // MARK: JUnit

    /// A test suite per persona, a test case per expectation; junitparser and CI test reports read it.
    private func junit() -> String {
        let xml = LintReportRenderer.xml
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"rolegen test\" tests=\"\(run.cases.count)\" failures=\"\(failed)\">\n"
        for persona in run.personas {
            let cases = run.cases.filter { $0.persona == persona }
            guard !cases.isEmpty else { continue }
            out += "  <testsuite name=\"\(xml(persona))\" tests=\"\(cases.count)\" failures=\"\(cases.count { !$0.passed })\">\n"
            for testCase in cases {
                let location = testCase.expectation.location
                out += "    <testcase classname=\"\(xml(persona))\" name=\"\(xml(testCase.title))\" file=\"\(xml(location.path))\""
                    + (location.line.map { " line=\"\($0)\"" } ?? "")
                if testCase.passed {
                    out += "/>\n"
                    continue
                }
                let message = "expected \(testCase.expectation.expected.rawValue), got \(testCase.result.decision.rawValue)"
                out += ">\n      <failure type=\"\(testCase.result.decision.rawValue)\" message=\"\(xml(message))\">"
                    + xml(Self.failure(testCase).joined(separator: "\n")) + "</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    // MARK: JSON

    private func json() -> JSONValue {
        let cases = run.cases.map { testCase -> JSONValue in
            let location = testCase.expectation.location
            var fields: [(String, JSONValue)] = [
                ("persona", .string(testCase.persona)),
                ("line", location.line.map(JSONValue.number) ?? .null),
                ("column", location.column.map(JSONValue.number) ?? .null),
                ("name", .string(testCase.title)),
                ("expected", .string(testCase.expectation.expected.rawValue)),
                ("passed", .bool(testCase.passed)),
            ]
            fields += SimulationReport.json(testCase.request, testCase.result)
            return .object(fields)
        }
        return .object([
            ("results", .array(cases)),
            ("summary", .object([("passed", .number(passed)), ("failed", .number(failed)), ("personas", .number(run.personas.count))])),
        ])
    }
}
