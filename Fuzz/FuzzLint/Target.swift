import FuzzSupport
import RolegenCore

/// `rolegen lint` on one document of any format: the first byte picks JSON or YAML, the
/// collector recognises the format, and every rule runs on every policy found.
func fuzzOne(_ bytes: [UInt8]) {
    guard let catalog = fuzzCatalog, let first = bytes.first else { return }
    let path = first & 1 == 0 ? "fuzz.json" : "fuzz.yaml"
    let collector = LintInputCollector(fileSystem: LocalFileSystem(), options: LintInputOptions())
    let items = collector.read(path: path, bytes: Array(bytes.dropFirst()), explicit: true, sink: DiagnosticSink()) ?? []
    let engine = LintEngine(context: LintContext(catalog: catalog))
    var inputs: [PolicyInput] = []
    for item in items {
        if case .policy(let input) = item {
            _ = engine.lint(input)
            inputs.append(input)
        }
    }
    _ = engine.lintEntities(inputs)
}
