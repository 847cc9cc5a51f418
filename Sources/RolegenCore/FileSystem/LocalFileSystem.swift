#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, through POSIX calls so that every failure keeps its `errno`.
package struct LocalFileSystem: FileSystem {
    package init() {}

    package func kind(of path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    package func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw error(path) }
        if info.st_mode & S_IFMT == S_IFDIR { throw FileSystemError(path: path, reason: .isDirectory) }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limit {
            throw FileSystemError(path: path, reason: .tooLarge(size: Int(info.st_size), limit: limit))
        }
        if info.st_mode & S_IFMT == S_IFREG {
            // A regular file is read straight into a buffer of its size.
            let size = Int(info.st_size)
            var failure: FileSystemError?
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = 0
                while count < size {
                    let got = read(descriptor, buffer.baseAddress! + count, size - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = error(path)
                        return
                    }
                    if got == 0 { break }
                    count += got
                }
            }
            if let failure { throw failure }
            return bytes
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(path)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // Pipes and devices have no size to check up front.
            if bytes.count > limit {
                throw FileSystemError(path: path, reason: .tooLarge(size: bytes.count, limit: limit))
            }
        }
        return bytes
    }

    package func mapFile(_ path: String, limit: Int) throws(FileSystemError) -> MappedFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw error(path) }
        if info.st_mode & S_IFMT == S_IFDIR { throw FileSystemError(path: path, reason: .isDirectory) }
        if info.st_mode & S_IFMT == S_IFREG {
            if Int(info.st_size) > limit { throw FileSystemError(path: path, reason: .tooLarge(size: Int(info.st_size), limit: limit)) }
            if let mapped = MappedFile(descriptor: descriptor, size: Int(info.st_size)) { return mapped }
        }
        return MappedFile(copying: try readFile(path, limit: limit))
    }

    package func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(path) else { throw error(path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Kinds from `readdir`'s `d_type`, which saves a `stat` per file of a large directory;
    /// links and file systems that do not fill it in are asked with `stat`.
    package func listDirectoryKinds(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind?)] {
        guard let directory = opendir(path) else { throw error(path) }
        defer { closedir(directory) }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var entries: [(name: String, kind: FileKind?)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name != "." && name != ".." else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): entries.append((name, .file))
            case Int32(DT_DIR): entries.append((name, .directory))
            case Int32(DT_LNK), Int32(DT_UNKNOWN): entries.append((name, kind(of: prefix + name)))
            default: entries.append((name, .other))
            }
        }
        return entries.sorted { $0.name < $1.name }
    }

    package func createDirectory(_ path: String) throws(FileSystemError) {
        switch kind(of: path) {
        case .directory: return
        case .file, .other: throw FileSystemError(path: path, reason: .exists)
        case nil: break
        }
        let parent = parentDirectory(of: path)
        if !parent.isEmpty && parent != path && kind(of: parent) == nil {
            try createDirectory(parent)
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw error(path) }
    }

    package func writeNewFile(_ path: String, contents: [UInt8]) throws(FileSystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(path) }
        var written = 0
        while written < contents.count {
            let count = contents.withUnsafeBytes {
                write(descriptor, $0.baseAddress! + written, $0.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let failure = error(path)
                close(descriptor)
                throw failure
            }
            written += count
        }
        // The data must be on disk before the rename makes it visible under its final name.
        if fsync(descriptor) != 0 {
            let failure = error(path)
            close(descriptor)
            throw failure
        }
        if close(descriptor) != 0 { throw error(path) }
    }

    package func rename(_ source: String, to destination: String) throws(FileSystemError) {
        if posixRename(source, destination) != 0 { throw error(destination) }
    }

    package func removeFile(_ path: String) throws(FileSystemError) {
        if unlink(path) != 0 { throw error(path) }
    }

    private func error(_ path: String) -> FileSystemError {
        let code = errno
        let reason: FileSystemError.Reason
        switch code {
        case ENOENT: reason = .notFound
        case EISDIR: reason = .isDirectory
        case ENOTDIR: reason = .notDirectory
        case EACCES, EPERM: reason = .permissionDenied
        case EEXIST: reason = .exists
        default: reason = .other(String(cString: strerror(code)).lowercased())
        }
        return FileSystemError(path: path, reason: reason)
    }
}

/// The C library's `rename(2)`, out of reach of the method of the same name.
private func posixRename(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}

/// The directory part of a path (`a/b` for `a/b/c`), `.` for a bare name.
package func parentDirectory(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    if slash == trimmed.startIndex { return "/" }
    return String(trimmed[..<slash])
}

/// `directory/name`, without doubling slashes and without a leading `./`.
package func joinPath(_ directory: String, _ name: String) -> String {
    if name.hasPrefix("/") { return name }
    if directory.isEmpty || directory == "." { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
}

/// The file name without its directory and extension: `a/b/data-scientist.yaml` → `data-scientist`.
package func fileStem(of path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
}

/// `target` written relative to `base` (a directory), through their canonical paths, so the
/// result does not depend on the working directory or on how the paths were given. Falls back
/// to `target` as given when either cannot be resolved.
package func relativePath(of target: String, from base: String, fileSystem: any FileSystem) -> String {
    guard let absoluteTarget = fileSystem.canonicalPath(target), let absoluteBase = fileSystem.canonicalPath(base) else {
        return target
    }
    let targetParts = absoluteTarget.split(separator: "/")
    let baseParts = absoluteBase.split(separator: "/")
    var common = 0
    while common < min(targetParts.count, baseParts.count) && targetParts[common] == baseParts[common] { common += 1 }
    let ups = Array(repeating: "..", count: baseParts.count - common)
    let rest = targetParts[common...].map(String.init)
    let joined = (ups + rest).joined(separator: "/")
    return joined.isEmpty ? "." : joined
}
