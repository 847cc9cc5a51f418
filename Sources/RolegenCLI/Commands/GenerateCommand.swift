package import ArgumentParser
package import RolegenCore

/// `rolegen generate`: personas in, IAM documents out.
package struct GenerateCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate the IAM policies of one or more personas.",
        discussion: """
            With one persona and no --output, prints its permissions policy, ready for
              aws iam create-policy --policy-name NAME --policy-document file:///dev/stdin
            With --output DIR, writes DIR/PERSONA/permissions-policy.json, trust-policy.json and manifest.json \
            for each persona. Files are written only when every persona generates without error, each through a \
            temporary file renamed into place, so a failed run leaves DIR as it was.

            Values: a persona's `values:` are the defaults; --values files override them (later files win); \
            --set overrides everything.

            Templates are looked up in the --templates directories, then in every `templates/` directory beside \
            the persona file or one of its parent directories, nearest first.

            FORMATS (--format)
              iam-json             the documents as IAM takes them (default);
                                   with -o, one directory per persona
              cloudformation       one CloudFormation stack (YAML) for all the
                                   personas: AWS::IAM::Role, ManagedPolicy;
                                   with -o, DIR/template.yaml, DIR/manifest.json
              cloudformation-json  the same stack as JSON (DIR/template.json)
              terraform            one Terraform module: aws_iam_role,
                                   aws_iam_policy, attachments, jsonencode;
                                   with -o, DIR/main.tf, DIR/manifest.json
            Without -o the stack or module is printed. docs/deploy.md shows each.

            PACKAGING
            Permissions are attached as managed policies of at most 6,144 characters (white space not \
            counted): a larger policy is split into several, and a statement too large by itself is split \
            along its action or resource list (Sids NamePart1, NamePart2, ...); the parts grant exactly what \
            the whole did. More than --max-policies (10 by default, IAM's default quota; 20 at most) is an \
            error. --inline writes one inline policy instead (at most 10,240 characters for a role).

            With --check, nothing is written: the run exits with 1 and lists each file under --output that is \
            missing, differs or is no longer generated, so CI and the pre-commit hook rolegen-generate-check catch \
            bundles committed without regenerating them.

            EXAMPLES
              rolegen personas/data-scientist.yaml --values examples/acme-ml/values.yaml
              rolegen generate personas/ --values team.yaml -o build/iam
              rolegen personas/ml-admin.yaml --values team.yaml --set region=eu-west-1
              rolegen personas/ml-admin.yaml --values team.yaml --explain
              rolegen generate personas/ --values team.yaml -o build/iam --check
              rolegen generate personas/ --values team.yaml --format terraform -o infra

            EXIT CODES
              0  the policies were generated (warnings may have been printed);
                 with --check, they are up to date
              1  with --check: stale files; with --strict: a generated permissions
                 boundary denies some of the role's own permissions (nothing was
                 written)
              2  usage or input error, or a persona that does not fit IAM's
                 quotas: nothing was written
            """
    )

    @Argument(help: ArgumentHelp("Persona files, or directories of persona files.", valueName: "persona"))
    package var personas: [String] = []

    @Option(name: .customLong("values"), help: ArgumentHelp("A YAML file of values for the personas (repeatable).", valueName: "file"))
    package var valuesFiles: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Set one value, overriding the files (repeatable); [a, b] is a list.",
                                                          valueName: "name=value"))
    package var assignments: [String] = []

    @Option(name: .customLong("templates"), help: ArgumentHelp("A directory of templates, searched first (repeatable).",
                                                                valueName: "dir"))
    package var templateDirectories: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write each persona's bundle under this directory.",
                                                                       valueName: "dir"))
    package var output: String?

    @Flag(help: "Print each statement with the persona line, template and guards it came from.")
    package var explain = false

    @Flag(help: "Write nothing; exit with 1 when the bundles under --output are not what the personas generate now.")
    package var check = false

    @Option(help: ArgumentHelp("Output format: iam-json, cloudformation, cloudformation-json or terraform.", valueName: "format"))
    package var format: String = DeploymentFormat.iamJSON.rawValue

    @Option(name: .customLong("max-policies"),
            help: ArgumentHelp("Most managed policies one role may have attached (1-20; default 10, IAM's default quota).",
                               valueName: "n"))
    package var maxPolicies: Int = IAMQuota.attachedPolicies

    @Flag(help: "Write the permissions as one inline policy of the role (at most 10,240 characters).")
    package var inline = false

    @Flag(help: "Attach the permissions as managed policies (the default).")
    package var managed = false

    @Flag(help: "Exit with 1 when a generated permissions boundary denies some of the role's own permissions.")
    package var strict = false

    @OptionGroup package var catalogOptions: CatalogOptions

    package init() {}

    package func validate() throws {
        if personas.isEmpty { throw ValidationError("name at least one persona file, such as personas/data-scientist.yaml") }
        if check && output == nil { throw ValidationError("--check compares with the bundles under --output DIR; give -o DIR") }
        if DeploymentFormat(rawValue: format) == nil {
            let names = DeploymentFormat.allCases.map(\.rawValue)
            throw ValidationError("unknown --format '\(format)'\(Suggestions.didYouMean(format, in: names)); "
                                  + "formats are \(names.joined(separator: ", "))")
        }
        if !(1...IAMQuota.attachedPoliciesMaximum).contains(maxPolicies) {
            throw ValidationError("--max-policies must be 1 to \(IAMQuota.attachedPoliciesMaximum) (IAM's most managed policies per "
                                  + "role), found \(maxPolicies)")
        }
        if inline && managed { throw ValidationError("--inline and --managed exclude each other; give one") }
    }

    private var deploymentFormat: DeploymentFormat { DeploymentFormat(rawValue: format) ?? .iamJSON }

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        let sink = DiagnosticSink()
        let loader = YAMLFileLoader(fileSystem: fileSystem)
        let paths = expandPersonaArguments(fileSystem: fileSystem, sink: sink)
        if output == nil && paths.count > 1 && deploymentFormat == .iamJSON {
            sink.error(.schemaValue, "\(paths.count) personas given; standard output takes one policy, so write several with "
                       + "--output DIR", at: nil)
        }
        for directory in templateDirectories where fileSystem.kind(of: directory) != .directory {
            let reason = fileSystem.kind(of: directory) == nil ? "no such directory" : "not a directory"
            sink.error(.fileNotFound, "--templates names \(reason)", at: SourceLocation(path: directory))
        }
        let values = ValueSources.load(valuesFiles: valuesFiles, assignments: assignments, loader: loader, sink: sink)
        let catalog = catalogOptions.load(fileSystem: fileSystem, sink: sink)
        var bundles: [RoleBundle] = []
        if !sink.hasErrors, let catalog {
            let generator = Generator(fileSystem: fileSystem, catalog: catalog, templateDirectories: templateDirectories)
            generator.packaging = PackagingOptions(attachment: inline ? .inline : .managed, maxPolicies: maxPolicies)
            for path in paths {
                if let bundle = generator.generate(personaPath: path, values: values, sink: sink) { bundles.append(bundle) }
            }
        }
        var seenNames: [String: String] = [:]
        for bundle in bundles {
            if let other = seenNames[bundle.persona.name] {
                sink.error(.schemaConflict, "personas in '\(other)' and '\(bundle.persona.path)' are both named "
                           + "'\(bundle.persona.name)'; their bundles would overwrite each other", at: bundle.persona.location)
            }
            seenNames[bundle.persona.name] = bundle.persona.path
        }
        checkDeployedNames(bundles, sink: sink)
        if sink.hasErrors {
            report(sink, console: console, failed: true)
            return .inputError
        }
        if strict && sink.diagnostics.contains(where: { $0.id == .boundaryIneffective }) {
            report(sink, console: console, failed: false)
            console.writeError("rolegen: a permissions boundary denies the role's own permissions (--strict); nothing was written\n")
            return .findings
        }
        let format = deploymentFormat
        if let output, check {
            // --check (pre-commit's rolegen-generate-check): compare, write nothing (BundleCheck).
            report(sink, console: console, failed: false)
            let stale = format == .iamJSON ? BundleCheck.staleFiles(bundles, in: output, fileSystem: fileSystem)
                : BundleCheck.staleFiles(format.files(bundles), in: output, generatedBy: paths.joined(separator: ", "),
                                         fileSystem: fileSystem)
            console.writeOutput(BundleCheck.render(stale))
            console.writeInfo(BundleCheck.summary(stale, bundles: bundles.count))
            return stale.isEmpty ? .success : .findings
        }
        if format != .iamJSON {
            if let output {
                do {
                    try BundleWriter(fileSystem: fileSystem).write(format.files(bundles), into: output)
                } catch {
                    sink.error(.outputUnwritable, "cannot write the bundle: \(error.reasonText); nothing was written",
                               at: SourceLocation(path: error.path))
                    report(sink, console: console, failed: true)
                    return .inputError
                }
                report(sink, console: console, failed: false)
                console.writeInfo("wrote \(joinPath(output, format.fileName ?? "")) (\(bundles.count) persona"
                                  + "\(bundles.count == 1 ? "" : "s")) and \(joinPath(output, BundleFile.manifestName))\n")
            } else {
                report(sink, console: console, failed: false)
                console.writeOutput(format.render(bundles) ?? "")
            }
            if explain { bundles.forEach { console.writeError(ExplainRenderer.render($0)) } }
            return .success
        }
        if let output {
            do {
                try write(bundles, to: output, fileSystem: fileSystem)
            } catch {
                sink.error(.outputUnwritable, "cannot write the bundle: \(error.reasonText); nothing was written",
                           at: SourceLocation(path: error.path))
                report(sink, console: console, failed: true)
                return .inputError
            }
            report(sink, console: console, failed: false)
            for bundle in bundles {
                let size = PolicyJSONWriter.quotaSize(of: bundle.permissionsJSON)
                let count = bundle.statements.count
                let policies = bundle.managedPolicies.count
                console.writeInfo("wrote \(joinPath(output, bundle.persona.name))/ (\(count) statement\(count == 1 ? "" : "s"), "
                                   + "\(size) characters\(policies > 1 ? " in \(policies) managed policies" : ""))\n")
            }
            if explain { bundles.forEach { console.writeOutput(ExplainRenderer.render($0)) } }
            return .success
        }
        report(sink, console: console, failed: false)
        if let bundle = bundles.first {
            console.writeOutput(explain ? ExplainRenderer.render(bundle) : bundle.permissionsJSON)
        }
        return .success
    }

    /// Two personas of one run may not deploy the same role, nor share the stem of their
    /// CloudFormation logical ids or Terraform names (`ml-admin2` and `ml-admin-2` are both `MlAdmin2`).
    private func checkDeployedNames(_ bundles: [RoleBundle], sink: DiagnosticSink) {
        var roles: [String: String] = [:]
        var stems: [String: String] = [:]
        for bundle in bundles where seenOnce(bundle, in: bundles) {
            let role = DeployedRole(bundle)
            if bundle.trust != nil {
                let name = bundle.role.path + bundle.role.name
                if let other = roles[name] {
                    sink.error(.schemaConflict, "personas '\(other)' and '\(bundle.persona.name)' both deploy the role "
                               + "'\(bundle.role.name)'; give one another name with 'role: name:'", at: bundle.role.location)
                }
                roles[name] = bundle.persona.name
            }
            let stem: String? = switch deploymentFormat {
            case .cloudFormation, .cloudFormationJSON: role.logicalStem
            case .terraform: role.terraformStem
            case .iamJSON: nil
            }
            if let stem {
                if let other = stems[stem] {
                    sink.error(.schemaConflict, "personas '\(other)' and '\(bundle.persona.name)' both become '\(stem)' in "
                               + "\(deploymentFormat.rawValue) names; rename one persona", at: bundle.persona.location)
                }
                stems[stem] = bundle.persona.name
            }
        }
    }

    /// The first bundle of a persona name (a repeated name is reported on its own).
    private func seenOnce(_ bundle: RoleBundle, in bundles: [RoleBundle]) -> Bool {
        bundles.first { $0.persona.name == bundle.persona.name }?.persona.path == bundle.persona.path
    }

    /// Persona files as given, and the `.yaml` files of directories given, sorted.
    private func expandPersonaArguments(fileSystem: any FileSystem, sink: DiagnosticSink) -> [String] {
        var paths: [String] = []
        for argument in personas {
            guard fileSystem.kind(of: argument) == .directory else {
                paths.append(argument)
                continue
            }
            let names = ((try? fileSystem.listDirectory(argument)) ?? []).filter {
                !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml"))
            }
            if names.isEmpty {
                sink.error(.fileNotFound, "the directory holds no persona files (*.yaml)", at: SourceLocation(path: argument))
            }
            paths += names.map { joinPath(argument, $0) }.filter { fileSystem.kind(of: $0) == .file }
        }
        return paths
    }

    private func write(_ bundles: [RoleBundle], to output: String, fileSystem: any FileSystem) throws(FileSystemError) {
        if let kind = fileSystem.kind(of: output), kind != .directory {
            throw FileSystemError(path: output, reason: .notDirectory)
        }
        var files: [(path: String, contents: [UInt8])] = []
        var directories: [String] = []
        var stale: [String] = []
        for bundle in bundles {
            let directory = joinPath(output, bundle.persona.name)
            directories.append(directory)
            let bundleFiles = bundle.files
            files += bundleFiles.map { (joinPath(directory, $0.name), Array($0.contents.utf8)) }
            // A file an earlier run wrote and this one does not (a trust policy the principal no
            // longer has, a second managed policy) would be deployed by mistake: remove it.
            let existing = (try? fileSystem.listDirectory(directory)) ?? []
            stale += existing.filter { name in BundleFile.isOwned(name) && !bundleFiles.contains { $0.name == name } }
                .map { joinPath(directory, $0) }
        }
        try BundleWriter(fileSystem: fileSystem).write(files, creating: directories, removing: stale)
    }

}
