/// Reads a YAML file from disk into a node tree, reporting every way that can fail (missing,
/// a directory, unreadable, too large, not UTF-8, empty, not YAML) as a located diagnostic.
package struct YAMLFileLoader: Sendable {
    package let fileSystem: any FileSystem
    package let limits: Limits

    package init(fileSystem: any FileSystem, limits: Limits = .standard) {
        self.fileSystem = fileSystem
        self.limits = limits
    }

    package func load(_ path: String, sink: DiagnosticSink) -> SourceNode? {
        guard let text = readText(path, sink: sink) else { return nil }
        return YAMLReader.parse(text, path: path, limits: limits, into: sink)
    }

    package func readText(_ path: String, sink: DiagnosticSink) -> String? {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(path, limit: limits.maxYAMLFileBytes)
        } catch {
            let id: DiagnosticID
            switch error.reason {
            case .notFound: id = .fileNotFound
            case .tooLarge: id = .fileTooLarge
            default: id = .fileUnreadable
            }
            sink.error(id, "cannot read the file: \(error.reasonText)", at: SourceLocation(path: path))
            return nil
        }
        if bytes.isEmpty {
            sink.error(.fileEmpty, "the file is empty", at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        switch SourceText.decode(bytes, path: path) {
        case .success(let text): return text
        case .failure(let diagnostic):
            sink.report(diagnostic)
            return nil
        }
    }
}
