/// What `rolegen lint` checks, found from the paths it is given: policy documents in every format
/// rolegen reads, each with its type, and the findings of files that cannot be read as policies.
package enum LintItem: Sendable {
    case policy(PolicyInput)
    /// A file or document that could not be read (`json-syntax`), reported like any finding.
    case finding(Finding)
    /// A rolegen persona: generated, then linted.
    case persona(path: String)
}

package struct LintInputOptions: Sendable {
    /// Globs of the files a directory is searched for (relative to the directory).
    package var include: [String] = ["**/*.json", "**/*.yaml", "**/*.yml"]
    package var exclude: [String] = []
    /// The type of every plain policy document, instead of detecting it (`--type`).
    package var type: PolicyType?

    package init() {}
}

/// Walks the paths, recognises each file's format and reads the policies out of it.
package struct LintInputCollector {
    package let fileSystem: any FileSystem
    package let options: LintInputOptions
    /// Largest file read: account dumps of large accounts run to tens of megabytes; a larger
    /// file is refused by its size before any of it is read (docs/limits.md).
    package static let maxFileBytes = 64 << 20
    /// Most files one directory argument may bring in (docs/limits.md).
    package static let maxFiles = 100_000

    package init(fileSystem: any FileSystem, options: LintInputOptions) {
        self.fileSystem = fileSystem
        self.options = options
    }

    /// The items of every path (`-` is standard input, given as `stdin`), in path order, and how
    /// many files of the directories were skipped as not policies. A path that does not exist,
    /// or a file given by name that holds no policy, is reported to `sink` (exit code 2).
    package func collect(paths: [String], stdin: [UInt8]? = nil, sink: DiagnosticSink) -> (items: [LintItem], skipped: Int) {
        var items: [LintItem] = []
        let skipped = collect(paths: paths, stdin: stdin, sink: sink) { items.append($0) }
        return (items, skipped)
    }

    /// Hands each item to `each` as soon as its file is read, so that a run holds one file's
    /// documents at a time; returns how many files were skipped.
    package func collect(paths: [String], stdin: [UInt8]?, sink: DiagnosticSink, each: (LintItem) -> Void) -> Int {
        var skipped = 0
        for source in sources(paths: paths, sink: sink) {
            if let items = items(of: source, stdin: stdin, sink: sink) { items.forEach(each) } else { skipped += 1 }
        }
        return skipped
    }

    /// A file to read: named on the command line (`explicit`), found in a directory, or stdin.
    package struct Source: Sendable {
        package var path: String
        package var explicit: Bool
        package var isStandardInput: Bool
    }

    /// The files the paths stand for, in order; a path that does not exist is reported.
    package func sources(paths: [String], sink: DiagnosticSink) -> [Source] {
        var sources: [Source] = []
        for path in paths {
            if path == "-" {
                sources.append(Source(path: "<stdin>", explicit: true, isStandardInput: true))
                continue
            }
            switch fileSystem.kind(of: path) {
            case .directory?:
                let found = files(under: path)
                if found.count > Self.maxFiles {
                    sink.error(.fileTooLarge, "the directory holds more than \(Self.maxFiles) files to check; rolegen stops rather "
                               + "than run out of memory: name its subdirectories, or narrow the scan with --include and --exclude",
                               at: SourceLocation(path: path))
                    continue
                }
                sources += found.map { Source(path: $0, explicit: false, isStandardInput: false) }
            case .file?, .other?:
                sources.append(Source(path: path, explicit: true, isStandardInput: false))
            case nil:
                sink.error(.fileNotFound, "no such file or directory", at: SourceLocation(path: path))
            }
        }
        return sources
    }

    /// The items of one source; `nil` when a file found in a directory holds nothing to lint.
    /// With `streamed`, the users, groups and roles of a JSON account dump are handed to it one
    /// at a time while the file is read (and are not in the result), so that a large dump is
    /// never held whole as a tree.
    package func items(of source: Source, stdin: [UInt8]?, sink: DiagnosticSink,
                       streamed: EntityStream? = nil) -> [LintItem]? {
        if source.isStandardInput {
            return read(path: source.path, bytes: stdin ?? [], explicit: true, sink: sink, streamed: streamed) ?? []
        }
        guard let bytes = readBytes(source.path, sink: sink) else { return [] }
        let items = read(path: source.path, bytes: bytes, explicit: source.explicit, sink: sink, streamed: streamed)
        return source.explicit ? (items ?? []) : items
    }

    private func readBytes(_ path: String, sink: DiagnosticSink) -> [UInt8]? {
        do {
            return try fileSystem.readFile(path, limit: Self.maxFileBytes)
        } catch {
            sink.error(.fileUnreadable, "cannot read the file: \(error.reasonText)", at: SourceLocation(path: path))
            return nil
        }
    }

    /// The files under a directory that the include globs match and the exclude globs do not,
    /// sorted; hidden directories (`.git`, `.build`) are not entered, nor is a directory already
    /// seen through another path (symbolic link loops). Stops past `maxFiles` files (the caller
    /// reports it: a count above `maxFiles`).
    package func files(under directory: String) -> [String] {
        var result: [String] = []
        // Breadth first, so that a directory reached both directly and through a link is
        // scanned under its shallowest path.
        var pending = [""]
        var next = 0
        var visited = Set<String>()
        while next < pending.count, result.count <= Self.maxFiles {
            let relative = pending[next]
            next += 1
            let absolute = relative.isEmpty ? directory : joinPath(directory, relative)
            // A directory reached again (a link to a parent, two directories linking to each
            // other) would be walked forever; its files are found once, under its first path.
            if let canonical = fileSystem.canonicalPath(absolute), !visited.insert(canonical).inserted { continue }
            guard let entries = try? fileSystem.listDirectoryKinds(absolute) else { continue }
            for (name, kind) in entries where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                switch kind {
                case .directory?:
                    pending.append(child)
                case .file?:
                    if options.include.contains(where: { PathGlob.matches($0, child) }) && !options.exclude.contains(where: { PathGlob.matches($0, child) }) {
                        result.append(joinPath(directory, child))
                    }
                default:
                    break
                }
            }
        }
        return result.sorted()
    }

    /// The items of one file, or `nil` when it holds nothing rolegen lints (reported when the
    /// file was named explicitly).
    package func read(path: String, bytes: [UInt8], explicit: Bool, sink: DiagnosticSink,
                      streamed: EntityStream? = nil) -> [LintItem]? {
        let isYAML = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
        let root: SourceNode
        var boundaries: Set<String> = []
        // UTF-16, NUL bytes and invalid UTF-8 are named as such, not as syntax errors they cause.
        if let encoding = SourceText.utf16Diagnostic(bytes, path: path) {
            return [.finding(Finding(rule: JSONSyntax.id, severity: .error, message: encoding.message, at: encoding.location ?? SourceLocation(path: path)))]
        }
        if isYAML {
            let text: String
            switch SourceText.decode(bytes, path: path) {
            case .success(let decoded): text = decoded
            case .failure(let encoding):
                return [.finding(Finding(rule: JSONSyntax.id, severity: .error, message: encoding.message, at: encoding.location ?? SourceLocation(path: path)))]
            }
            let yamlSink = DiagnosticSink()
            guard let parsed = YAMLReader.parse(text, path: path, into: yamlSink) else {
                let problem = yamlSink.diagnostics.first
                return [.finding(Finding(rule: JSONSyntax.id, severity: .error, message: "not valid YAML: \(problem?.message ?? "unreadable")",
                                         at: problem?.location ?? SourceLocation(path: path)))]
            }
            root = parsed
        } else if let streamed {
            // Any top-level object with these lists is an account dump (`LintFileFormat.detect`).
            var handedOver = false
            switch JSONReader.parse(bytes, path: path, streamingMembers: AuthorizationDetailsReader.entityListKeys, element: { key, detail in
                handedOver = true
                streamed.take(AuthorizationDetailsReader.entity(detail, list: key, path: path, boundaries: &boundaries))
            }) {
            case .success(let parsed):
                root = parsed
            case .failure(let failure):
                // A file that is not JSON reports that alone, as when read whole.
                if handedOver { streamed.discard() }
                return [.finding(Finding(rule: JSONSyntax.id, severity: .error, message: "not valid JSON: \(failure.message)",
                                         at: failure.location))]
            }
        } else {
            switch JSONReader.parse(bytes, path: path) {
            case .success(let parsed):
                root = parsed
            case .failure(let failure):
                return [.finding(Finding(rule: JSONSyntax.id, severity: .error, message: "not valid JSON: \(failure.message)",
                                         at: failure.location))]
            }
        }
        let format = LintFileFormat.detect(root, isYAML: isYAML)
        switch format {
        case .policy:
            return [.policy(PolicyTextReader.input(root, path: path, type: options.type, name: nil))]
        case .policyVersion:
            return PolicyVersionReader.read(root, path: path, type: options.type)
        case .authorizationDetails:
            return streamed != nil && !isYAML ? AuthorizationDetailsReader.rest(root, path: path, boundaries: boundaries)
                : AuthorizationDetailsReader.read(root, path: path)
        case .cloudFormation:
            return CloudFormationReader.read(root, path: path)
        case .terraformPlan:
            return TerraformPlanReader.read(root, path: path)
        case .persona:
            return [.persona(path: path)]
        case .rolegenLibrary:
            return explicit ? [] : nil
        case .unknown:
            if explicit {
                sink.error(.fileUnreadable, "not a policy rolegen can read: expected a policy document (with \"Statement\"), "
                           + "`aws iam get-policy-version` or `get-account-authorization-details` output, a CloudFormation "
                           + "template, a Terraform plan (`terraform show -json`) or a rolegen persona",
                           at: root.location)
            }
            return nil
        }
    }
}

/// The formats `rolegen lint` recognises, from the document's top-level keys.
package enum LintFileFormat: String, Sendable {
    case policy
    case policyVersion = "get-policy-version"
    case authorizationDetails = "get-account-authorization-details"
    case cloudFormation = "cloudformation"
    case terraformPlan = "terraform-plan"
    case persona
    case rolegenLibrary = "rolegen-template"
    case unknown

    package static func detect(_ root: SourceNode, isYAML: Bool) -> LintFileFormat {
        guard let entries = root.mappingEntries else { return .unknown }
        let keys = Set(entries.compactMap { $0.key.scalarText })
        // The lists of a dump win over everything: a reader may have handed their elements over already.
        if !keys.isDisjoint(with: AuthorizationDetailsReader.entityListKeys) { return .authorizationDetails }
        if keys.contains("PolicyVersion") { return .policyVersion }
        if keys.contains("Policies") && !keys.contains("Resources") { return .authorizationDetails }
        if keys.contains("AWSTemplateFormatVersion") || keys.contains("Resources") { return .cloudFormation }
        if keys.contains("format_version") && !keys.isDisjoint(with: ["planned_values", "resource_changes", "prior_state"]) {
            return .terraformPlan
        }
        if keys.contains("Statement") || (keys.contains("Version") && keys.isSubset(of: ["Version", "Id", "Statement"])) { return .policy }
        if isYAML && keys.contains("persona") { return .persona }
        if isYAML && (keys.contains("template") || keys.contains("guard")) { return .rolegenLibrary }
        return .unknown
    }
}

/// Where a reader hands over the users, groups and roles of an account dump while it reads it.
package struct EntityStream {
    /// The items of one user, group or role.
    package var take: ([LintItem]) -> Void
    /// The file turned out not to be JSON after some entities were handed over: forget what
    /// came of them.
    package var discard: () -> Void

    package init(take: @escaping ([LintItem]) -> Void, discard: @escaping () -> Void) {
        self.take = take
        self.discard = discard
    }
}

/// Path globs: `*` matches within one path component, `**/` any number of directories, `?` one character.
package enum PathGlob {
    package static func matches(_ pattern: String, _ path: String) -> Bool {
        // What follows the last wildcard must end the path: `**/*.json` rejects a `.yaml` file
        // without trying every split of its path (this runs for every file of a scan).
        let tail = pattern.utf8.reversed().prefix { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "?") }
        guard path.utf8.count >= tail.count, path.utf8.reversed().starts(with: tail) else { return false }
        // `**/*.json` (the default includes): `*` stops at '/', so a suffix of the path matches
        // `*.json` exactly when the file name ends with `.json`, which the check above saw.
        if pattern.hasPrefix("**/*"), tail.count == pattern.utf8.count - 4, !tail.contains(UInt8(ascii: "/")) { return true }
        return matches(Array(pattern.utf8)[...], Array(path.utf8)[...])
    }

    private static func matches(_ pattern: ArraySlice<UInt8>, _ path: ArraySlice<UInt8>) -> Bool {
        var pattern = pattern
        var path = path
        while let first = pattern.first {
            if first == UInt8(ascii: "*") {
                let doubled = pattern.dropFirst().first == UInt8(ascii: "*")
                if doubled {
                    var rest = pattern.dropFirst(2)
                    if rest.first == UInt8(ascii: "/") { rest = rest.dropFirst() }
                    // `**/` also matches no directory at all.
                    var candidate = path
                    while true {
                        if matches(rest, candidate) { return true }
                        guard !candidate.isEmpty else { return false }
                        candidate = candidate.dropFirst()
                    }
                }
                let rest = pattern.dropFirst()
                var candidate = path
                while true {
                    if matches(rest, candidate) { return true }
                    guard let next = candidate.first, next != UInt8(ascii: "/") else { return false }
                    candidate = candidate.dropFirst()
                }
            }
            guard let character = path.first else { return false }
            if first == UInt8(ascii: "?") {
                guard character != UInt8(ascii: "/") else { return false }
            } else if first != character {
                return false
            }
            pattern = pattern.dropFirst()
            path = path.dropFirst()
        }
        return path.isEmpty
    }
}
