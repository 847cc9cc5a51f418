/// The capability templates and guards a run can use, found by name in an ordered list of
/// directories. A directory earlier in the list shadows a later one, so a team can override a
/// bundled template by writing its own of the same name.
///
/// Files are indexed by name on first use and parsed only when a persona asks for them, so a
/// run reads the few templates it needs, not the whole library.
package final class TemplateLibrary {
    package let searchPaths: [String]
    private let loader: YAMLFileLoader
    private var index: [String: [String]]?
    private var parsed: [String: LibraryEntry?] = [:]
    private var duplicates: [String: (root: String, paths: [String])] = [:]

    package init(searchPaths: [String], loader: YAMLFileLoader) {
        self.searchPaths = searchPaths
        self.loader = loader
    }

    /// Every name in the library (templates and guards).
    package var names: [String] { buildIndex().keys.sorted() }

    /// The files defining `name`, the one in use first.
    package func paths(of name: String) -> [String] { buildIndex()[name] ?? [] }

    /// The parsed file for `name`; `nil` when absent or broken (problems go to `sink`).
    package func entry(named name: String, sink: DiagnosticSink) -> LibraryEntry? {
        if let cached = parsed[name] { return cached }
        guard let path = paths(of: name).first else { return nil }
        let entry = loader.load(path, sink: sink).flatMap { LibraryFileParser(sink: sink).parse($0, path: path) }
        parsed[name] = .some(entry)
        return entry
    }

    /// The template `name`, reporting at `location` when there is none.
    package func template(named name: String, at location: SourceLocation, sink: DiagnosticSink) -> CapabilityTemplate? {
        _ = buildIndex()
        guard checkUnique(name, at: location, sink: sink) else { return nil }
        switch entry(named: name, sink: sink) {
        case .template(let template)?:
            return template
        case .guardDefinition?:
            sink.error(.templateUnknown, "'\(name)' is a guard, not a capability template; turn it on under 'guards:'",
                       at: location)
            return nil
        case nil:
            if paths(of: name).isEmpty { reportUnknown(name, kind: "template", at: location, sink: sink) }
            return nil
        }
    }

    /// The guard `name`, reporting at `location` when there is none.
    package func guardDefinition(named name: String, at location: SourceLocation, sink: DiagnosticSink) -> GuardDefinition? {
        _ = buildIndex()
        guard checkUnique(name, at: location, sink: sink) else { return nil }
        switch entry(named: name, sink: sink) {
        case .guardDefinition(let definition)?:
            return definition
        case .template?:
            sink.error(.guardUnknown, "'\(name)' is a capability template, not a guard", at: location)
            return nil
        case nil:
            if paths(of: name).isEmpty { reportUnknown(name, kind: "guard", at: location, sink: sink) }
            return nil
        }
    }

    private func checkUnique(_ name: String, at location: SourceLocation, sink: DiagnosticSink) -> Bool {
        // Two files of one name under the same directory: which one is meant is unclear.
        guard let shadowing = duplicates[name] else { return true }
        sink.error(.templateDuplicate, "'\(name)' is defined by two files in '\(shadowing.root)'; rename or remove one",
                   at: location, notes: shadowing.paths.map { .init("defined here", at: SourceLocation(path: $0)) })
        return false
    }

    private func reportUnknown(_ name: String, kind: String, at location: SourceLocation, sink: DiagnosticSink) {
        let searched = searchPaths.isEmpty ? "no template directory was found" : "searched \(searchPaths.joined(separator: ", "))"
        sink.error(kind == "template" ? .templateUnknown : .guardUnknown,
                   "unknown \(kind) '\(name)'\(Suggestions.didYouMean(name, in: names))",
                   at: location, notes: [.init(searched + "; add a directory with --templates DIR")])
    }

    private func buildIndex() -> [String: [String]] {
        if let index { return index }
        var result: [String: [String]] = [:]
        for root in searchPaths {
            var inRoot: [String: [String]] = [:]
            for path in yamlFiles(under: root, depth: 0) {
                inRoot[fileStem(of: path), default: []].append(path)
            }
            for (name, paths) in inRoot {
                if result[name] == nil && paths.count > 1 { duplicates[name] = (root, paths) }
                result[name, default: []].append(contentsOf: paths)
            }
        }
        index = result
        return result
    }

    private func yamlFiles(under directory: String, depth: Int) -> [String] {
        guard depth < 8, let names = try? loader.fileSystem.listDirectory(directory) else { return [] }
        var files: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = joinPath(directory, name)
            switch loader.fileSystem.kind(of: path) {
            case .directory: files += yamlFiles(under: path, depth: depth + 1)
            case .file where name.hasSuffix(".yaml") || name.hasSuffix(".yml"): files.append(path)
            default: break
            }
        }
        return files
    }
}
