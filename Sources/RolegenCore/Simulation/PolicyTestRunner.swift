/// `rolegen test`: generates each persona that has `expect:` entries and checks every
/// expectation against its generated identity policies (and boundary, when it has one).
package struct PolicyTestRunner {
    package let loader: PolicyFileLoader

    package init(loader: PolicyFileLoader) {
        self.loader = loader
    }

    /// One expectation's outcome.
    package struct Case: Sendable {
        package var persona: String
        package var expectation: PolicyExpectation
        package var request: EvaluationRequest
        package var result: EvaluationResult
        /// Set when the expectation stood for several requests (a list value in its action or
        /// resource): which one this is.
        package var variant: String?

        package var passed: Bool { expectation.expected.accepts(result.decision) }

        /// The expectation's name, or what it checks.
        package var title: String {
            guard let name = expectation.name?.value else {
                return "\(expectation.expected.rawValue) \(request.action) on \(request.resource)"
            }
            return variant.map { "\(name) (\($0))" } ?? name
        }
    }

    package struct Run: Sendable {
        package var cases: [Case] = []
        /// Personas read, with or without expectations.
        package var personas: [String] = []
        /// Values files found in the directories and used (no --values given).
        package var valuesFiles: [String] = []
    }

    /// The persona files among `paths`, and the values files (`values.yaml`, `values.yml`) found
    /// in its directories: files named directly must be personas; directories are searched
    /// (recursively, hidden directories skipped) for YAML files with a `persona:` key.
    package func personaFiles(_ paths: [String], sink: DiagnosticSink) -> (personas: [String], valuesFiles: [String]) {
        var options = LintInputOptions()
        options.include = ["**/*.yaml", "**/*.yml"]
        let collector = LintInputCollector(fileSystem: loader.fileSystem, options: options)
        let yaml = YAMLFileLoader(fileSystem: loader.fileSystem)
        var result: [String] = []
        var valuesFiles: [String] = []
        for source in collector.sources(paths: paths, sink: sink) {
            let probe = DiagnosticSink()
            guard let root = yaml.load(source.path, sink: probe) else {
                if source.explicit { probe.diagnostics.forEach(sink.report) }
                continue
            }
            let name = source.path.split(separator: "/").last.map(String.init) ?? source.path
            if LintFileFormat.detect(root, isYAML: true) == .persona {
                result.append(source.path)
            } else if !source.explicit && ["values.yaml", "values.yml"].contains(name) {
                valuesFiles.append(source.path)
            } else if source.explicit {
                sink.error(.policyUnrecognized, "not a persona: rolegen test reads persona files (with 'persona:' and 'expect:')",
                           at: root.location)
            }
        }
        return (result, valuesFiles)
    }

    /// Runs every expectation of the personas; nil after reporting an input error.
    /// Without `--values`, values files found in the directories (`values.yaml`) supply the
    /// values: one beside a persona serves that persona (`rolegen init` writes them side by
    /// side); a single other one serves the rest, so `rolegen test personas examples` runs the
    /// bundled personas with the example team's values.
    package func run(_ paths: [String], sink: DiagnosticSink) -> Run? {
        let before = sink.errorCount
        var run = Run()
        let found = personaFiles(paths, sink: sink)
        func directory(_ path: String) -> String { path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") }
        let personaDirectories = Set(found.personas.map(directory))
        let shared = found.valuesFiles.filter { !personaDirectories.contains(directory($0)) }
        for path in found.personas {
            run.personas.append(path)
            var runner = self
            if loader.valuesFiles.isEmpty && hasExpectations(path) {
                let own = found.valuesFiles.filter { directory($0) == directory(path) }
                let chosen = own.isEmpty ? shared : own
                if chosen.count > 1 {
                    sink.error(.schemaConflict, "several values files could serve \(path) (\(chosen.joined(separator: ", "))); "
                               + "choose with --values FILE", at: SourceLocation(path: chosen[0]))
                    continue
                }
                if let file = chosen.first {
                    runner = PolicyTestRunner(loader: PolicyFileLoader(fileSystem: loader.fileSystem, catalog: loader.catalog, valuesFiles: [file]))
                    if !run.valuesFiles.contains(file) { run.valuesFiles.append(file) }
                }
            }
            run.cases += runner.cases(path, sink: sink)
        }
        return sink.errorCount == before ? run : nil
    }

    /// Whether the persona file declares `expect:` entries (errors are left to `cases`).
    private func hasExpectations(_ path: String) -> Bool {
        let probe = DiagnosticSink()
        guard let root = YAMLFileLoader(fileSystem: loader.fileSystem).load(path, sink: probe),
              let document = PersonaParser(sink: probe).parse(root, path: path) else { return true }
        return !document.expectations.isEmpty
    }

    /// The outcome of each expectation of one persona.
    package func cases(_ path: String, sink: DiagnosticSink) -> [Case] {
        let yaml = YAMLFileLoader(fileSystem: loader.fileSystem)
        guard let root = yaml.load(path, sink: sink),
              let document = PersonaParser(sink: sink).parse(root, path: path) else { return [] }
        guard !document.expectations.isEmpty, let loaded = loader.persona(path, sink: sink), let bundle = loaded.bundle else { return [] }
        var scope = bundle.persona.values.values
        for (name, value) in bundle.persona.context.builtins { scope[name] = value }
        let policies = PolicySet(identity: loaded.policies, permissionsBoundary: loaded.boundary)
        let evaluator = Evaluator()
        var result: [Case] = []
        let account = bundle.persona.context.account.text
        let region = bundle.persona.context.regions.first?.text ?? ""
        for expectation in document.expectations {
            guard let requests = Self.requests(expectation.request, scope: scope, account: account, region: region, sink: sink) else {
                continue
            }
            for request in requests {
                result.append(Case(persona: path, expectation: expectation, request: request,
                                   result: evaluator.evaluate(request, in: policies),
                                   variant: requests.count > 1 ? "\(request.action) on \(request.resource)" : nil))
            }
        }
        return result
    }

    /// The requests an expectation stands for, with `${name}` references to the persona's values
    /// replaced: a reference to a list in the action or resource makes one request per item
    /// (each must meet the expectation); a context value written as exactly `${name}` of a list
    /// becomes that list (a multivalued key). Keys every real request carries are filled in
    /// unless the expectation gives them (`key: []` makes one absent): aws:PrincipalAccount (the
    /// persona's account), aws:ResourceAccount (the resource ARN's account, else the persona's),
    /// aws:RequestedRegion (the ARN's region, else the persona's first region) and, for S3
    /// actions, s3:ResourceAccount (as aws:ResourceAccount).
    static func requests(_ spec: RequestSpec, scope: [String: BoundValue], account: String, region: String,
                         sink: DiagnosticSink) -> [EvaluationRequest]? {
        let before = sink.errorCount
        func expand(_ text: Located<String>, contextValue: Bool) -> [String] {
            let parsed: Interpolated
            switch Interpolated.parse(text.value, at: text.location) {
            case .success(let value): parsed = value
            case .failure(let diagnostic):
                sink.report(diagnostic)
                return []
            }
            if contextValue, let name = parsed.singleReference, case .list(let items, _)? = scope[name] { return items.map(\.text) }
            var results = [""]
            for segment in parsed.segments {
                switch segment {
                case .literal(let literal): results = results.map { $0 + literal }
                case .reference(let name, let location):
                    switch scope[name] {
                    case .scalar(let scalar)?: results = results.map { $0 + scalar.text }
                    case .list(let items, _)? where !contextValue || items.count == 1:
                        results = results.flatMap { prefix in items.map { prefix + $0.text } }
                    case let value?:
                        sink.error(.referenceInvalid, "'${\(name)}' is \(value.kindDescription); a context value may be exactly "
                                   + "'${\(name)}' to give every item, or write the value itself", at: location)
                    case nil:
                        sink.error(.referenceUnknown, "unknown value '${\(name)}' (expectations may refer to the persona's values and to "
                                   + "account, region, partition)\(Suggestions.didYouMean(name, in: scope.keys.sorted()))", at: location)
                    }
                }
            }
            return results
        }
        let actions = expand(spec.action, contextValue: false)
        let resources = expand(spec.resource, contextValue: false)
        var context: [String: [String]] = [:]
        for (key, values) in spec.context {
            context[key.value.lowercased(), default: []] += values.flatMap { expand($0, contextValue: true) }
        }
        guard sink.errorCount == before else { return nil }
        var requests: [EvaluationRequest] = []
        for action in actions {
            for resource in resources {
                var filled = context
                let fields = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
                let resourceAccount = fields.count == 6 && !fields[4].isEmpty ? String(fields[4]) : account
                let resourceRegion = fields.count == 6 && !fields[3].isEmpty ? String(fields[3]) : region
                var defaults = ["aws:principalaccount": account, "aws:resourceaccount": resourceAccount,
                                "aws:requestedregion": resourceRegion]
                if action.lowercased().hasPrefix("s3:") { defaults["s3:resourceaccount"] = resourceAccount }
                for (key, value) in defaults where filled[key] == nil { filled[key] = [value] }
                requests.append(EvaluationRequest(action: action, resource: RequestResource(resource), context: filled,
                                                  principalKind: .roleSession))
            }
        }
        return requests
    }
}
