#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bundles so that a failed run leaves the output directory as it was: every file is
/// first written in full under a temporary name beside its destination, and only when all of
/// them are on disk are they renamed into place (a rename within a directory is atomic).
package struct BundleWriter: Sendable {
    package let fileSystem: any FileSystem

    package init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Writes `files` into `directory` (created if missing). Throws, with nothing changed, when
    /// any file cannot be written.
    package func write(_ files: [BundleFile], into directory: String) throws(FileSystemError) {
        try write(files.map { (joinPath(directory, $0.name), Array($0.contents.utf8)) }, creating: [directory])
    }

    /// Writes each (path, contents), all or nothing as far as the file system allows, then
    /// removes `stale` files (outputs of an earlier run that this one no longer produces).
    package func write(
        _ files: [(path: String, contents: [UInt8])], creating directories: [String], removing stale: [String] = []
    ) throws(FileSystemError) {
        for directory in directories {
            try fileSystem.createDirectory(directory)
        }
        var staged: [(temporary: String, destination: String, slot: Int?)] = []
        let token = "\(processIdentifier())"
        // An interrupt (Ctrl-C) while staged files exist removes them (InterruptCleanup);
        // files already renamed are complete, so no file is ever left half written.
        let local = fileSystem is LocalFileSystem
        do {
            for (index, file) in files.enumerated() {
                let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
                let temporary = joinPath(parentDirectory(of: file.path), ".\(name).rolegen-\(token)-\(index).tmp")
                try? fileSystem.removeFile(temporary)
                let slot = local ? InterruptCleanup.register(temporary) : nil
                staged.append((temporary, file.path, slot))
                try fileSystem.writeNewFile(temporary, contents: file.contents)
            }
            for entry in staged {
                try fileSystem.rename(entry.temporary, to: entry.destination)
                InterruptCleanup.unregister(entry.slot)
            }
        } catch {
            for entry in staged {
                try? fileSystem.removeFile(entry.temporary)
                InterruptCleanup.unregister(entry.slot)
            }
            throw error
        }
        for path in stale {
            try fileSystem.removeFile(path)
        }
    }
}

private func processIdentifier() -> Int32 { getpid() }
