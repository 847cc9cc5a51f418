/// Lints what a rolegen persona generates: its permissions (each managed policy) and its trust
/// policy. A finding in a generated statement is reported where that statement comes from, the
/// template statement (with the persona line that pulled it in), so the fix lands in the source.
package struct PersonaLinter {
    package let fileSystem: any FileSystem
    package let catalog: Catalog
    package let engine: LintEngine
    package let valuesFiles: [String]

    package init(fileSystem: any FileSystem, catalog: Catalog, engine: LintEngine, valuesFiles: [String]) {
        self.fileSystem = fileSystem
        self.catalog = catalog
        self.engine = engine
        self.valuesFiles = valuesFiles
    }

    /// The findings, and how many documents were checked. A persona that does not generate is
    /// an input error, reported to `sink` with the generator's own diagnostics.
    package func lint(_ path: String, sink: DiagnosticSink) -> (findings: [Finding], checked: Int) {
        let loader = YAMLFileLoader(fileSystem: fileSystem)
        let generation = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: valuesFiles, assignments: [], loader: loader, sink: generation)
        let bundle = Generator(fileSystem: fileSystem, catalog: catalog).generate(personaPath: path, values: values, sink: generation)
        for diagnostic in generation.diagnostics where diagnostic.severity == .error { sink.report(diagnostic) }
        guard let bundle, generation.errorCount == 0 else { return ([], 0) }
        // Where each generated statement comes from, by Sid.
        var sources: [String: SourceLocation] = [:]
        for composed in bundle.statements {
            if let sid = composed.statement.sid, let origin = composed.provenance.first { sources[sid] = origin.statement }
        }
        var findings: [Finding] = []
        var inputs: [PolicyInput] = []
        for file in bundle.files where file.kind != "manifest" {
            let type: PolicyType = file.kind == "trust-policy" ? .trust
                : file.kind == BundleFile.boundaryKind || file.kind == BundleFile.createdRolesBoundaryKind ? .boundary : .identity
            guard case .policy(var input) = PolicyTextReader.json(Array(file.contents.utf8), path: "\(path) (\(file.name))", type: type)
            else { continue }
            input.sizeTarget = type == .trust ? .trust : .managed
            input.name = "generated \(file.name)"
            inputs.append(input)
            for var finding in engine.lint(input) {
                if let sid = finding.statement, let origin = sources[sid] ?? sources[Self.unsplitSid(sid)] {
                    finding.message = "generated statement '\(sid)': " + finding.message
                    finding.location = origin
                } else {
                    finding.location = SourceLocation(path: path, line: 1, column: 1)
                    finding.message = "generated \(file.name): " + finding.message
                }
                findings.append(finding)
            }
        }
        return (findings, inputs.count)
    }

    /// `ReadBuckets` for `ReadBucketsPart2`, a part of a statement the packager split.
    static func unsplitSid(_ sid: String) -> String {
        let digits = sid.reversed().prefix { $0.isASCIIDigit }.count
        let stem = sid.dropLast(digits)
        return digits > 0 && stem.hasSuffix("Part") ? String(stem.dropLast(4)) : sid
    }
}
