/// What `rolegen init` writes: a persona built from the bundled templates, the values it needs
/// and a `.rolegen.yaml`, so that a newcomer goes from nothing to a policy in two commands:
///
///     rolegen init demo
///     rolegen demo/persona.yaml --values demo/values.yaml
package enum StarterProject {
    package static let personaFile = "persona.yaml"
    package static let valuesFile = "values.yaml"

    /// The files, by name within the directory, in the order written.
    package static let files: [(name: String, contents: String)] = [
        (personaFile, persona),
        (valuesFile, values),
        (Configuration.fileName, configuration),
    ]

    /// The files to write into `directory`, or why nothing may be written: a file of the same
    /// name exists (rolegen init never overwrites), or `directory` is not a directory.
    package static func plan(into directory: String, fileSystem: any FileSystem) -> Result<[(path: String, contents: [UInt8])], Diagnostic> {
        switch fileSystem.kind(of: directory) {
        case nil, .directory?: break
        default:
            return .failure(Diagnostic(.error, .outputUnwritable, "not a directory; rolegen init writes into a new or existing directory",
                                       at: SourceLocation(path: directory)))
        }
        let planned = files.map { (path: joinPath(directory, $0.name), contents: Array($0.contents.utf8)) }
        let existing = planned.map(\.path).filter { fileSystem.kind(of: $0) != nil }
        if let first = existing.first {
            let names = existing.map { "'\($0)'" }.joined(separator: ", ")
            return .failure(Diagnostic(.error, .outputUnwritable,
                                       "\(names) already exist\(existing.count == 1 ? "s" : ""); rolegen init never overwrites a file: "
                                       + "choose another directory, such as 'rolegen init my-roles'",
                                       at: SourceLocation(path: first)))
        }
        return .success(planned)
    }

    private static let persona = """
        # A starter persona: the role SageMaker training jobs run as, reading the team's data.
        # Generate its policy:   rolegen persona.yaml --values values.yaml
        # See where each statement comes from:   add --explain
        # The format: docs/formats.md; the templates you can use: docs/library.md (rolegen's repository).
        persona: starter
        description: |
          The role SageMaker training jobs run as.
          Can: list and read the team's data buckets, only while they belong to the team's account.
          Cannot: write or delete data, or be assumed by anything but SageMaker acting for the account.
        principal:
          kind: service
          services:
            - sagemaker.amazonaws.com
        values:                   # ~ means "must be given", in values.yaml or with --set
          account: ~
          region: ~
          data_buckets: ~
        capabilities:
          - use: s3-bucket-read   # a bundled template, by name
            reason: Training jobs read the team's datasets.
            with:
              buckets: ${data_buckets}
        expect:
          # `rolegen test persona.yaml --values values.yaml` checks these against the policy above;
          # rolegen fills in aws:ResourceAccount and s3:ResourceAccount from the account (docs/formats.md).
          - name: reads the team's data
            allow:
              action: s3:GetObject
              resource: arn:${partition}:s3:::${data_buckets}/datasets/train.csv
          - name: lists the team's buckets
            allow:
              action: s3:ListBucket
              resource: arn:${partition}:s3:::${data_buckets}
          - name: cannot change the data
            deny:
              action: s3:PutObject
              resource: arn:${partition}:s3:::${data_buckets}/datasets/train.csv
          - name: cannot read another team's bucket
            deny:
              action: s3:GetObject
              resource: arn:${partition}:s3:::another-teams-bucket/datasets/train.csv

        """

    private static let values = """
        # Values for persona.yaml: replace these examples with your account's.
        account: "111122223333"
        region: us-east-1
        data_buckets:
          - example-ml-training-data

        """

    private static let configuration = """
        # rolegen's settings for this directory and everything below it (docs/lint.md).
        version: 1
        lint:
          fail_on: high

        """
}
