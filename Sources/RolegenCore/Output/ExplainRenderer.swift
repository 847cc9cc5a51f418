/// `--explain`: each generated statement followed by where it came from, for reviewers who
/// want to know why a permission is there before they approve it.
package enum ExplainRenderer {
    package static func render(_ bundle: RoleBundle) -> String {
        let persona = bundle.persona
        let capabilityCount = Set(bundle.statements.flatMap { $0.provenance.map(\.capability) }.filter { $0 != "deny" }).count
        var out = "# Persona '\(persona.name)' (\(persona.sources.joined(separator: " extends ")))\n"
        out += "# \(plural(bundle.statements.count, "statement")) from \(plural(capabilityCount, "capability", "capabilities")); account \(persona.context.account.text), "
            + "partition \(persona.context.partition.text), regions \(persona.context.regions.map(\.text).joined(separator: ", "))\n"
        let size = PolicyJSONWriter.quotaSize(of: bundle.permissionsJSON)
        let policies = bundle.managedPolicies.count
        out += "# \(size) characters (white space not counted): "
            + (bundle.attachment == .inline ? "one inline policy (all inline policies of a role: \(IAMQuota.inlinePolicies))\n"
                : policies == 1 ? "fits one managed policy (\(IAMQuota.managedPolicy))\n"
                : "\(policies) managed policies of at most \(IAMQuota.managedPolicy) in a bundle\n")
        for composed in bundle.statements {
            out += "\n"
            out += PolicyJSONWriter.json(composed.statement).rendered()
            for provenance in composed.provenance {
                if let template = provenance.template {
                    out += "  from capability '\(provenance.capability)' at \(provenance.use)\n"
                    let via = provenance.includeChain.isEmpty ? "" : " (included via \(provenance.includeChain.joined(separator: " → ")))"
                    out += "    template '\(template)' v\(provenance.templateVersion ?? 0), statement \(provenance.sid) at \(provenance.statement)\(via)\n"
                } else {
                    out += "  from the persona's deny statement \(provenance.sid) at \(provenance.statement)\n"
                }
                for applied in provenance.guards {
                    out += "    guard \(applied.name)/\(applied.form) turned on at \(applied.enabledAt), form at \(applied.formLocation)\n"
                }
            }
            if composed.statement.resources == ["*"] && composed.statement.effect == .allow {
                let reasons = composed.provenance.compactMap(\.unscopedReason)
                out += reasons.isEmpty ? "  note: Resource is \"*\": the catalog lists no resource type these actions require\n"
                    : reasons.map { "  note: Resource is \"*\" (the resource type is optional): \($0)\n" }.joined()
            }
        }
        if let trust = bundle.trust {
            out += "\n# Trust policy\n" + PolicyJSONWriter.render(trust)
        } else {
            out += "\n# No trust policy: IAM Identity Center writes it for a permission set\n"
        }
        return out
    }

    private static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : pluralForm ?? singular + "s")
    }
}
