package import RolegenCore

/// The bundled catalog, loaded once for all tests; `nil` if it does not load (tests `#require` it).
package enum TestCatalog {
    package static let bundled: Catalog? = try? Catalog.bundled().get()
}
