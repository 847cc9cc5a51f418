/// The formats `rolegen lint --format` writes.
package enum LintReportFormat: String, Sendable, CaseIterable {
    /// `path:line:col: severity: message [rule-id]`, as compilers write diagnostics.
    case text
    case json
    /// SARIF 2.1.0, as GitHub code scanning uploads accept it.
    case sarif
    /// GitHub Actions workflow commands: annotations on the pull request's files.
    case github
    /// JUnit XML, for GitLab, Jenkins and other CI test reports.
    case junit
    /// A summary and table for a pull-request comment.
    case markdown
}

/// Renders a lint result. Deterministic: the same result gives the same bytes.
package struct LintReportRenderer {
    package let result: LintRunner.Result
    package let rules: [any LintRule]
    package let failOn: Severity
    package var color = false

    package init(result: LintRunner.Result, rules: [any LintRule] = RuleRegistry.all, failOn: Severity) {
        self.result = result
        self.rules = rules
        self.failOn = failOn
    }

    package func render(_ format: LintReportFormat) -> String {
        switch format {
        case .text: text()
        case .json: json()
        case .sarif: SARIFRenderer(result: result, rules: rules).render()
        case .github: github()
        case .junit: junit()
        case .markdown: markdown()
        }
    }

    /// Counts by severity, most severe first: "2 high, 1 low".
    package var counts: String {
        // By index: iterating copies each finding, a dozen reference-counted fields.
        var bySeverity: [Severity: Int] = [:]
        for index in result.findings.indices { bySeverity[result.findings[index].severity, default: 0] += 1 }
        return Severity.allCases.reversed().compactMap { severity in
            bySeverity[severity].map { "\($0) \(severity.rawValue)" }
        }.joined(separator: ", ")
    }

    /// The one-line summary written to standard error after text output.
    package var summary: String {
        var parts = [result.findings.isEmpty ? "no findings" : "\(result.findings.count) finding\(result.findings.count == 1 ? "" : "s") (\(counts))"]
        parts[0] += " in \(result.policiesChecked) polic\(result.policiesChecked == 1 ? "y" : "ies")"
        if !result.suppressed.isEmpty { parts.append("\(result.suppressed.count) suppressed") }
        if !result.baselined.isEmpty { parts.append("\(result.baselined.count) in the baseline") }
        return "rolegen lint: " + parts.joined(separator: "; ")
    }

    // MARK: - Text

    private func text() -> String {
        // Appended piece by piece into one buffer: interpolating each line into a temporary
        // string was a measurable part of the serial end of a whole-account run.
        var out = ""
        out.reserveCapacity(result.findings.count * 192)
        for index in result.findings.indices {
            let finding = result.findings[index]
            out += finding.location.description
            out += ": "
            out += color ? Self.colored(finding.severity) : finding.severity.rawValue
            out += ": "
            out += finding.message
            if let policy = finding.policy {
                out += " ("
                out += policy
                out += ")"
            }
            out += " ["
            out += finding.rule
            out += "]\n"
            if let suggestion = finding.suggestion {
                out += "    fix: "
                out += suggestion
                out += "\n"
            }
        }
        return out
    }

    private static func colored(_ severity: Severity) -> String {
        let code = switch severity {
        case .error, .critical: "1;31"
        case .high: "31"
        case .medium: "33"
        case .low: "36"
        case .info: "2"
        }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }

    // MARK: - JSON

    private func json() -> String {
        let findings = result.findings.map { finding -> JSONValue in
            var fields: [(String, JSONValue)] = [
                ("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
                ("message", .string(finding.message)), ("path", .string(finding.location.path)),
            ]
            if let line = finding.location.line { fields.append(("line", .number(line))) }
            if let column = finding.location.column { fields.append(("column", .number(column))) }
            if let policy = finding.policy { fields.append(("policy", .string(policy))) }
            if let statement = finding.statement { fields.append(("statement", .string(statement))) }
            if let suggestion = finding.suggestion { fields.append(("suggestion", .string(suggestion))) }
            return .object(fields)
        }
        let suppressed = result.suppressed.map { entry in
            JSONValue.object([("rule", .string(entry.finding.rule)), ("path", .string(entry.finding.location.path)),
                              ("message", .string(entry.finding.message)), ("reason", .string(entry.reason))])
        }
        return JSONValue.object([
            ("version", .number(1)),
            ("tool", .string("rolegen \(RolegenVersion.current)")),
            ("fail_on", .string(failOn.rawValue)),
            ("policies_checked", .number(result.policiesChecked)),
            ("findings", .array(findings)),
            ("suppressed", .array(suppressed)),
            ("baselined", .number(result.baselined.count)),
        ]).rendered()
    }

    // MARK: - GitHub Actions

    /// `::error file=...,line=...,col=...,title=...::message`; GitHub shows at most 10 of each
    /// kind per step in the diff, so the summary goes to the log as well.
    private func github() -> String {
        var out = ""
        for finding in result.findings {
            let command = finding.severity >= failOn ? "error" : finding.severity >= .medium ? "warning" : "notice"
            var properties = ["file=\(Self.escapeProperty(finding.location.path))"]
            if let line = finding.location.line { properties.append("line=\(line)") }
            if let column = finding.location.column { properties.append("col=\(column)") }
            properties.append("title=\(Self.escapeProperty("rolegen \(finding.rule) (\(finding.severity.rawValue))"))")
            let fix = finding.suggestion.map { "\nfix: \($0)" } ?? ""
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(finding.message + fix))\n"
        }
        return out
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences("%", "%25").replacingOccurrences("\r", "%0D").replacingOccurrences("\n", "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(":", "%3A").replacingOccurrences(",", "%2C")
    }

    // MARK: - JUnit

    /// One test case per finding (failing when at or above `--fail-on`, skipped below), so CI
    /// test reports list each problem with its file and line.
    private func junit() -> String {
        let failures = result.findings.count { $0.severity >= failOn }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"rolegen lint\" tests=\"\(max(result.findings.count, 1))\" failures=\"\(failures)\">\n"
        out += "  <testsuite name=\"rolegen lint\" tests=\"\(max(result.findings.count, 1))\" failures=\"\(failures)\" "
            + "skipped=\"\(result.findings.count - failures)\">\n"
        if result.findings.isEmpty {
            out += "    <testcase classname=\"rolegen.lint\" name=\"\(result.policiesChecked) policies\"/>\n"
        }
        for finding in result.findings {
            let name = Self.xml("\(finding.rule) at \(finding.location)")
            out += "    <testcase classname=\"\(Self.xml(finding.location.path))\" name=\"\(name)\" file=\"\(Self.xml(finding.location.path))\""
                + (finding.location.line.map { " line=\"\($0)\"" } ?? "") + ">\n"
            let body = Self.xml(finding.message + (finding.suggestion.map { "\nfix: \($0)" } ?? ""))
            if finding.severity >= failOn {
                out += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Self.xml(finding.message))\">\(body)</failure>\n"
            } else {
                out += "      <skipped message=\"\(finding.severity.rawValue): \(Self.xml(finding.message))\"/>\n"
            }
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }

    /// Text escaped for XML attributes and content (also used by `rolegen test`'s JUnit report).
    package static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            default:
                // XML 1.0 has no way to write other control characters.
                if scalar.value < 0x20 && scalar != "\t" { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    // MARK: - Markdown

    private func markdown() -> String {
        var out = "### rolegen lint\n\n"
        if result.findings.isEmpty {
            out += "No findings in \(result.policiesChecked) polic\(result.policiesChecked == 1 ? "y" : "ies").\n"
        } else {
            let failing = result.findings.count { $0.severity >= failOn }
            out += "**\(result.findings.count) finding\(result.findings.count == 1 ? "" : "s")** (\(counts)) in \(result.policiesChecked) policies; "
                + "\(failing) at or above `\(failOn.rawValue)`.\n\n"
            out += "| severity | rule | where | finding |\n|---|---|---|---|\n"
            for finding in result.findings {
                let fix = finding.suggestion.map { "<br>fix: \(Self.cell($0))" } ?? ""
                out += "| \(finding.severity.rawValue) | `\(finding.rule)` | `\(Self.cell(finding.location.description))` | \(Self.cell(finding.message))\(fix) |\n"
            }
        }
        if !result.suppressed.isEmpty { out += "\n\(result.suppressed.count) suppressed by the configuration.\n" }
        if !result.baselined.isEmpty { out += "\n\(result.baselined.count) already in the baseline.\n" }
        return out
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences("|", "\\|").replacingOccurrences("\n", " ")
    }
}
