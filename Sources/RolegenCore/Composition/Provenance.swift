/// Where a generated statement came from: the persona entry that pulled the capability in, the
/// template statement that produced it, and the guards that added conditions. `--explain`
/// prints it; diagnostics about generated statements point at it.
package struct Provenance: Hashable, Sendable {
    /// The capability's identity in the persona (its `id`, or the template name), or `deny`.
    package var capability: String
    /// The persona's `capabilities:` entry (or `deny:` entry).
    package var use: SourceLocation
    /// Template name and version; `nil` for a persona's own Deny statement.
    package var template: String?
    package var templateVersion: Int?
    /// Templates included on the way, outermost first.
    package var includeChain: [String]
    package var sid: String
    /// The template statement (or persona deny statement) itself.
    package var statement: SourceLocation
    package var guards: [AppliedGuard]
    /// The template's reason for `Resource: "*"` on actions with optional resource types.
    package var unscopedReason: String? = nil
}

/// A guard that added conditions to a statement.
package struct AppliedGuard: Hashable, Sendable {
    package var name: String
    package var form: String
    /// Where the persona turned the guard on.
    package var enabledAt: SourceLocation
    /// The guard form in its file.
    package var formLocation: SourceLocation
}

/// A statement with every place it came from (merging joins provenance lists).
package struct ComposedStatement: Hashable, Sendable {
    package var statement: PolicyStatement
    package var provenance: [Provenance]

    package init(statement: PolicyStatement, provenance: [Provenance]) {
        self.statement = statement
        self.provenance = provenance
    }
}
