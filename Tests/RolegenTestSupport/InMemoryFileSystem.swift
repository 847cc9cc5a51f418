package import RolegenCore

/// Files held in memory, for tests that describe their inputs inline and for failures a real
/// file system will not produce on demand (a file root can still read, a disk that fills up).
package final class InMemoryFileSystem: FileSystem, @unchecked Sendable {
    // Mutated only by the test that owns the instance, never concurrently.
    package private(set) var files: [String: [UInt8]] = [:]
    package private(set) var directories: Set<String> = ["."]
    /// Paths whose reading fails with the given reason.
    package var unreadable: [String: FileSystemError.Reason] = [:]
    /// Writing a file whose path contains this text fails (to test all-or-nothing output).
    package var failWritesContaining: String?

    package init(_ files: [String: String] = [:]) {
        for (path, text) in files { add(path, Array(text.utf8)) }
    }

    package func add(_ path: String, _ bytes: [UInt8]) {
        let path = normalizePath(path)
        files[path] = bytes
        var directory = parentDirectory(of: path)
        while directory != "." && directory != "/" && !directories.contains(directory) {
            directories.insert(directory)
            directory = parentDirectory(of: directory)
        }
    }

    package func addDirectory(_ path: String) {
        directories.insert(normalizePath(path))
    }

    package func text(_ path: String) -> String? {
        files[normalizePath(path)].map { String(decoding: $0, as: UTF8.self) }
    }

    package func kind(of path: String) -> FileKind? {
        let path = normalizePath(path)
        if files[path] != nil { return .file }
        if directories.contains(path) { return .directory }
        return nil
    }

    package func canonicalPath(_ path: String) -> String? {
        kind(of: path) == nil ? nil : "/memory/" + normalizePath(path)
    }

    package func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        let key = normalizePath(path)
        if let reason = unreadable[key] { throw FileSystemError(path: path, reason: reason) }
        if directories.contains(key) { throw FileSystemError(path: path, reason: .isDirectory) }
        guard let bytes = files[key] else { throw FileSystemError(path: path, reason: .notFound) }
        if bytes.count > limit { throw FileSystemError(path: path, reason: .tooLarge(size: bytes.count, limit: limit)) }
        return bytes
    }

    package func mapFile(_ path: String, limit: Int) throws(FileSystemError) -> MappedFile {
        MappedFile(copying: try readFile(path, limit: limit))
    }

    package func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        let key = normalizePath(path)
        guard directories.contains(key) else { throw FileSystemError(path: path, reason: .notFound) }
        let prefix = key == "." ? "" : key + "/"
        let children = (Array(files.keys) + Array(directories)).compactMap { candidate -> String? in
            guard candidate != key, candidate.hasPrefix(prefix) else { return nil }
            let rest = candidate.dropFirst(prefix.count)
            return rest.contains("/") || rest.isEmpty ? nil : String(rest)
        }
        return Array(Set(children)).sorted()
    }

    package func createDirectory(_ path: String) throws(FileSystemError) {
        let key = normalizePath(path)
        if files[key] != nil { throw FileSystemError(path: path, reason: .exists) }
        var directory = key
        while directory != "." && directory != "/" {
            if files[directory] != nil { throw FileSystemError(path: directory, reason: .notDirectory) }
            directories.insert(directory)
            directory = parentDirectory(of: directory)
        }
    }

    package func writeNewFile(_ path: String, contents: [UInt8]) throws(FileSystemError) {
        let key = normalizePath(path)
        if let text = failWritesContaining, key.contains(text) {
            throw FileSystemError(path: path, reason: .other("no space left on device"))
        }
        if files[key] != nil { throw FileSystemError(path: path, reason: .exists) }
        guard directories.contains(parentDirectory(of: key)) else { throw FileSystemError(path: path, reason: .notFound) }
        files[key] = contents
    }

    package func rename(_ source: String, to destination: String) throws(FileSystemError) {
        guard let bytes = files.removeValue(forKey: normalizePath(source)) else {
            throw FileSystemError(path: source, reason: .notFound)
        }
        files[normalizePath(destination)] = bytes
    }

    package func removeFile(_ path: String) throws(FileSystemError) {
        guard files.removeValue(forKey: normalizePath(path)) != nil else { throw FileSystemError(path: path, reason: .notFound) }
    }
}
