package import RolegenCore

/// The real file system seen from a directory: relative paths resolve against `root`, so the
/// paths in diagnostics and manifests stay short and the same on every machine, and tests need
/// not change the process's working directory (which would race with parallel tests).
package struct RootedFileSystem: FileSystem {
    package let root: String
    private let local = LocalFileSystem()

    package init(root: String) {
        self.root = root
    }

    private func resolve(_ path: String) -> String { path.hasPrefix("/") ? path : joinPath(root, path) }

    package func kind(of path: String) -> FileKind? { local.kind(of: resolve(path)) }
    package func canonicalPath(_ path: String) -> String? { local.canonicalPath(resolve(path)) }
    package func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        do { return try local.readFile(resolve(path), limit: limit) } catch { throw relative(error, path) }
    }
    package func mapFile(_ path: String, limit: Int) throws(FileSystemError) -> MappedFile {
        do { return try local.mapFile(resolve(path), limit: limit) } catch { throw relative(error, path) }
    }
    package func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        do { return try local.listDirectory(resolve(path)) } catch { throw relative(error, path) }
    }
    package func createDirectory(_ path: String) throws(FileSystemError) {
        do { try local.createDirectory(resolve(path)) } catch { throw relative(error, path) }
    }
    package func writeNewFile(_ path: String, contents: [UInt8]) throws(FileSystemError) {
        do { try local.writeNewFile(resolve(path), contents: contents) } catch { throw relative(error, path) }
    }
    package func rename(_ source: String, to destination: String) throws(FileSystemError) {
        do { try local.rename(resolve(source), to: resolve(destination)) } catch { throw relative(error, destination) }
    }
    package func removeFile(_ path: String) throws(FileSystemError) {
        do { try local.removeFile(resolve(path)) } catch { throw relative(error, path) }
    }

    private func relative(_ error: FileSystemError, _ path: String) -> FileSystemError {
        FileSystemError(path: path, reason: error.reason)
    }
}
