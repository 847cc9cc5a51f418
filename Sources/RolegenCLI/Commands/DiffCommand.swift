package import ArgumentParser
package import RolegenCore

/// `rolegen diff OLD NEW`
package struct DiffCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare what two versions of IAM policies allow: PASS, FAIL (with a checked witness) or UNKNOWN.",
        discussion: """
            OLD and NEW are each a policy (JSON or YAML), `aws iam get-policy-version` output, a rolegen \
            persona (its generated identity policies, as one set; --values for its values), or one role \
            of an `aws iam get-account-authorization-details` dump (--role NAME: its inline policies and \
            the default versions of its attached managed policies that the dump contains). Two directories \
            are paired by file name; a file on one side only is compared with nothing.

            Both directions are answered: new access (NEW allows, OLD does not) and removed access. \
            PASS means proven empty, relative to the catalog, the domain constraints and the mode printed \
            in the report. FAIL means a witness request was found and re-checked with rolegen's evaluator \
            (NEW allows it, OLD does not). UNKNOWN means possible new access: an approximation or a \
            search budget left the question open. UNKNOWN is never turned into PASS. Summary: equivalent, \
            NEW grants more, NEW grants less, incomparable, or unknown. Details: docs/diff.md.

            DOMAIN CONSTRAINTS (printed in every report)
              d1  request ARNs are in the partition aws (on; --no-domain d1)
              d2  an action's resource matches its catalog ARN formats, each
                  ${Placeholder} a run without ':' in fields 1-5, and
                  without '/' where the service's formats continue with
                  one (a bucket name is no object key) (I-D);
                  actions without resource types take only "*" (on)
              d3  keys documented as always present are never absent
                  (off; --domain d3)
              d4  multivalued keys (ArrayOf...) from the catalog; other keys
                  take one value (on; off: any key may take several)

            MODES
              D       the evaluator's resource semantics everywhere (default)
              robust  NEW's Allow and OLD's Deny read loosely (U), NEW's Deny
                      and OLD's Allow strictly (L): a PASS then holds however
                      AWS reads colons in resource wildcards

            IMPLEMENTATION-DEFINED CHOICES (I-D)
              - an ARN-shaped Resource (even arn:aws:s3:::*) does not match
                "*", the resource of actions without resource-level
                permissions; only an all-* pattern does
              - a plain operator on a multivalued key is false for two or
                more values
              - ForAnyValue...IfExists and BinaryEquals are approximated
              - [""] is the null data set of set operators; an empty list is
                read as absent by plain operators
              - StringEqualsIgnoreCase folds case with simple mappings
              - a condition value with a policy variable (two keys compared)
                is one opaque condition when OLD and NEW both have it, else
                approximated
              - --all: one witness per action class, resource region and
                context atoms (at most 16 context combinations per region)

            KNOWN LIMITATIONS
              - identity policies only: no cross-account evaluation,
                boundaries, SCPs or session policies
              - no service-specific authorisation (KMS key policies, S3 ACLs
                and Block Public Access, VPC endpoint policies)
              - operations that authorise several resources are compared one
                resource at a time
              - context keys are independent of each other and of the
                principal (no correlations)
              - catalog drift: a PASS is relative to the bundled catalog;
                actions it lacks are compared only where a policy names them
                literally (no open-world mode)

            EXIT CODES
              0  compared; with --fail-on new-access: nothing new anywhere
              1  with --fail-on new-access: some new access is FAIL or UNKNOWN
              2  usage or input error (missing file, invalid JSON/YAML or
                 policy, unknown --role)

            EXAMPLES
              rolegen diff old.json new.json
              rolegen diff old.json new.json --fail-on new-access --format markdown
              rolegen diff persona.yaml dump.json --role app-role --values prod.yaml
              rolegen diff policies-main/ policies-branch/ --all
            """
    )

    @Argument(help: ArgumentHelp("The reference policies (a file or a directory).", valueName: "old"))
    package var old: String

    @Argument(help: ArgumentHelp("The candidate policies (a file or a directory).", valueName: "new"))
    package var new: String

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("new-access: exit 1 when NEW may grant anything OLD does not (FAIL or UNKNOWN).", valueName: "condition"))
    package var failOn: String?

    @Option(help: ArgumentHelp("Output format: text, json, markdown.", valueName: "format"))
    package var format: String = "text"

    @Flag(help: "Report every new region (per action class and resource region) instead of the first witness.")
    package var all = false

    @Option(help: ArgumentHelp("The role to compare in an account authorization dump.", valueName: "name"))
    package var role: String?

    @Option(name: .customLong("values"), help: ArgumentHelp("Values files for persona inputs (repeatable).", valueName: "file"))
    package var valuesFiles: [String] = []

    @Option(help: ArgumentHelp("Resource semantics: D (the evaluator's) or robust.", valueName: "mode"))
    package var mode: String = "D"

    @Option(name: .customLong("no-domain"), help: ArgumentHelp("Turn a domain constraint off: d1, d2, d4 (repeatable).", valueName: "constraint"))
    package var noDomain: [String] = []

    @Option(name: .customLong("domain"), help: ArgumentHelp("Turn a domain constraint on: d3 (repeatable).", valueName: "constraint"))
    package var domain: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    package var output: String?

    @OptionGroup package var catalogOptions: CatalogOptions

    package init() {}

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        let sink = DiagnosticSink()
        guard let options = parseOptions(sink: sink), let reportFormat = DiffReportFormat(rawValue: format),
              let catalog = catalogOptions.load(fileSystem: fileSystem, sink: sink) else {
            if DiffReportFormat(rawValue: format) == nil {
                sink.error(.configInvalid, "unknown format '\(format)'\(Suggestions.didYouMean(format, in: DiffReportFormat.allCases.map(\.rawValue))); "
                           + "formats are \(DiffReportFormat.allCases.map(\.rawValue).joined(separator: ", "))", at: SourceLocation(path: "command line"))
            }
            report(sink, console: console, failed: true, summary: "nothing was compared")
            return .inputError
        }
        let runner = DiffRunner(fileSystem: fileSystem, catalog: catalog, options: options, valuesFiles: valuesFiles, role: role)
        guard let result = runner.run(old: old, new: new, sink: sink) else {
            report(sink, console: console, failed: true, summary: "nothing was compared")
            return .inputError
        }
        // Directory pairs: the readable pairs are reported, and unreadable ones still exit 2.
        let incomplete = sink.hasErrors
        report(sink, console: console, failed: incomplete, summary: "those pairs were not compared")
        let rendered = DiffReportRenderer(result).render(reportFormat)
        if let output {
            do {
                try BundleWriter(fileSystem: fileSystem).write([(output, Array(rendered.utf8))], creating: [])
            } catch {
                console.writeError("\(error.path): error: cannot write: \(error.reasonText)\n")
                return .inputError
            }
        } else {
            console.writeOutput(rendered)
        }
        if incomplete { return .inputError }
        return failOn != nil && result.worstNewAccess != .pass ? .findings : .success
    }

    private func parseOptions(sink: DiagnosticSink) -> DiffOptions? {
        let origin = SourceLocation(path: "command line")
        var options = DiffOptions()
        options.all = all
        if let failOn, failOn != "new-access" {
            sink.error(.configInvalid, "unknown --fail-on '\(failOn)'\(Suggestions.didYouMean(failOn, in: ["new-access"])); the only value is new-access", at: origin)
        }
        switch mode.lowercased() {
        case "d", "standard": options.mode = .standard
        case "robust": options.mode = .robust
        default: sink.error(.configInvalid, "unknown mode '\(mode)'\(Suggestions.didYouMean(mode, in: ["D", "robust"])); modes are D, robust", at: origin)
        }
        for name in noDomain {
            switch name.lowercased() {
            case "d1": options.constraints.partitions = nil
            case "d2": options.constraints.resourceTemplates = false
            case "d3": options.constraints.keyPresence = false
            case "d4": options.constraints.keyTypes = false
            default: sink.error(.configInvalid, "unknown domain constraint '\(name)'; constraints are d1, d2, d3, d4", at: origin)
            }
        }
        for name in domain {
            switch name.lowercased() {
            case "d1": options.constraints.partitions = ["aws"]
            case "d2": options.constraints.resourceTemplates = true
            case "d3": options.constraints.keyPresence = true
            case "d4": options.constraints.keyTypes = true
            default: sink.error(.configInvalid, "unknown domain constraint '\(name)'; constraints are d1, d2, d3, d4", at: origin)
            }
        }
        return sink.hasErrors ? nil : options
    }
}
