/// `rolegen generate --check`: whether the bundles committed under an output directory are
/// what the personas generate now, without writing anything (the pre-commit hook
/// `rolegen-generate-check` and CI). Compares bytes, so a hand edit is as stale as an old run.
package enum BundleCheck {
    package struct StaleFile: Sendable, Equatable {
        package enum Reason: Sendable, Equatable {
            /// The persona generates the file; it is not there.
            case missing
            /// The file is there with other contents.
            case differs
            /// An earlier run wrote it; the persona no longer generates it (`generate -o` would remove it).
            case extra
        }

        package var path: String
        package var reason: Reason
        /// The persona file whose bundle the file belongs to.
        package var persona: String
    }

    /// The files under `output` that differ from `bundles`, in the order `generate -o` writes them.
    package static func staleFiles(_ bundles: [RoleBundle], in output: String, fileSystem: any FileSystem) -> [StaleFile] {
        var stale: [StaleFile] = []
        for bundle in bundles {
            let directory = joinPath(output, bundle.persona.name)
            let files = bundle.files
            for file in files {
                let path = joinPath(directory, file.name)
                guard fileSystem.kind(of: path) == .file else {
                    stale.append(StaleFile(path: path, reason: .missing, persona: bundle.persona.path))
                    continue
                }
                let committed = try? fileSystem.readFile(path, limit: 64 << 20)
                if committed != Array(file.contents.utf8) {
                    stale.append(StaleFile(path: path, reason: .differs, persona: bundle.persona.path))
                }
            }
            let existing = ((try? fileSystem.listDirectory(directory)) ?? []).sorted()
            for name in existing where BundleFile.isOwned(name) && !files.contains(where: { $0.name == name }) {
                stale.append(StaleFile(path: joinPath(directory, name), reason: .extra, persona: bundle.persona.path))
            }
        }
        return stale
    }

    /// The same for a template format's files (`template.yaml`, `main.tf`, their manifest),
    /// written straight into `output`; `personas` names what generates them, for messages.
    package static func staleFiles(_ files: [BundleFile], in output: String, generatedBy personas: String,
                                   fileSystem: any FileSystem) -> [StaleFile] {
        files.compactMap { file in
            let path = joinPath(output, file.name)
            guard fileSystem.kind(of: path) == .file else { return StaleFile(path: path, reason: .missing, persona: personas) }
            let committed = try? fileSystem.readFile(path, limit: 64 << 20)
            return committed == Array(file.contents.utf8) ? nil : StaleFile(path: path, reason: .differs, persona: personas)
        }
    }

    /// One line per stale file, `path: stale: why`, as editors and CI logs link them.
    package static func render(_ stale: [StaleFile]) -> String {
        stale.map { file in
            let why = switch file.reason {
            case .missing: "missing; \(file.persona) generates it"
            case .differs: "differs from what \(file.persona) generates"
            case .extra: "\(file.persona) no longer generates it"
            }
            return "\(file.path): stale: \(why)\n"
        }.joined()
    }

    /// The closing line on standard error.
    package static func summary(_ stale: [StaleFile], bundles: Int) -> String {
        if stale.isEmpty { return "rolegen generate --check: \(bundles) bundle\(bundles == 1 ? "" : "s") up to date\n" }
        return "rolegen generate --check: \(stale.count) stale file\(stale.count == 1 ? "" : "s"); "
            + "run the same command without --check to update them\n"
    }
}
