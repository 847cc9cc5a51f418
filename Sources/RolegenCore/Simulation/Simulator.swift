/// `rolegen simulate`'s work: reads the policy files of each layer and the requests, and
/// evaluates every request.
package struct Simulator {
    /// The files of each layer, as given on the command line.
    package struct Inputs: Sendable {
        package var identity: [String] = []
        package var boundary: String?
        /// One list of files per level, root first.
        package var scpLevels: [[String]] = []
        package var rcpLevels: [[String]] = []
        /// nil: no session policy was passed.
        package var sessionPolicies: [String]?
        package var resourcePolicy: String?

        package init() {}
    }

    package let loader: PolicyFileLoader

    package init(loader: PolicyFileLoader) {
        self.loader = loader
    }

    /// Every layer's policies, or nil after reporting each file that cannot be read.
    package func policySet(_ inputs: Inputs, sink: DiagnosticSink) -> PolicySet? {
        let before = sink.errorCount
        var set = PolicySet()
        for path in inputs.identity {
            guard let loaded = loader.load(path, sink: sink) else { continue }
            set.identity += loaded.policies
            if let boundary = loaded.boundary { set.permissionsBoundary = boundary }
        }
        func single(_ path: String, as profile: IAMValidator.Profile) -> EvaluationPolicy? {
            guard let loaded = loader.load(path, as: profile, sink: sink) else { return nil }
            if loaded.policies.count != 1 {
                sink.error(.policyUnrecognized, "expected one policy, found \(loaded.policies.count) (a persona generating several "
                           + "managed policies can only be an identity policy: --policy)", at: SourceLocation(path: path))
                return nil
            }
            return loaded.policies.first
        }
        if let boundary = inputs.boundary { set.permissionsBoundary = single(boundary, as: .identity) }
        set.scpLevels = inputs.scpLevels.map { $0.compactMap { single($0, as: .scp) } }
        set.rcpLevels = inputs.rcpLevels.map { $0.compactMap { single($0, as: .rcp) } }
        set.sessionPolicies = inputs.sessionPolicies?.compactMap { single($0, as: .session) }
        if let resource = inputs.resourcePolicy { set.resourcePolicy = single(resource, as: .resource) }
        return sink.errorCount == before ? set : nil
    }

    /// Reads a `--requests` file (a JSON or YAML list of `{action, resource, context}`) and hands
    /// `body` each request in order; the number of requests, or nil after reporting every
    /// problem (`body` may have seen some requests by then: callers that must not act on a bad
    /// file read it once to check, then to act). A JSON file is read one request at a time, so
    /// 100,000 requests need the memory of one.
    package func forEachRequest(_ path: String, sink: DiagnosticSink, _ body: (RequestSpec) -> Void) -> Int? {
        let what = "the requests file (a list of {action, resource, context})"
        // The requests' own problems are held back: a file over the cap says that and nothing else.
        let requestProblems = DiagnosticSink()
        var count = 0
        let take = { (item: SourceNode) in
            count += 1
            guard count <= SimulationLimits.maxRequests,
                  let spec = RequestSpec.parse(item, subject: "request \(count)", sink: requestProblems) else { return }
            body(spec)
        }
        let root: SourceNode
        if path.lowercased().hasSuffix(".json") {
            let loader = YAMLFileLoader(fileSystem: loader.fileSystem, limits: SimulationLimits.requestsFile)
            guard let text = loader.readText(path, sink: sink) else { return nil }
            switch JSONReader.parse(Array(text.utf8), path: path, streamingElements: take) {
            case .success(let node): root = node
            case .failure(let failure):
                sink.error(.jsonSyntax, "not valid JSON: \(failure.message)", at: failure.location)
                return nil
            }
            guard NodeReading.list(root, what: what, sink: sink) != nil else { return nil }
        } else {
            guard let (tree, _) = loader.tree(path, limits: SimulationLimits.requestsFile, sink: sink),
                  let items = NodeReading.list(tree, what: what, sink: sink) else { return nil }
            root = tree
            items.forEach(take)
        }
        if count > SimulationLimits.maxRequests {
            sink.error(.fileTooLarge, "the requests file lists \(count) requests, more than the \(SimulationLimits.maxRequests) "
                       + "rolegen simulates in one run; split it into several files", at: root.location)
            return nil
        }
        requestProblems.diagnostics.forEach(sink.report)
        if count == 0 {
            sink.error(.schemaValue, "the requests file lists no request", at: root.location)
        }
        return requestProblems.hasErrors || count == 0 ? nil : count
    }
}

/// Caps for `simulate --requests` (docs/limits.md): a requests file is machine-written and much
/// larger than a persona, so it gets room for a few hundred thousand requests, and no more.
package enum SimulationLimits {
    /// Most requests one `--requests` file may list.
    package static let maxRequests = 250_000
    /// The reading limits of a requests file: 64 MiB, and values enough for `maxRequests`
    /// requests with a few context keys each (a YAML alias bomb still stops here).
    package static let requestsFile: Limits = {
        var limits = Limits.standard
        limits.maxYAMLFileBytes = 64 << 20
        limits.maxYAMLNodes = 4_000_000
        return limits
    }()
}
