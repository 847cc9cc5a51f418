/// One policy document to check, with what is known about it from where it was found.
package struct PolicyInput: Sendable {
    /// Where the type came from: `--type`, the input's format (a CloudFormation property, a dump's
    /// section), or the document itself.
    package enum TypeSource: String, Sendable {
        case given
        case source
        case detected
    }

    /// The user, group or role a policy belongs to (account dumps, CloudFormation), for checks
    /// over all of an entity's policies: aggregate inline size, attachment count.
    package struct Entity: Sendable, Hashable {
        package enum Kind: String, Sendable { case user, group, role }
        package var kind: Kind
        package var name: String
        /// Managed policies attached to it, when the source says.
        package var attachedManagedPolicies: Int?

        package init(kind: Kind, name: String, attachedManagedPolicies: Int? = nil) {
            self.kind = kind
            self.name = name
            self.attachedManagedPolicies = attachedManagedPolicies
        }
    }

    /// The file, as the user named it.
    package var path: String
    /// The policy inside the file when it holds several: "Role ml-exec, inline policy s3-read".
    package var name: String?
    package var document: SourceNode
    package var type: PolicyType
    package var typeSource: TypeSource
    package var sizeTarget: SizeTarget?
    package var entity: Entity?
    /// An AWS managed policy (from a dump or `get-policy-version` of an `arn:aws:iam::aws:` policy).
    package var isAWSManaged: Bool
    /// The resource a resource-based policy is attached to (`AWS::S3::Bucket`, `aws_kms_key`), when known.
    package var resourceKind: String?
    /// Where a document embedded in a string (Terraform's `policy = jsonencode(...)`, a
    /// CloudFormation `!Sub` of JSON) was found: its locations are all reported there.
    package var embeddedAt: SourceLocation?
    /// Findings the source accepts, with why (a CloudFormation resource's `Metadata.rolegen.ignore`).
    package var suppressions: [LintSettings.Suppression] = []

    package init(path: String, name: String? = nil, document: SourceNode, type: PolicyType, typeSource: TypeSource,
                 sizeTarget: SizeTarget? = nil, entity: Entity? = nil, isAWSManaged: Bool = false,
                 resourceKind: String? = nil, embeddedAt: SourceLocation? = nil) {
        self.path = path
        self.name = name
        self.document = document
        self.type = type
        self.typeSource = typeSource
        self.sizeTarget = sizeTarget
        self.entity = entity
        self.isAWSManaged = isAWSManaged
        self.resourceKind = resourceKind
        self.embeddedAt = embeddedAt
    }

    /// Where to report something found at `location` in the document.
    package func reportLocation(_ location: SourceLocation) -> SourceLocation {
        embeddedAt ?? location
    }
}
