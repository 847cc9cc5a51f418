package import ArgumentParser
package import RolegenCore

/// `rolegen simulate --policy P --action A --resource R`
package struct SimulateCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Decide requests offline against identity policies, a boundary, SCPs, RCPs, session and resource policies.",
        discussion: """
            Evaluates each request with AWS's decision procedure (docs/evaluation.md): an explicit Deny \
            anywhere wins; every RCP and SCP level needs an Allow; a resource policy naming the user or \
            session grants on its own; otherwise an identity Allow is needed, within the boundary and the \
            session policies. Prints the decision, the deciding layer and statements (policy, index from 0, \
            Sid); --explain adds every statement's first failing element (action, resource, principal or \
            condition key) and each implementation-defined rule that applied.

            POLICY FILES: JSON or YAML policy documents, `aws iam get-policy-version` output, or personas \
            (generated as `rolegen generate` does, with --values; their permissions policies are identity \
            policies). Each --scp (and --rcp) is one level of the organisation, root first; several policies \
            attached at one level are given as one comma-separated occurrence: --scp root.json \
            --scp ou-a.json,ou-b.json --scp account.json.

            REQUESTS: --action and --resource (* for actions without resource-level permissions), with \
            --context key=value (repeat a key for a multivalued key; key= is the empty string; keys are \
            case-insensitive); or --requests FILE, a JSON or YAML list of {action, resource, context} \
            (context values a string or a list of strings), one result line each.

            IMPLEMENTATION-DEFINED (docs/evaluation.md lists them all): resources match with semantics D \
            (a * stops at ':' inside the first five ARN fields unless it ends its field); only * matches \
            an action without resource-level permissions; an operator without ForAllValues/ForAnyValue \
            does not match a key with several values; unparseable values never match (negated operators \
            then hold); substituted policy variables are literal text; operator names are exact-case.

            EXIT CODES
              0  the simulation ran (whatever the decisions), or every decision met --expect
              1  some decision did not meet --expect
              2  usage or input error (file:line:column on standard error)

            EXAMPLES
              rolegen simulate --policy policy.json --action s3:GetObject --resource arn:aws:s3:::bucket/key
              rolegen simulate --policy personas/data-scientist.yaml --values team.yaml --requests checks.yaml --explain
              rolegen simulate --policy p.json --scp root.json --scp ou.json --action ec2:RunInstances \\
                --resource 'arn:aws:ec2:eu-west-1:111122223333:instance/*' --context ec2:InstanceType=p4d.24xlarge --expect deny
            """
    )

    @Option(name: .customLong("policy"), help: ArgumentHelp("An identity policy or persona (repeatable).", valueName: "file"))
    package var policies: [String] = []

    @Option(help: ArgumentHelp("The permissions boundary.", valueName: "file"))
    package var boundary: String?

    @Option(name: .customLong("scp"), help: ArgumentHelp("One SCP level, root first (repeatable; a,b for two SCPs at one level).",
                                                         valueName: "files"))
    package var scpLevels: [String] = []

    @Option(name: .customLong("rcp"), help: ArgumentHelp("One RCP level, root first (repeatable; a,b for two RCPs at one level).",
                                                         valueName: "files"))
    package var rcpLevels: [String] = []

    @Option(name: .customLong("session-policy"), help: ArgumentHelp("A session policy (repeatable).", valueName: "file"))
    package var sessionPolicies: [String] = []

    @Option(name: .customLong("resource-policy"), help: ArgumentHelp("The resource's policy (bucket policy, key policy, ...).", valueName: "file"))
    package var resourcePolicy: String?

    @Option(help: ArgumentHelp("The action, such as s3:GetObject.", valueName: "action"))
    package var action: String?

    @Option(help: ArgumentHelp("The resource ARN, or * for actions without resource-level permissions.", valueName: "arn"))
    package var resource: String?

    @Option(help: ArgumentHelp("A request context key (repeatable; repeat a key for several values; key= is the empty string).",
                               valueName: "key=value"))
    package var context: [String] = []

    @Option(name: .customLong("principal-type"),
            help: ArgumentHelp("iam-user, role-session, federated-user-session, root or service (default iam-user).", valueName: "type"))
    package var principalType: String = RequestPrincipalKind.iamUser.rawValue

    @Option(help: ArgumentHelp("The principal's ARN, for resource policies that name principals.", valueName: "arn"))
    package var principal: String?

    @Option(help: ArgumentHelp("A JSON or YAML list of {action, resource, context} to evaluate.", valueName: "file"))
    package var requests: String?

    @Option(help: ArgumentHelp("Exit with 1 unless every request is allowed (allow) or denied (deny).", valueName: "allow|deny"))
    package var expect: String?

    @Flag(help: "Show every statement's outcome and the implementation-defined rules that applied.")
    package var explain = false

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    package var format: String = "text"

    @Option(name: .customLong("values"), help: ArgumentHelp("Values files for the personas among the policies (repeatable).", valueName: "file"))
    package var valuesFiles: [String] = []

    @OptionGroup package var catalogOptions: CatalogOptions

    package init() {}

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        let sink = DiagnosticSink()
        let origin = SourceLocation(path: "command line")
        func fail() -> ExitStatus {
            report(sink, console: console, failed: true, summary: "nothing was simulated")
            return .inputError
        }
        func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ what: String, as: T.Type) -> T? where T.RawValue == String {
            if let value = T(rawValue: text) { return value }
            let names = T.allCases.map(\.rawValue)
            sink.error(.schemaValue, "unknown \(what) '\(text)'\(Suggestions.didYouMean(text, in: names)); use \(names.joined(separator: ", "))",
                       at: origin)
            return nil
        }
        let outputFormat = choice(format, "format", as: SimulationFormat.self)
        let kind = choice(principalType, "principal type", as: RequestPrincipalKind.self)
        let expected = expect.flatMap { choice($0, "expectation", as: ExpectedDecision.self) }
        if policies.isEmpty && resourcePolicy == nil {
            sink.error(.schemaMissingKey, "nothing to evaluate: give --policy (identity policies or personas) or --resource-policy", at: origin)
        }
        if (action == nil) != (resource == nil) {
            sink.error(.schemaMissingKey, "--action and --resource go together", at: origin)
        }
        if action == nil && requests == nil {
            sink.error(.schemaMissingKey, "no request: give --action and --resource, or --requests FILE", at: origin)
        }
        if action == nil && !context.isEmpty {
            sink.error(.schemaConflict, "--context applies to --action/--resource; a --requests file gives each request its context", at: origin)
        }
        var contextValues: [String: [String]] = [:]
        for argument in context {
            guard let (key, value) = RequestSpec.contextArgument(argument, sink: sink) else { continue }
            contextValues[key.lowercased(), default: []].append(value)
        }
        guard !sink.hasErrors, let outputFormat, let kind else { return fail() }

        let catalog = catalogOptions.load(fileSystem: fileSystem, sink: sink)
        guard let catalog else { return fail() }
        let simulator = Simulator(loader: PolicyFileLoader(fileSystem: fileSystem, catalog: catalog, valuesFiles: valuesFiles))
        var inputs = Simulator.Inputs()
        inputs.identity = policies
        inputs.boundary = boundary
        inputs.scpLevels = scpLevels.map(Self.level)
        inputs.rcpLevels = rcpLevels.map(Self.level)
        inputs.sessionPolicies = sessionPolicies.isEmpty ? nil : sessionPolicies
        inputs.resourcePolicy = resourcePolicy
        let policySet = simulator.policySet(inputs, sink: sink)
        var single: EvaluationRequest?
        if let action, let resource {
            single = EvaluationRequest(action: action, resource: RequestResource(resource), context: contextValues)
        }
        // A requests file is read once to check it (nothing is printed for a bad file), then
        // again as it is evaluated, one request at a time.
        if let requests { _ = simulator.forEachRequest(requests, sink: sink) { _ in } }
        guard !sink.hasErrors, let policySet else { return fail() }
        let forEachRequest = { (body: (EvaluationRequest) -> Void) in
            if let single { body(single) }
            if let requests { _ = simulator.forEachRequest(requests, sink: DiagnosticSink()) { body($0.request()) } }
        }
        report(sink, console: console, failed: false)

        var evaluator = Evaluator()
        // Text without --explain prints no notes: they are not worked out.
        evaluator.collectsNotes = outputFormat == .json || explain
        let outcome = { (request: EvaluationRequest) -> SimulationOutcome in
            var request = request
            request.principalKind = kind
            request.principal = principal.map(Self.principal)
            return SimulationOutcome(request: request, result: evaluator.evaluate(request, in: policySet), expected: expected)
        }
        var stream = SimulationReportStream(format: outputFormat, explain: explain) { console.writeOutput($0) }
        forEachRequest { stream.add(outcome($0)) }
        stream.finish()
        return stream.allMet ? .success : .findings
    }

    /// `--principal`: an ARN (`AWS:`), a service (`Service:`), or `*`.
    static func principal(_ text: String) -> String {
        if text == "*" { return text }
        if !text.hasPrefix("arn:") && text.hasSuffix(".amazonaws.com") { return "Service:" + text }
        return "AWS:" + text
    }

    /// `a.json,b.json` → the policies of one level.
    static func level(_ argument: String) -> [String] {
        argument.split(separator: ",").map(String.init)
    }
}
