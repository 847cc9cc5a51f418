/// Condition is one object: operator → { key → value or array of values }.
struct ConditionShape: LintRule {
    let metadata = RuleMetadata(
        id: "condition-shape", title: "Condition is not an object of operator → key → values", severity: .error,
        category: .grammar,
        rationale: """
            A Condition element is one object whose members are condition operators, each holding an \
            object of condition keys, each with a value or an array of values (strings, numbers or \
            booleans). IAM rejects anything else; an array of condition objects, the most common \
            mistake, is not read as "all of these" by anything.
            """,
        fix: """
            Write "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}; put several \
            operators in the same object, and several values of one key in an array.
            """,
        equivalents: [.parliament("MALFORMED")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": [{"Bool": {"aws:SecureTransport": "true"}}]}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": "aws:PrincipalOrgID"}}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": {"value": "ml"}}}}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}, "StringEquals": {"aws:PrincipalTag/team": ["ml", "data"]}}}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            guard let condition = statement.condition, !condition.isIntrinsicFunction else { return }
            guard let blocks = condition.mappingEntries else {
                let merge = condition.sequenceItems != nil
                report.add("the Condition element must be one object of operators, found \(condition.describedValue)", at: condition.location,
                           statement: copy statement,
                           suggestion: merge ? "merge the objects into one: {\"StringEquals\": {...}, \"Bool\": {...}}" : nil)
                return
            }
            for block in blocks {
                let name = block.key.scalarText ?? ""
                guard let keys = block.value.mappingEntries, !block.value.isIntrinsicFunction else {
                    if block.value.isIntrinsicFunction { continue }
                    report.add("the value of condition operator '\(name)' must be an object of condition keys, found \(block.value.describedValue)",
                               at: block.value.location, statement: copy statement,
                               suggestion: "write \"\(name)\": {\"<condition key>\": <value or [values]>}")
                    continue
                }
                for entry in keys {
                    let key = entry.key.scalarText ?? ""
                    switch entry.value.content {
                    case .scalar:
                        if entry.value.jsonKind == .null {
                            report.add("condition key '\(key)' has the value null; a condition value is a string, number or boolean",
                                       at: entry.value.location, statement: copy statement)
                        }
                    case .mapping where entry.value.isIntrinsicFunction:
                        continue
                    case .mapping:
                        report.add("condition key '\(key)' has an object as its value; a condition value is a string, number or "
                                   + "boolean, or an array of them", at: entry.value.location, statement: copy statement)
                    case .sequence(let items):
                        for item in items where (item.scalarText == nil && !item.isIntrinsicFunction) || item.jsonKind == .null {
                            report.add("condition key '\(key)' has \(item.describedValue) among its values; values are strings, "
                                       + "numbers or booleans", at: item.location, statement: copy statement,
                                       suggestion: item.sequenceItems != nil ? "use one flat array of values" : nil)
                        }
                    }
                }
            }
        }
    }
}
