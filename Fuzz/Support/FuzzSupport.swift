package import RolegenCore

/// What every fuzz target shares: reading inputs for the replay driver. A target is built two
/// ways (docs/fuzzing.md): with `-D FUZZING -sanitize=fuzzer,address` it is a libFuzzer binary
/// (`LLVMFuzzerTestOneInput`); without, an ordinary executable that runs the files and
/// directories it is given through the same function, to replay a corpus or a crash.
package enum FuzzReplay {
    /// Runs `body` on every file named in `arguments` (directories: their files, sorted), and
    /// returns how many it ran.
    package static func run(_ arguments: [String], _ body: ([UInt8]) -> Void) -> Int {
        let fileSystem = LocalFileSystem()
        var count = 0
        for path in arguments {
            let files: [String]
            if fileSystem.kind(of: path) == .directory {
                files = ((try? fileSystem.listDirectory(path)) ?? []).map { joinPath(path, $0) }.filter { fileSystem.kind(of: $0) == .file }
            } else {
                files = [path]
            }
            for file in files {
                guard let bytes = try? fileSystem.readFile(file, limit: 16 << 20) else { continue }
                body(bytes)
                count += 1
            }
        }
        return count
    }
}

/// The bundled catalog, loaded once per process.
package let fuzzCatalog: Catalog? = try? Catalog.bundled().get()
