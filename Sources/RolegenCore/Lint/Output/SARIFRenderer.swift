/// SARIF 2.1.0 (OASIS), in the shape GitHub code scanning accepts: one run, the rules that fired
/// with their documentation, results located by repository-relative path, line and column, a
/// `security-severity` so GitHub ranks them, and stable fingerprints so an alert stays the same
/// alert when lines move.
package struct SARIFRenderer {
    package let result: LintRunner.Result
    package let rules: [any LintRule]

    package init(result: LintRunner.Result, rules: [any LintRule]) {
        self.result = result
        self.rules = rules
    }

    package func render() -> String {
        // Only the rules with results (and check-error, when it fired), in id order.
        let fired = Set(result.findings.map(\.rule))
        let described = rules.map(\.metadata).filter { fired.contains($0.id) }.sorted { $0.id < $1.id }
        var ruleIndex: [String: Int] = [:]
        var descriptors: [JSONValue] = []
        for metadata in described {
            ruleIndex[metadata.id] = descriptors.count
            descriptors.append(descriptor(metadata))
        }
        for id in fired.sorted() where ruleIndex[id] == nil {
            ruleIndex[id] = descriptors.count
            descriptors.append(.object([("id", .string(id)), ("shortDescription", .object([("text", .string(id))]))]))
        }
        let results = result.findings.map { finding -> JSONValue in
            var location: [(String, JSONValue)] = [
                ("artifactLocation", .object([("uri", .string(Self.uri(finding.location.path))), ("uriBaseId", .string("%SRCROOT%"))])),
            ]
            var region: [(String, JSONValue)] = [("startLine", .number(max(finding.location.line ?? 1, 1)))]
            if let column = finding.location.column { region.append(("startColumn", .number(max(column, 1)))) }
            location.append(("region", .object(region)))
            var text = finding.message
            if let policy = finding.policy { text += " (\(policy))" }
            if let suggestion = finding.suggestion { text += ". Fix: \(suggestion)" }
            return .object([
                ("ruleId", .string(finding.rule)),
                ("ruleIndex", .number(ruleIndex[finding.rule] ?? 0)),
                ("level", .string(Self.level(finding.severity))),
                ("message", .object([("text", .string(text))])),
                ("locations", .array([.object([("physicalLocation", .object(location))])])),
                ("partialFingerprints", .object([("rolegen/v1", .string(SHA256.hex(of: Array(Baseline.fingerprint(finding).utf8))))])),
            ])
        }
        let driver: JSONValue = .object([
            ("name", .string("rolegen")),
            ("semanticVersion", .string(RolegenVersion.current)),
            ("informationUri", .string("https://github.com/rolegen/rolegen")),
            ("rules", .array(descriptors)),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ]).rendered()
    }

    private func descriptor(_ metadata: RuleMetadata) -> JSONValue {
        let equivalents = metadata.equivalents.map { "\($0.tool.rawValue) \($0.code)" }.joined(separator: ", ")
        var help = "\(metadata.rationale)\n\nFix: \(metadata.fix)"
        if !equivalents.isEmpty { help += "\n\nSame check elsewhere: \(equivalents)" }
        return .object([
            ("id", .string(metadata.id)),
            ("name", .string(metadata.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
            ("shortDescription", .object([("text", .string(metadata.title))])),
            ("fullDescription", .object([("text", .string(metadata.rationale))])),
            ("help", .object([("text", .string(help)), ("markdown", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(metadata.severity)))])),
            ("properties", .object([
                ("tags", .array([.string("security"), .string("iam"), .string(metadata.category.rawValue)])),
                ("precision", .string("high")),
                ("security-severity", .string(Self.securitySeverity(metadata.severity))),
            ])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error, .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub's scale: 9.0+ critical, 7.0+ high, 4.0+ medium, below low.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .error, .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }

    /// A repository-relative URI: forward slashes, no leading `./`, spaces and `%` escaped.
    static func uri(_ path: String) -> String {
        var trimmed = path
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        return trimmed.replacingOccurrences("%", "%25").replacingOccurrences(" ", "%20")
    }
}
