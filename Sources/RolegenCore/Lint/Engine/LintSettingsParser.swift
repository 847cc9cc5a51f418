/// Reads the `lint:` section of `.rolegen.yaml` (docs/lint.md), reporting unknown keys and rule
/// ids with suggestions at their line and column.
package enum LintSettingsParser {
    package static let keys = ["fail_on", "rules", "known_accounts", "passrole_targets", "required_guards",
                               "sensitive_actions", "suppress"]

    /// The settings, or `nil` after reporting what is wrong; `failOn` is returned beside them.
    package static func parse(_ node: SourceNode, sink: DiagnosticSink,
                              rules: [any LintRule] = RuleRegistry.all) -> (settings: LintSettings, failOn: Located<Severity>?)? {
        let before = sink.errorCount
        guard let reader = MappingReader(node, subject: "the lint settings", allowedKeys: keys, sink: sink) else { return nil }
        var settings = LintSettings()
        var failOn: Located<Severity>?
        if let text = reader.string("fail_on") {
            if let severity = severity(text, sink: sink) { failOn = Located(severity, at: text.location) }
        }
        let ids = rules.map(\.metadata.id)
        for (key, value) in reader.entries("rules") ?? [] {
            guard ids.contains(key.value) else {
                sink.error(.configInvalid, "unknown rule '\(key.value)'\(Suggestions.didYouMean(key.value, in: ids)); "
                           + "`rolegen rules` lists them", at: key.location)
                continue
            }
            if let enabled = value.scalarText, ["true", "false"].contains(enabled) {
                settings.rules[key.value] = .init(enabled: enabled == "true")
                continue
            }
            guard let ruleReader = MappingReader(value, subject: "the settings of rule '\(key.value)'",
                                                 allowedKeys: ["enabled", "severity"], sink: sink) else { continue }
            var setting = LintSettings.RuleSetting()
            if let enabled = ruleReader.string("enabled") {
                if let flag = boolean(enabled, sink: sink) { setting.enabled = flag }
            }
            if let text = ruleReader.string("severity"), let severity = severity(text, sink: sink) { setting.severity = severity }
            settings.rules[key.value] = setting
        }
        for account in reader.strings("known_accounts") ?? [] {
            if account.value.count == 12 && account.value.allSatisfy(\.isASCIIDigit) {
                settings.knownAccounts.append(account.value)
            } else {
                sink.error(.configInvalid, "'\(account.value)' is not an AWS account id (12 digits)", at: account.location)
            }
        }
        for target in reader.strings("passrole_targets") ?? [] {
            if case .failure(let problem) = ARN.parse(target.value) {
                sink.error(.configInvalid, "'\(target.value)' is not a role ARN pattern: \(problem.message)", at: target.location)
            } else {
                settings.passRoleTargets.append(target.value)
            }
        }
        for item in reader.list("required_guards") ?? [] {
            guard let guardReader = MappingReader(item, subject: "a required guard", allowedKeys: ["actions", "key"], sink: sink),
                  let actions = guardReader.strings("actions", required: true),
                  let key = guardReader.string("key", required: true) else { continue }
            settings.requiredGuards.append(.init(actions: actions.map(\.value), key: key.value))
        }
        settings.sensitiveActions = (reader.strings("sensitive_actions") ?? []).map(\.value)
        for item in reader.list("suppress") ?? [] {
            guard let suppression = MappingReader(item, subject: "a suppression", allowedKeys: ["rule", "path", "statement", "reason"],
                                                  sink: sink),
                  let rule = suppression.string("rule", required: true),
                  let reason = suppression.string("reason", required: true, hint: " (why the finding is accepted)") else { continue }
            if !ids.contains(rule.value) {
                sink.error(.configInvalid, "unknown rule '\(rule.value)'\(Suggestions.didYouMean(rule.value, in: ids))", at: rule.location)
                continue
            }
            if reason.value.trimmed.isEmpty {
                sink.error(.configInvalid, "a suppression needs a reason: say why the finding is accepted", at: reason.location)
                continue
            }
            settings.suppressions.append(.init(rule: rule.value, path: suppression.string("path")?.value,
                                               statement: suppression.string("statement")?.value, reason: reason.value))
        }
        return sink.errorCount == before ? (settings, failOn) : nil
    }

    private static func severity(_ text: Located<String>, sink: DiagnosticSink) -> Severity? {
        if let severity = Severity(rawValue: text.value.lowercased()) { return severity }
        let names = Severity.allCases.map(\.rawValue)
        sink.error(.configInvalid, "'\(text.value)' is not a severity\(Suggestions.didYouMean(text.value, in: names)); "
                   + "severities are \(names.reversed().joined(separator: ", "))", at: text.location)
        return nil
    }

    private static func boolean(_ text: Located<String>, sink: DiagnosticSink) -> Bool? {
        if text.value == "true" || text.value == "false" { return text.value == "true" }
        sink.error(.configInvalid, "expected true or false, found '\(text.value)'", at: text.location)
        return nil
    }
}
