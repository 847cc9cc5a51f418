/// The size rules, in the order docs/rules.md lists them (§2.8).
package enum SizeRules {
    package static let all: [any LintRule] = [
        SizeManaged(), SizeInlineUser(), SizeInlineGroup(), SizeInlineRole(), SizeTrust(), SizeScp(), SizeRcp(),
        SizeTargetAmbiguous(), SizeAggregateInline(), AttachmentCount(),
    ]
}
