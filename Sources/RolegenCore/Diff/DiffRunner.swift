/// Runs `rolegen diff OLD NEW`: loads both sides (two files, or two directories paired by file
/// name), compares each pair both ways, and assembles the report. Input errors go to the sink;
/// nil then (no verdict) for two files; for two directories the pairs that could be read are
/// still compared and the others listed as skipped.
package struct DiffRunner {
    package let fileSystem: any FileSystem
    package let catalog: Catalog
    package let options: DiffOptions
    package let loader: DiffInputLoader

    package init(fileSystem: any FileSystem, catalog: Catalog, options: DiffOptions, valuesFiles: [String] = [], role: String? = nil) {
        self.fileSystem = fileSystem
        self.catalog = catalog
        self.options = options
        loader = DiffInputLoader(fileSystem: fileSystem, catalog: catalog, valuesFiles: valuesFiles, role: role)
    }

    package func run(old: String, new: String, sink: DiagnosticSink) -> DiffReport? {
        let oldIsDirectory = fileSystem.kind(of: old) == .directory
        let newIsDirectory = fileSystem.kind(of: new) == .directory
        var pairs: [DiffReport.Pair] = []
        if oldIsDirectory || newIsDirectory {
            guard oldIsDirectory && newIsDirectory else {
                sink.error(.diffInput, "\(oldIsDirectory ? old : new) is a directory but \(oldIsDirectory ? new : old) is not: "
                           + "give two files or two directories", at: SourceLocation(path: oldIsDirectory ? new : old))
                return nil
            }
            var skipped: [String] = []
            let oldFiles = files(under: old, skipped: &skipped), newFiles = files(under: new, skipped: &skipped)
            // Pairs are compared in parallel, each with its own sink; diagnostics and pairs are
            // gathered in name order, so the report is the same on any number of cores.
            let names = Set(oldFiles.keys).union(newFiles.keys).sorted()
            let outcomes = ParallelWork.map(count: names.count) { index in
                let name = names[index]
                let pairSink = DiagnosticSink()
                let pair = comparePair(name, oldPath: oldFiles[name], newPath: newFiles[name], sink: pairSink)
                return (pair: pair, diagnostics: pairSink.diagnostics)
            }
            for (name, outcome) in zip(names, outcomes) {
                outcome.diagnostics.forEach(sink.report)
                if let pair = outcome.pair { pairs.append(pair) } else { skipped.append("\(name): could not be read (see the errors), not compared") }
            }
            // One unreadable file does not hide the other pairs' verdicts; the errors still make
            // the run exit 2 (the caller checks the sink).
            var report = DiffReport(pairs: pairs, options: options, catalogVersion: "\(catalog.metadata.source) \(catalog.metadata.date)")
            report.skipped = skipped.sorted()
            return report
        } else {
            let oldInput = loader.load(old, sink: sink)
            let newInput = loader.load(new, sink: sink)
            guard let oldInput, let newInput, let pair = compare(oldInput, newInput, presence: .both, sink: sink) else { return nil }
            pairs.append(pair)
        }
        if sink.hasErrors { return nil }
        return DiffReport(pairs: pairs, options: options, catalogVersion: "\(catalog.metadata.source) \(catalog.metadata.date)")
    }

    /// One name of a directory pair: nil when a side that has the file cannot be read.
    private func comparePair(_ name: String, oldPath: String?, newPath: String?, sink: DiagnosticSink) -> DiffReport.Pair? {
        let oldInput = oldPath.flatMap { loader.load($0, sink: sink) }
        let newInput = newPath.flatMap { loader.load($0, sink: sink) }
        if (oldPath != nil && oldInput == nil) || (newPath != nil && newInput == nil) { return nil }
        let presence: DiffReport.Pair.Presence = oldPath == nil ? .onlyNew : newPath == nil ? .onlyOld : .both
        let empty = DiffInput(name: "(none: \(name) is missing here)", policies: [], notes: [])
        return compare(oldInput ?? empty, newInput ?? empty, presence: presence, sink: sink)
    }

    private func compare(_ old: DiffInput, _ new: DiffInput, presence: DiffReport.Pair.Presence, sink: DiagnosticSink) -> DiffReport.Pair? {
        let diff = SemanticDiff(catalog: catalog, options: options)
        do {
            let comparison = try diff.compare(old: old.policies, new: new.policies)
            return DiffReport.Pair(old: old.name, new: new.name, presence: presence, comparison: comparison,
                                   structural: StructuralDiff(old: old.policies, new: new.policies), notes: old.notes + new.notes)
        } catch {
            sink.report(error.diagnostic)
            return nil
        }
    }

    /// Policy files of a directory (recursively), by their path relative to it; files that are
    /// not identity policies (manifests, trust policies) are listed in `skipped`.
    private func files(under directory: String, skipped: inout [String]) -> [String: String] {
        let collector = LintInputCollector(fileSystem: fileSystem, options: LintInputOptions())
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var result: [String: String] = [:]
        for path in collector.files(under: directory) {
            if let reason = loader.skipReason(path) {
                skipped.append("\(path): \(reason), not compared")
                continue
            }
            result[path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path] = path
        }
        return result
    }
}
