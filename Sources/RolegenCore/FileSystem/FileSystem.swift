/// The file operations rolegen needs, behind a protocol so that tests can feed in-memory files
/// and simulate failures (an unreadable file, a full disk) that a test process running as root
/// cannot produce for real.
package protocol FileSystem: Sendable {
    /// What is at `path`, following symbolic links; `nil` when nothing is.
    func kind(of path: String) -> FileKind?

    /// The absolute path with symbolic links resolved; `nil` when nothing is there.
    func canonicalPath(_ path: String) -> String?

    /// The whole file, refusing anything larger than `limit` bytes.
    func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8]

    /// The whole file, mapped into memory where the system allows, refusing more than `limit` bytes.
    func mapFile(_ path: String, limit: Int) throws(FileSystemError) -> MappedFile

    /// The names (not paths) of the entries of a directory, sorted.
    func listDirectory(_ path: String) throws(FileSystemError) -> [String]

    /// The entries of a directory with what each is (following symbolic links), sorted by name.
    func listDirectoryKinds(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind?)]

    /// Creates a directory and its missing parents.
    func createDirectory(_ path: String) throws(FileSystemError)

    /// Writes `contents` to a new file at `path`, failing if it exists.
    func writeNewFile(_ path: String, contents: [UInt8]) throws(FileSystemError)

    /// Renames `source` to `destination`, replacing it; atomic on one file system.
    func rename(_ source: String, to destination: String) throws(FileSystemError)

    /// Removes a file; errors are ignored by callers cleaning up after a failure.
    func removeFile(_ path: String) throws(FileSystemError)
}

extension FileSystem {
    /// One `kind(of:)` per entry; file systems that learn kinds while listing do better.
    package func listDirectoryKinds(_ path: String) throws(FileSystemError) -> [(name: String, kind: FileKind?)] {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return try listDirectory(path).map { ($0, kind(of: prefix + $0)) }
    }
}

package enum FileKind: Sendable, Equatable {
    case file
    case directory
    case other
}

/// A failed file operation, with the reason in the operating system's words.
package struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        case notFound
        case isDirectory
        case notDirectory
        case permissionDenied
        case tooLarge(size: Int, limit: Int)
        case exists
        case other(String)
    }

    package var path: String
    package var reason: Reason

    package init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    package var reasonText: String {
        switch reason {
        case .notFound: "no such file or directory"
        case .isDirectory: "it is a directory, not a file"
        case .notDirectory: "a part of the path is a file, not a directory"
        case .permissionDenied: "permission denied"
        case .tooLarge(let size, let limit):
            "the file is \(Self.formatSize(size)), larger than the \(Self.formatSize(limit)) rolegen reads"
        case .exists: "the file already exists"
        case .other(let text): text
        }
    }

    package var description: String { "\(path): \(reasonText)" }

    package static func formatSize(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 20 { return "\(bytes) bytes (\(bytes >> 20) MiB)" }
        return "\(bytes) bytes"
    }
}
