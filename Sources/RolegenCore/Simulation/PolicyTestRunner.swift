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

        package var passed: Bool { expectation.expected.accepts(result.decision) }

        /// The expectation's name, or what it checks.
        package var title: String {
            expectation.name?.value ?? "\(expectation.expected.rawValue) \(request.action) on \(request.resource)"
        }
    }

    package struct Run: Sendable {
        package var cases: [Case] = []
        /// Personas read, with or without expectations.
        package var personas: [String] = []
    }

    /// The persona files among `paths`: files named directly must be personas; directories are
    /// searched (recursively, hidden directories skipped) for YAML files with a `persona:` key.
    package func personaFiles(_ paths: [String], sink: DiagnosticSink) -> [String] {
        var options = LintInputOptions()
        options.include = ["**/*.yaml", "**/*.yml"]
        let collector = LintInputCollector(fileSystem: loader.fileSystem, options: options)
        let yaml = YAMLFileLoader(fileSystem: loader.fileSystem)
        var result: [String] = []
        for source in collector.sources(paths: paths, sink: sink) {
            let probe = DiagnosticSink()
            guard let root = yaml.load(source.path, sink: probe) else {
                if source.explicit { probe.diagnostics.forEach(sink.report) }
                continue
            }
            if LintFileFormat.detect(root, isYAML: true) == .persona {
                result.append(source.path)
            } else if source.explicit {
                sink.error(.policyUnrecognized, "not a persona: rolegen test reads persona files (with 'persona:' and 'expect:')",
                           at: root.location)
            }
        }
        return result
    }

    /// Runs every expectation of the personas; nil after reporting an input error.
    package func run(_ paths: [String], sink: DiagnosticSink) -> Run? {
        let before = sink.errorCount
        var run = Run()
        for path in personaFiles(paths, sink: sink) {
            run.personas.append(path)
            run.cases += cases(path, sink: sink)
        }
        return sink.errorCount == before ? run : nil
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
        for expectation in document.expectations {
            guard let request = Self.request(expectation.request, scope: scope, sink: sink) else { continue }
            result.append(Case(persona: path, expectation: expectation, request: request,
                               result: evaluator.evaluate(request, in: policies)))
        }
        return result
    }

    /// The request with `${name}` references to the persona's values replaced. A context value
    /// written as exactly `${name}` of a list becomes that list (a multivalued key); elsewhere a
    /// reference must name a single value.
    static func request(_ spec: RequestSpec, scope: [String: BoundValue], sink: DiagnosticSink) -> EvaluationRequest? {
        let before = sink.errorCount
        func strings(_ text: Located<String>, allowList: Bool) -> [String] {
            guard case .success(let parsed) = Interpolated.parse(text.value, at: text.location) else {
                if case .failure(let diagnostic) = Interpolated.parse(text.value, at: text.location) { sink.report(diagnostic) }
                return []
            }
            if allowList, let name = parsed.singleReference, case .list(let items, _)? = scope[name] { return items.map(\.text) }
            var out = ""
            for segment in parsed.segments {
                switch segment {
                case .literal(let literal): out += literal
                case .reference(let name, let location):
                    switch scope[name] {
                    case .scalar(let scalar)?: out += scalar.text
                    case .list(let items, _)? where items.count == 1: out += items[0].text
                    case let value?:
                        sink.error(.referenceInvalid, "'${\(name)}' is \(value.kindDescription); an expectation's "
                                   + (allowList ? "context value may be exactly '${\(name)}' to use every item" : "action and resource need one value")
                                   + ", or write the value itself", at: location)
                    case nil:
                        sink.error(.referenceUnknown, "unknown value '${\(name)}'\(Suggestions.didYouMean(name, in: scope.keys.sorted())); "
                                   + "expectations may refer to the persona's values and to account, region, partition", at: location)
                    }
                }
            }
            return [out]
        }
        let action = strings(spec.action, allowList: false).first ?? ""
        let resource = strings(spec.resource, allowList: false).first ?? ""
        var context: [String: [String]] = [:]
        for (key, values) in spec.context {
            context[key.value.lowercased(), default: []] += values.flatMap { strings($0, allowList: true) }
        }
        guard sink.errorCount == before else { return nil }
        return EvaluationRequest(action: action, resource: RequestResource(resource), context: context, principalKind: .roleSession)
    }
}
