/// Paths in this repository, found from this file's location so tests work from any directory.
package enum Repository {
    /// The repository root (the directory holding Package.swift).
    package static let root: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    package static func path(_ relative: String) -> String { root + "/" + relative }
}
