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
        subject.view.forEachStatement { statement in
            guard let entries = statement.node.mappingEntries else { return }
            // One pass over the statement's members: every occurrence of a repeated key is checked.
            for index in entries.indices {
                guard let name = entries[index].key.scalarText else { continue }
                let node = entries[index].value
                switch name {
                case "Sid", "Effect":
                    expectString(node, element: name, statement: statement, &report)
                case "Action", "NotAction", "Resource", "NotResource":
                    expectStrings(node, element: name, statement: statement, &report)
                case "Principal", "NotPrincipal":
                    expectPrincipal(node, element: name, statement: statement, &report)
                default:
                    continue
                }
            }
        }
    }

    private func expectPrincipal(_ node: SourceNode, element name: String, statement: borrowing StatementView,
                                 _ report: inout RuleReport) {
        switch node.content {
        case .scalar where node.jsonKind == .string:
            return
        case .mapping where node.isIntrinsicFunction:
            return
        case .mapping(let entries):
            for entry in entries {
                expectStrings(entry.value, element: "\(name) \(entry.key.scalarText.map { "'\($0)'" } ?? "key")",
                              statement: statement, &report)
            }
        default:
            report.add("the value of \(name) must be \"*\" or an object such as {\"AWS\": [...]}, found \(node.describedValue)",
                       at: node.location, statement: copy statement,
                       suggestion: node.sequenceItems != nil ? "write {\"AWS\": [...]} (or \"Service\", \"Federated\")" : nil)
        }
    }

    private func expectString(_ node: SourceNode, element: String, _ report: inout RuleReport) {
        guard node.jsonKind != .string, !node.isIntrinsicFunction else { return }
        report.add("the value of \(element) must be a string, found \(node.describedValue)", at: node.location,
                   suggestion: node.scalarText.map { "write \"\($0)\"" })
    }

    private func expectString(_ node: SourceNode, element: String, statement: borrowing StatementView, _ report: inout RuleReport) {
        guard node.jsonKind != .string, !node.isIntrinsicFunction else { return }
        report.add("the value of \(element) must be a string, found \(node.describedValue)", at: node.location, statement: copy statement,
                   suggestion: node.scalarText.map { "write \"\($0)\"" })
    }

    private func expectStrings(_ node: SourceNode, element: String, statement: borrowing StatementView, _ report: inout RuleReport) {
        switch node.content {
        case .sequence(let items):
            for item in items where item.jsonKind != .string && !item.isIntrinsicFunction {
                report.add("the values of \(element) must be strings, found \(item.describedValue)", at: item.location,
                           statement: copy statement, suggestion: item.scalarText.map { "write \"\($0)\"" }
                               ?? (item.sequenceItems != nil ? "use one flat array of strings" : nil))
            }
        case .scalar where node.jsonKind == .string:
            return
        case .mapping where node.isIntrinsicFunction:
            return
        default:
            report.add("the value of \(element) must be a string or an array of strings, found \(node.describedValue)", at: node.location,
                       statement: copy statement, suggestion: node.scalarText.map { "write \"\($0)\"" })
        }
    }
}
