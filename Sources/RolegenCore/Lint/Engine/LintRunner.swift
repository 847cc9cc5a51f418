/// A whole `rolegen lint` run: read the inputs, check every policy, apply suppressions and the
/// baseline. Prints nothing; the command renders the result.
package struct LintRunner {
    package struct Result: Sendable {
        /// The findings to report, sorted by place.
        package var findings: [Finding] = []
        /// Findings the configuration accepts, with the reason given there.
        package var suppressed: [(finding: Finding, reason: String)] = []
        /// Findings the baseline already records.
        package var baselined: [Finding] = []
        package var policiesChecked = 0
        package var filesSkipped = 0
    }

    package let fileSystem: any FileSystem
    package let catalog: Catalog
    package let settings: LintSettings
    package let options: LintInputOptions
    /// Values files for the personas among the inputs.
    package var valuesFiles: [String] = []

    package init(fileSystem: any FileSystem, catalog: Catalog, settings: LintSettings, options: LintInputOptions) {
        self.fileSystem = fileSystem
        self.catalog = catalog
        self.settings = settings
        self.options = options
    }

    /// Runs the rules over everything the paths hold. Input errors (a missing path, a persona
    /// that does not generate) go to `sink`; the caller exits 2 when there are any.
    package func run(paths: [String], stdin: [UInt8]? = nil, baseline: Baseline? = nil, sink: DiagnosticSink) -> Result {
        let collector = LintInputCollector(fileSystem: fileSystem, options: options)
        let engine = LintEngine(context: LintContext(catalog: catalog, settings: settings))
        var result = Result()
        var all: [Finding] = []
        // Only the policies of users, groups and roles are kept, for the entity rules.
        var inputs: [PolicyInput] = []
        result.filesSkipped = collector.collect(paths: paths, stdin: stdin, sink: sink) { item in
            switch item {
            case .policy(let input):
                result.policiesChecked += 1
                for finding in engine.lint(input) {
                    if let suppression = input.suppressions.first(where: { $0.matches(finding) }) {
                        result.suppressed.append((finding, suppression.reason))
                    } else {
                        all.append(finding)
                    }
                }
                if input.entity != nil { inputs.append(input) }
            case .finding(let finding):
                result.policiesChecked += 1
                all.append(finding)
            case .persona(let path):
                let (personaFindings, checked) = PersonaLinter(fileSystem: fileSystem, catalog: catalog, engine: engine,
                                                               valuesFiles: valuesFiles).lint(path, sink: sink)
                all += personaFindings
                result.policiesChecked += checked
            }
        }
        all += engine.lintEntities(inputs)
        var directives = InlineDirectives(fileSystem: fileSystem)
        for finding in all.sorted(by: Self.order) {
            if let suppression = settings.suppressions.first(where: { $0.matches(finding) }) {
                result.suppressed.append((finding, suppression.reason))
            } else if let reason = directives.reason(for: finding) {
                result.suppressed.append((finding, reason))
            } else if let baseline, baseline.contains(finding) {
                result.baselined.append(finding)
            } else {
                result.findings.append(finding)
            }
        }
        return result
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        (a.location, a.rule, a.message) < (b.location, b.rule, b.message)
    }
}

extension LintSettings.Suppression {
    /// Whether the suppression covers the finding: same rule, the path matching the glob (or
    /// ending with it, so `policies/x.json` matches `./policies/x.json`), the same statement.
    package func matches(_ finding: Finding) -> Bool {
        guard finding.rule == rule else { return false }
        if let statement, finding.statement != statement, finding.statement != "#" + statement { return false }
        guard let path else { return true }
        let findingPath = finding.location.path.hasPrefix("./") ? String(finding.location.path.dropFirst(2)) : finding.location.path
        return Glob.matches(path, findingPath) || Glob.matches("**/" + path, findingPath)
    }
}

/// Findings recorded at one point, so that CI fails only on new ones (`--baseline`). A finding
/// is the same when its rule, file, policy, statement and message are: line numbers are left
/// out, so edits elsewhere in a file do not make old findings new.
package struct Baseline: Sendable {
    package var fingerprints: Set<String>

    package init(findings: [Finding]) {
        fingerprints = Set(findings.map(Self.fingerprint))
    }

    package init(fingerprints: Set<String>) {
        self.fingerprints = fingerprints
    }

    package func contains(_ finding: Finding) -> Bool { fingerprints.contains(Self.fingerprint(finding)) }

    package static func fingerprint(_ finding: Finding) -> String {
        [finding.rule, finding.location.path, finding.policy ?? "", finding.statement ?? "", finding.message].joined(separator: "\u{1F}")
    }

    /// The baseline file: JSON, one entry per finding, sorted, so it diffs well in review.
    package func render() -> String {
        let entries = fingerprints.sorted().map { fingerprint -> JSONValue in
            let parts = fingerprint.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            let names = ["rule", "path", "policy", "statement", "message"]
            return .object(zip(names, parts).filter { !$0.1.isEmpty }.map { ($0.0, JSONValue.string($0.1)) })
        }
        return JSONValue.object([("version", .number(1)), ("findings", .array(entries))]).rendered()
    }

    /// Reads a baseline file, or says why it cannot be used.
    package static func parse(_ bytes: [UInt8], path: String) -> Swift.Result<Baseline, Diagnostic> {
        guard case .success(let root) = JSONReader.parse(bytes, path: path),
              let findings = PolicyView.last("findings", in: root.mappingEntries ?? [])?.sequenceItems else {
            return .failure(Diagnostic(.error, .fileUnreadable, "not a rolegen baseline: expected {\"version\": 1, \"findings\": [...]} "
                                       + "as `rolegen lint --write-baseline` writes it", at: SourceLocation(path: path)))
        }
        var fingerprints: Set<String> = []
        for entry in findings {
            let fields = entry.mappingEntries ?? []
            let parts = ["rule", "path", "policy", "statement", "message"].map { PolicyView.last($0, in: fields)?.scalarText ?? "" }
            fingerprints.insert(parts.joined(separator: "\u{1F}"))
        }
        return .success(Baseline(fingerprints: fingerprints))
    }
}
