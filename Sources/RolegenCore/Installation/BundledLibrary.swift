#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the library that ships with rolegen (templates, personas, catalog, schemas) is, found
/// from where the running executable lives, so that an installed rolegen works from any
/// directory (docs/ecosystem.md):
///
/// 1. installed: `PREFIX/bin/rolegen` reads `PREFIX/share/rolegen/` (`make install`);
/// 2. a build directory of a checkout: `ROOT/.build/<triple>/<config>/rolegen` reads `ROOT/`
///    when it holds `Package.swift` and `templates/`, so `swift run` and `swift build` binaries
///    behave like installed ones.
///
/// The catalog has a third home, SwiftPM's resource bundle beside the executable (`Catalog.bundledPath`).
package enum BundledLibrary {
    /// The directory holding `templates/`, `personas/` and, when installed, `catalog.rolegen`;
    /// `nil` when neither layout is found.
    package static let root: String? = {
        guard let executable = executablePath, let slash = executable.lastIndex(of: "/") else { return nil }
        let binDirectory = String(executable[..<slash])
        let installed = normalizePath(binDirectory + "/../share/rolegen")
        if isDirectory(installed + "/templates") { return installed }
        let checkout = normalizePath(binDirectory + "/../../..")
        if isDirectory(checkout + "/templates") && access(checkout + "/Package.swift", R_OK) == 0 { return checkout }
        return nil
    }()

    /// The bundled capability templates and guards, searched after a project's own.
    package static var templatesDirectory: String? { root.map { $0 + "/templates" } }

    /// The bundled personas.
    package static var personasDirectory: String? { root.map { $0 + "/personas" } }

    /// The catalog of an installed rolegen (`PREFIX/share/rolegen/catalog.rolegen`).
    package static var installedCatalog: String? {
        guard let root else { return nil }
        let path = root + "/catalog.rolegen"
        return access(path, R_OK) == 0 ? path : nil
    }

    /// The running executable, symbolic links resolved.
    package static let executablePath: String? = {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #elseif canImport(Darwin)
        var size: UInt32 = 0
        _ = _NSGetExecutablePath(nil, &size)
        var buffer = [CChar](repeating: 0, count: Int(size) + 1)
        guard _NSGetExecutablePath(&buffer, &size) == 0, let resolved = realpath(buffer, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
        #else
        return nil
        #endif
    }()

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
