/// Each element has one JSON type: Sid and Effect are strings, Action and Resource strings or
/// arrays of strings, Principal "*" or an object of strings.
struct ElementJSONType: LintRule {
    let metadata = RuleMetadata(
        id: "element-json-type", title: "An element has the wrong JSON type", severity: .error, category: .grammar,
        rationale: """
            IAM reads each element as one JSON type and rejects the policy otherwise: the document is \
            an object, Id, Sid and Effect are strings, Action, NotAction, Resource and NotResource are \
            a string or an array of strings, Principal and NotPrincipal are "*" or an object whose \
            values are strings or arrays of strings. Numbers, booleans, null and nested arrays are \
            rejected; other tools read them leniently and check something else than AWS would.
            """,
        fix: "Quote the value, or use a flat array of strings.",
        equivalents: [.aa("DATA_TYPE_MISMATCH"), .validator("invalid_sid_type")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Sid": 1, "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [["s3:GetObject"]], "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": 111122223333}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#,
                        type: .resource),
            .triggering(#"[{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]"#),
            .passing(#"{"Version": "2012-10-17", "Id": "p1", "Statement": [{"Sid": "A1", "Effect": "Allow", "Principal": {"AWS": ["111122223333"]}, "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::b/*"}]}"#,
                     type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let root = subject.view.root
        guard root.mappingEntries != nil else {
            report.add("a policy document must be a JSON object, found \(root.describedValue)", at: root.location,
                       suggestion: root.sequenceItems != nil ? "write {\"Version\": \"2012-10-17\", \"Statement\": [...]}" : nil)
            return
        }
        if let id = subject.view.id { expectString(id, element: "Id", &report) }
        for statement in subject.view.checkedStatements {
            for name in ["Sid", "Effect"] {
                if let node = statement.element(name) { expectString(node, element: name, statement: statement, &report) }
            }
            for name in ["Action", "NotAction", "Resource", "NotResource"] {
                if let node = statement.element(name) { expectStrings(node, element: name, statement: statement, &report) }
            }
            for name in ["Principal", "NotPrincipal"] {
                guard let node = statement.element(name) else { continue }
                switch node.content {
                case .scalar where node.jsonKind == .string:
                    continue
                case .mapping where node.isIntrinsicFunction:
                    continue
                case .mapping(let entries):
                    for entry in entries {
                        expectStrings(entry.value, element: "\(name) \(entry.key.scalarText.map { "'\($0)'" } ?? "key")",
                                      statement: statement, &report)
                    }
                default:
                    report.add("\(name) must be \"*\" or an object such as {\"AWS\": [...]}, found \(node.describedValue)",
                               at: node.location, statement: statement,
                               suggestion: node.sequenceItems != nil ? "write {\"AWS\": [...]} (or \"Service\", \"Federated\")" : nil)
                }
            }
        }
    }

    private func expectString(_ node: SourceNode, element: String, statement: StatementView? = nil, _ report: inout RuleReport) {
        guard node.jsonKind != .string, !node.isIntrinsicFunction else { return }
        report.add("\(element) must be a string, found \(node.describedValue)", at: node.location, statement: statement,
                   suggestion: node.scalarText.map { "write \"\($0)\"" })
    }

    private func expectStrings(_ node: SourceNode, element: String, statement: StatementView, _ report: inout RuleReport) {
        switch node.content {
        case .sequence(let items):
            for item in items where item.jsonKind != .string && !item.isIntrinsicFunction {
                report.add("the values of \(element) must be strings, found \(item.describedValue)", at: item.location,
                           statement: statement, suggestion: item.scalarText.map { "write \"\($0)\"" }
                               ?? (item.sequenceItems != nil ? "use one flat array of strings" : nil))
            }
        case .scalar where node.jsonKind == .string:
            return
        case .mapping where node.isIntrinsicFunction:
            return
        default:
            report.add("\(element) must be a string or an array of strings, found \(node.describedValue)", at: node.location,
                       statement: statement, suggestion: node.scalarText.map { "write \"\($0)\"" })
        }
    }
}
