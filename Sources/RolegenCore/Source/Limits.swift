/// Caps on what rolegen reads, so that no input can exhaust memory or time.
/// Documented in docs/formats.md ("Limits").
package struct Limits: Sendable {
    /// Largest persona, template, guard or values file read, in bytes.
    package var maxYAMLFileBytes = 4 << 20
    /// Most values one YAML document may hold once aliases are expanded (an alias bomb stops here).
    package var maxYAMLNodes = 100_000
    /// Deepest nesting of lists and mappings in one YAML document.
    package var maxYAMLDepth = 64
    /// Most resources or condition values one string may expand to (lists multiply).
    package var maxExpansion = 1_000
    /// Longest chain of `extends` or template `include`.
    package var maxChainDepth = 32
    /// Most templates one capability may expand, includes counted (a template that includes
    /// another twice, at every level, would otherwise double the work at each level).
    package var maxExpansionsPerCapability = 1_000

    package init() {}

    package static let standard = Limits()
}
