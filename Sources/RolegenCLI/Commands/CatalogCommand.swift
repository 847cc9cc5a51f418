package import ArgumentParser

/// `rolegen catalog`: what AWS offers, from the embedded catalog.
package struct CatalogCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Look up AWS services, actions, resource types and condition keys.",
        discussion: """
            rolegen carries a catalog of every AWS service, action, resource type and condition key, built from a \
            pinned dataset ('rolegen catalog version' says which). 'rolegen catalog import' builds a newer one from \
            AWS's service reference files; --catalog PATH, or 'catalog: PATH' in .rolegen.yaml, uses it.

            EXAMPLES
              rolegen catalog show sagemaker:CreateTrainingJob
              rolegen catalog actions 'sagemaker:*Pipeline*' --access-level write
              rolegen catalog version

            EXIT CODES
              0  found
              1  an action or pattern named nothing (suggestions follow)
              2  usage or input error (a missing or damaged catalog)
            """,
        subcommands: [
            CatalogShowCommand.self, CatalogActionsCommand.self, CatalogServicesCommand.self,
            CatalogVersionCommand.self, CatalogImportCommand.self,
        ]
    )

    package init() {}
}
