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

    /// A `--requests` file: a JSON or YAML list of `{action, resource, context}`.
    package func requests(_ path: String, sink: DiagnosticSink) -> [RequestSpec]? {
        guard let (root, _) = loader.tree(path, sink: sink) else { return nil }
        guard let items = NodeReading.list(root, what: "the requests file (a list of {action, resource, context})", sink: sink) else {
            return nil
        }
        let before = sink.errorCount
        let specs = items.enumerated().compactMap { index, item in
            RequestSpec.parse(item, subject: "request \(index + 1)", sink: sink)
        }
        if items.isEmpty {
            sink.error(.schemaValue, "the requests file lists no request", at: root.location)
        }
        return sink.errorCount == before ? specs : nil
    }
}
