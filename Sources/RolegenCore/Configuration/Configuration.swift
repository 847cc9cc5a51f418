/// `.rolegen.yaml`: settings for every run in a project, found by walking up from the working
/// directory (as git finds `.git`). Paths in it are relative to the file.
///
///     version: 1
///     catalog: tools/aws-catalog.rolegen
///     lint:            # docs/lint.md
///       fail_on: medium
package struct Configuration: Sendable {
    package static let fileName = ".rolegen.yaml"
    package static let supportedVersion = 1
    package static let keys = ["version", "catalog", "lint"]

    /// The file the settings came from; `nil` when there is none.
    package var path: String?
    /// A catalog file, resolved against the configuration file's directory.
    package var catalog: String?
    /// `rolegen lint`'s settings.
    package var lint = LintSettings()
    /// The lowest severity that fails a lint run, when the file sets it.
    package var failOn: Severity?

    package init(path: String? = nil, catalog: String? = nil) {
        self.path = path
        self.catalog = catalog
    }

    /// The nearest `.rolegen.yaml` at or above `directory`, read and checked; an empty
    /// configuration when there is none, `nil` after reporting a broken one.
    package static func discover(from directory: String, loader: YAMLFileLoader, sink: DiagnosticSink) -> Configuration? {
        let absolute = loader.fileSystem.canonicalPath(directory) ?? directory
        let levels = absolute.split(separator: "/").count
        for up in 0...levels {
            let candidate = normalizePath(directory + String(repeating: "/..", count: up) + "/" + fileName)
            if loader.fileSystem.kind(of: candidate) == .file { return load(candidate, loader: loader, sink: sink) }
        }
        return Configuration()
    }

    package static func load(_ path: String, loader: YAMLFileLoader, sink: DiagnosticSink) -> Configuration? {
        let before = sink.errorCount
        guard let root = loader.load(path, sink: sink),
              let reader = MappingReader(root, subject: "the configuration", allowedKeys: keys, sink: sink) else { return nil }
        if let version = reader.integer("version", required: true, range: 1...1_000), version.value > supportedVersion {
            sink.error(.configInvalid, "configuration version \(version.value) is newer than this rolegen understands "
                       + "(\(supportedVersion)); upgrade rolegen", at: version.location)
        }
        var configuration = Configuration(path: path)
        if let catalog = reader.string("catalog") {
            configuration.catalog = catalog.value.hasPrefix("/") ? catalog.value
                : normalizePath(joinPath(parentDirectory(of: path), catalog.value))
        }
        if let lint = reader.value("lint"), let parsed = LintSettingsParser.parse(lint, sink: sink) {
            configuration.lint = parsed.settings
            configuration.failOn = parsed.failOn?.value
        }
        return sink.errorCount == before ? configuration : nil
    }
}
