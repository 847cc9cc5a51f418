import Dispatch
import Foundation

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
    ///
    /// Files are checked in parallel, one worker per processor core (sharing the catalog caches),
    /// each taking the next unchecked file when done with one (policies differ in size a
    /// hundredfold, so fixed shares leave a core idle); the findings are sorted afterwards, so
    /// the result does not depend on the number of cores or on timing.
    package func run(paths: [String], stdin: [UInt8]? = nil, baseline: Baseline? = nil, sink: DiagnosticSink) -> Result {
        let collector = LintInputCollector(fileSystem: fileSystem, options: options)
        let sources = collector.sources(paths: paths, sink: sink)
        let workers = sources.count < 16 ? 1 : max(1, min(ParallelWork.processorCount, 8))
        let slots = Slots<Part>(count: workers, initial: Part())
        let context = LintContext(catalog: catalog, settings: settings)
        let queue = WorkQueue(count: sources.count)
        let work: @Sendable (Int) -> Void = { worker in
            slots[worker] = self.check(sources, queue: queue, collector: collector, stdin: stdin, context: context)
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        let parts = slots.values
        var result = Result()
        var all: [Finding] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.findings.count })
        for part in parts {
            result.policiesChecked += part.policiesChecked
            result.filesSkipped += part.skipped
            result.suppressed += part.suppressed
            all += part.findings
            part.diagnostics.diagnostics.forEach(sink.report)
        }
        var directives = InlineDirectives(fileSystem: fileSystem)
        result.findings.reserveCapacity(all.count)
        for index in Self.order(all, by: \.self) {
            let finding = all[index]
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
        result.suppressed = Self.sorted(result.suppressed, by: \.finding)
        return result
    }

    /// What one worker found in the files it took.
    private struct Part: @unchecked Sendable {
        var findings: [Finding] = []
        var suppressed: [(finding: Finding, reason: String)] = []
        var policiesChecked = 0
        var skipped = 0
        var diagnostics = DiagnosticSink()
    }

    private func check(_ sources: [LintInputCollector.Source], queue: WorkQueue,
                       collector: LintInputCollector, stdin: [UInt8]?, context: LintContext) -> Part {
        var part = Part()
        let engine = LintEngine(context: context)
        // Policies waiting to be linted: a file's, or the users, groups and roles of an account
        // dump as it is read, in whole entities (the entity rules see each one complete).
        var pending: [PolicyInput] = []
        func flush() {
            // Many policies (an account dump) are shared out in batches, so that one file does
            // not keep the other cores idle.
            let batches = pending.count < Self.batchSize * 2 ? [pending]
                : stride(from: 0, to: pending.count, by: Self.batchSize).map { Array(pending[$0..<min($0 + Self.batchSize, pending.count)]) }
            let outcomes = batches.count == 1 ? [Self.lint(batches[0], engine: engine)]
                : ParallelWork.map(count: batches.count) { Self.lint(batches[$0], engine: engine) }
            for outcome in outcomes {
                part.findings += outcome.findings
                part.suppressed += outcome.suppressed
            }
            part.policiesChecked += pending.count
            part.findings += engine.lintEntities(pending.filter { $0.entity != nil })
            pending = []
        }
        func take(_ items: [LintItem]) {
            for item in items {
                switch item {
                case .policy(let input):
                    pending.append(input)
                case .finding(let finding):
                    part.policiesChecked += 1
                    part.findings.append(finding)
                case .persona(let path):
                    let (findings, checked) = PersonaLinter(fileSystem: fileSystem, catalog: catalog, engine: engine,
                                                            valuesFiles: valuesFiles).lint(path, sink: part.diagnostics)
                    part.findings += findings
                    part.policiesChecked += checked
                }
            }
        }
        while let index = queue.next() {
            let before = (findings: part.findings.count, suppressed: part.suppressed.count, checked: part.policiesChecked)
            let stream = EntityStream(take: { entity in
                take(entity)
                if pending.count >= Self.streamedBatch { flush() }
            }, discard: {
                pending = []
                part.findings.removeLast(part.findings.count - before.findings)
                part.suppressed.removeLast(part.suppressed.count - before.suppressed)
                part.policiesChecked = before.checked
            })
            let items = collector.items(of: sources[index], stdin: stdin, sink: part.diagnostics, streamed: stream)
            guard let items else {
                part.skipped += 1
                flush()
                continue
            }
            take(items)
            flush()
        }
        return part
    }

    /// Policies per batch when one file holds many.
    private static let batchSize = 256
    /// Policies of a streamed account dump linted at a time: memory holds this many, not the dump.
    private static let streamedBatch = 1_024

    /// The findings of some policies, and those their own inline directives suppress.
    /// One engine per worker, not per file: preparing the 138 rules' metadata for every file
    /// was a tenth of a corpus run.
    private static func lint(_ inputs: [PolicyInput], engine: LintEngine)
        -> (findings: [Finding], suppressed: [(finding: Finding, reason: String)]) {
        var findings: [Finding] = []
        var suppressed: [(finding: Finding, reason: String)] = []
        for input in inputs {
            for finding in engine.lint(input) {
                if let suppression = input.suppressions.first(where: { $0.matches(finding) }) {
                    suppressed.append((finding, suppression.reason))
                } else {
                    findings.append(finding)
                }
            }
        }
        return (findings, suppressed)
    }

    /// The findings in report order: place, rule, message. Each path is ranked once and the
    /// findings sorted on the ranks: comparing long shared paths as Unicode strings was most of
    /// the serial time at the end of a corpus run.
    static func sorted<Item>(_ items: [Item], by finding: (Item) -> Finding) -> [Item] {
        order(items, by: finding).map { items[$0] }
    }

    /// The indices of `items` in report order. The sort moves small keys, not findings: a
    /// finding is a dozen reference-counted fields, and moving them cost more than comparing.
    static func order<Item>(_ items: [Item], by finding: (Item) -> Finding) -> [Int] {
        let paths = Set(items.map { finding($0).location.path }).sorted()
        let rank = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0) })
        let keys = items.indices.map { index in
            let location = finding(items[index]).location
            return (rank: rank[location.path]!, line: location.line ?? 0, column: location.column ?? 0, index: index)
        }
        return keys.sorted { a, b in
            if (a.rank, a.line, a.column) != (b.rank, b.line, b.column) { return (a.rank, a.line, a.column) < (b.rank, b.line, b.column) }
            let (f, g) = (finding(items[a.index]), finding(items[b.index]))
            if f.rule != g.rule { return f.rule < g.rule }
            return f.message < g.message
        }.map(\.index)
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
        return PathGlob.matches(path, findingPath) || PathGlob.matches("**/" + path, findingPath)
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
        let expected = "expected {\"version\": 1, \"findings\": [...]} as `rolegen lint --write-baseline` writes it"
        let root: SourceNode
        switch JSONReader.parse(bytes, path: path) {
        case .success(let parsed): root = parsed
        case .failure(let failure):
            return .failure(Diagnostic(.error, .fileUnreadable, "not a rolegen baseline: not valid JSON: \(failure.message); \(expected)",
                                       at: failure.location))
        }
        guard let findings = PolicyView.last("findings", in: root.mappingEntries ?? [])?.sequenceItems else {
            return .failure(Diagnostic(.error, .fileUnreadable, "not a rolegen baseline: \(expected)", at: root.location))
        }
        var fingerprints: Set<String> = []
        for (index, entry) in findings.enumerated() {
            guard let fields = entry.mappingEntries else {
                return .failure(Diagnostic(.error, .fileUnreadable, "finding \(index + 1) of the baseline is not an object; \(expected)",
                                           at: entry.location))
            }
            var parts: [String] = []
            for key in ["rule", "path", "policy", "statement", "message"] {
                let node = PolicyView.last(key, in: fields)
                // A finding that matches nothing would silently let every finding through again.
                if let node, !(node.isJSONString || node.isNull) {
                    return .failure(Diagnostic(.error, .fileUnreadable,
                                               "'\(key)' of finding \(index + 1) of the baseline must be a string, found \(node.kindDescription); "
                                               + "write the baseline again with `rolegen lint --write-baseline`", at: node.location))
                }
                parts.append(node?.scalarText ?? "")
            }
            fingerprints.insert(parts.joined(separator: "\u{1F}"))
        }
        return .success(Baseline(fingerprints: fingerprints))
    }
}
