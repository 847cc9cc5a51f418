/// Suppression comments in YAML sources (YAML policies, CloudFormation and rolegen templates),
/// which keep the policy itself valid IAM:
///
///     Resource: "*"   # rolegen-ignore resource-star: the service takes no ARN here (ticket SEC-12)
///
/// or on the line above the finding. A directive needs a reason after the colon; one without
/// suppresses nothing. JSON has no comments: suppress JSON findings in `.rolegen.yaml`.
package struct InlineDirectives {
    package let fileSystem: any FileSystem
    private var lines: [String: [Substring]] = [:]

    package init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// The reason a directive at or above the finding's line gives for accepting it.
    package mutating func reason(for finding: Finding) -> String? {
        let path = finding.location.path
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml"), let line = finding.location.line else { return nil }
        if lines[path] == nil {
            let text = (try? fileSystem.readFile(path, limit: 64 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let fileLines = lines[path] ?? []
        var candidates: [Substring] = []
        if line >= 1 && line <= fileLines.count { candidates.append(fileLines[line - 1]) }
        if line >= 2 && line - 1 <= fileLines.count, fileLines[line - 2].trimmed.hasPrefix("#") { candidates.append(fileLines[line - 2]) }
        for text in candidates {
            if let reason = Self.reason(in: text, rule: finding.rule) { return reason }
        }
        return nil
    }

    /// `# rolegen-ignore RULE: reason` in a line; the reason, when the rule matches and one is given.
    static func reason(in line: Substring, rule: String) -> String? {
        guard let marker = line.firstRange(of: "# rolegen-ignore ") else { return nil }
        let rest = line[marker.upperBound...]
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let rules = rest[..<colon].split(separator: ",").map { $0.trimmed }
        let reason = rest[rest.index(after: colon)...].trimmed
        return rules.contains(rule) && !reason.isEmpty ? reason : nil
    }
}
