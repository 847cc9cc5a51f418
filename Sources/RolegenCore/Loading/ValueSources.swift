/// Values given from outside the persona file: `--values FILE` (in order, later files win) and
/// `--set name=value` (which win over everything).
package struct ValueSources: Sendable {
    package var files: [ValuesFile]
    package var overrides: [NamedNode]

    package init(files: [ValuesFile] = [], overrides: [NamedNode] = []) {
        self.files = files
        self.overrides = overrides
    }

    /// Reads `--values` files and `--set` arguments, reporting malformed ones.
    package static func load(
        valuesFiles: [String], assignments: [String], loader: YAMLFileLoader, sink: DiagnosticSink
    ) -> ValueSources {
        var files: [ValuesFile] = []
        for path in valuesFiles {
            guard let root = loader.load(path, sink: sink) else { continue }
            guard let entries = PersonaParser(sink: sink).parseNamedNodes(root, what: "a values file", names: "value") else {
                continue
            }
            files.append(ValuesFile(path: path, entries: entries))
        }
        var overrides: [NamedNode] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                sink.error(.schemaValue, "--set takes NAME=VALUE, found '\(assignment)'",
                           at: SourceLocation(path: "--set \(assignment)"))
                continue
            }
            let name = String(assignment[..<equals]).trimmed
            let text = String(assignment[assignment.index(after: equals)...])
            let origin = SourceLocation(path: "--set \(name)")
            guard Interpolated.isReferenceName(name), !name.contains(".") else {
                sink.error(.schemaValue, "--set name '\(name)' must be letters, digits and '_'", at: origin)
                continue
            }
            overrides.append(NamedNode(name: Located(name, at: origin), node: YAMLReader.parseInline(text, origin: origin)))
        }
        return ValueSources(files: files, overrides: overrides)
    }
}

package struct ValuesFile: Sendable {
    package var path: String
    package var entries: [NamedNode]
}
