import RolegenCore

/// The YAML reader, then the persona and template/guard parsers on the same tree.
func fuzzOne(_ bytes: [UInt8]) {
    guard case .success(let text) = SourceText.decode(bytes, path: "fuzz.yaml") else { return }
    let sink = DiagnosticSink()
    guard let root = YAMLReader.parse(text, path: "fuzz.yaml", into: sink) else { return }
    _ = PersonaParser(sink: sink).parse(root, path: "fuzz.yaml")
    _ = LibraryFileParser(sink: sink).parse(root, path: "fuzz.yaml")
    for diagnostic in sink.diagnostics { _ = diagnostic.message }
}
