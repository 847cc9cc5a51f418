/// What `simulate` answers for each request, and how it prints it.
package struct SimulationOutcome: Sendable {
    package var request: EvaluationRequest
    package var result: EvaluationResult
    /// `--expect allow|deny`: nil when not asked.
    package var expected: ExpectedDecision?

    package init(request: EvaluationRequest, result: EvaluationResult, expected: ExpectedDecision? = nil) {
        self.request = request
        self.result = result
        self.expected = expected
    }

    package var meetsExpectation: Bool { expected?.accepts(result.decision) ?? true }
}

/// An expectation about a decision: allow, or deny of either kind.
package enum ExpectedDecision: String, Sendable, CaseIterable {
    case allow
    case deny

    package func accepts(_ decision: Decision) -> Bool {
        (self == .allow) == (decision == .allow)
    }
}

package enum SimulationFormat: String, Sendable, CaseIterable {
    case text
    case json
}

package struct SimulationReport {
    package var outcomes: [SimulationOutcome]
    /// Text: every statement's outcome and the notes under each request (JSON always has them).
    package var explain: Bool

    package init(outcomes: [SimulationOutcome], explain: Bool) {
        self.outcomes = outcomes
        self.explain = explain
    }

    package func render(_ format: SimulationFormat) -> String {
        switch format {
        case .text: text()
        case .json: json().rendered()
        }
    }

    // MARK: Text

    private func text() -> String {
        var out = ""
        for outcome in outcomes {
            out += Self.line(outcome.request, outcome.result)
            if let expected = outcome.expected, !outcome.meetsExpectation { out += " (expected \(expected.rawValue))" }
            out += "\n"
            if explain {
                for line in outcome.result.explanation().dropFirst() { out += line + "\n" }
            }
        }
        return out
    }

    /// `DENY_EXPLICIT s3:PutObject on arn:aws:s3:::b/k with aws:SecureTransport=false -> identity: p.json #2 (Sid Deny)`.
    package static func line(_ request: EvaluationRequest, _ result: EvaluationResult) -> String {
        var line = "\(result.decision.rawValue) \(describe(request))"
        let layer = result.layer.map { EvaluationResult.describe($0, level: result.scpLevel) }
        let because = result.deciding.isEmpty ? result.summary : result.deciding.map(EvaluationResult.describe).joined(separator: ", ")
        line += " -> " + (layer.map { "\($0): " } ?? "") + because
        return line
    }

    /// `s3:GetObject on arn:aws:s3:::b/k with k=v, m=a|b`.
    package static func describe(_ request: EvaluationRequest) -> String {
        var text = "\(request.action) on \(request.resource)"
        if !request.context.isEmpty {
            text += " with " + request.context.keys.sorted().map { key in
                "\(key)=" + request.context[key]!.joined(separator: "|")
            }.joined(separator: ", ")
        }
        return text
    }

    // MARK: JSON

    private func json() -> JSONValue {
        let summary = Self.summary(requests: outcomes.count, allowed: outcomes.count { $0.result.decision == .allow },
                                   unexpected: outcomes.contains(where: { $0.expected != nil }) ? outcomes.count { !$0.meetsExpectation } : nil)
        return .object([("results", .array(outcomes.map(Self.json))), ("summary", summary)])
    }

    /// The JSON summary; `unexpected` only when some request had an expectation.
    static func summary(requests: Int, allowed: Int, unexpected: Int?) -> JSONValue {
        var fields: [(String, JSONValue)] = [("requests", .number(requests)), ("allowed", .number(allowed)),
                                             ("denied", .number(requests - allowed))]
        if let unexpected { fields.append(("unexpected", .number(unexpected))) }
        return .object(fields)
    }

    package static func json(_ outcome: SimulationOutcome) -> JSONValue {
        var fields = json(outcome.request, outcome.result)
        if let expected = outcome.expected {
            fields.append(("expected", .string(expected.rawValue)))
            fields.append(("as_expected", .bool(outcome.meetsExpectation)))
        }
        return .object(fields)
    }

    package static func json(_ request: EvaluationRequest, _ result: EvaluationResult) -> [(String, JSONValue)] {
        let context = request.context.keys.sorted().map { ($0, JSONValue.array(request.context[$0]!.map(JSONValue.string))) }
        return [
            ("action", .string(request.action)),
            ("resource", .string(request.resource.description)),
            ("context", .object(context)),
            ("principal_type", .string(request.principalKind.rawValue)),
            ("decision", .string(result.decision.rawValue)),
            ("layer", result.layer.map { .string($0.rawValue) } ?? .null),
            ("level", result.scpLevel.map(JSONValue.number) ?? .null),
            ("summary", .string(result.summary)),
            ("deciding", .array(result.deciding.map(json))),
            ("statements", .array(result.statements.map { statement in
                var fields = json(statement.reference).objectFields
                fields.insert(("layer", .string(statement.layer.rawValue)), at: 0)
                if let level = statement.level { fields.insert(("level", .number(level)), at: 1) }
                fields.append(("effect", statement.effect.map { .string($0.rawValue) } ?? .null))
                fields.append(("matched", .bool(statement.matched)))
                if let mismatch = statement.mismatch {
                    fields.append(("failing_element", .string(mismatch.element)))
                    fields.append(("reason", .string(mismatch.description)))
                }
                return .object(fields)
            })),
            ("notes", .array(result.notes.map(JSONValue.string))),
        ]
    }

    package static func json(_ reference: StatementReference) -> JSONValue {
        .object([("policy", .string(reference.policy)), ("index", .number(reference.index)),
                 ("sid", reference.sid.map(JSONValue.string) ?? .null)])
    }
}

extension JSONValue {
    var objectFields: [(String, JSONValue)] {
        if case .object(let fields) = self { return fields }
        return []
    }
}
