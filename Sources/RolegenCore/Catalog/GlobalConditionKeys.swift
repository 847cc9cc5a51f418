/// The `aws:` condition keys every service accepts, with their types and whether they hold
/// one value or several (which decides whether `ForAllValues:`/`ForAnyValue:` make sense).
///
/// Curated from the IAM User Guide, "AWS global condition context keys" (November 2026). The
/// tag keys (`aws:RequestTag/…`, `aws:TagKeys`, `aws:ResourceTag/…`) are listed, but unlike the
/// others only actions that document them support them.
package enum GlobalConditionKeys {
    package static let all: [ConditionKeyDefinition] = [
        .init(name: "aws:AssumedRoot", type: "Bool"),
        .init(name: "aws:CalledVia", type: "ArrayOfString"),
        .init(name: "aws:CalledViaFirst", type: "String"),
        .init(name: "aws:CalledViaLast", type: "String"),
        .init(name: "aws:ChatbotSourceArn", type: "ARN"),
        .init(name: "aws:CurrentTime", type: "Date"),
        .init(name: "aws:EpochTime", type: "Date"),
        .init(name: "aws:Ec2InstanceSourcePrivateIPv4", type: "IPAddress"),
        .init(name: "aws:Ec2InstanceSourceVpc", type: "String"),
        .init(name: "aws:FederatedProvider", type: "String"),
        .init(name: "aws:MultiFactorAuthAge", type: "Numeric"),
        .init(name: "aws:MultiFactorAuthPresent", type: "Bool"),
        .init(name: "aws:PrincipalAccount", type: "String"),
        .init(name: "aws:PrincipalArn", type: "ARN"),
        .init(name: "aws:PrincipalIsAWSService", type: "Bool"),
        .init(name: "aws:PrincipalOrgID", type: "String"),
        .init(name: "aws:PrincipalOrgPaths", type: "ArrayOfString"),
        .init(name: "aws:PrincipalServiceName", type: "String"),
        .init(name: "aws:PrincipalServiceNamesList", type: "ArrayOfString"),
        .init(name: "aws:PrincipalTag/${TagKey}", type: "String"),
        .init(name: "aws:PrincipalType", type: "String"),
        .init(name: "aws:Referer", type: "String"),
        .init(name: "aws:RequestedRegion", type: "String"),
        .init(name: "aws:RequestTag/${TagKey}", type: "String"),
        .init(name: "aws:ResourceAccount", type: "String"),
        .init(name: "aws:ResourceOrgID", type: "String"),
        .init(name: "aws:ResourceOrgPaths", type: "ArrayOfString"),
        .init(name: "aws:ResourceTag/${TagKey}", type: "String"),
        .init(name: "aws:SecureTransport", type: "Bool"),
        .init(name: "aws:SourceAccount", type: "String"),
        .init(name: "aws:SourceArn", type: "ARN"),
        .init(name: "aws:SourceIdentity", type: "String"),
        .init(name: "aws:SourceIp", type: "IPAddress"),
        .init(name: "aws:SourceOrgID", type: "String"),
        .init(name: "aws:SourceOrgPaths", type: "ArrayOfString"),
        .init(name: "aws:SourceVpc", type: "String"),
        .init(name: "aws:SourceVpcArn", type: "ARN"),
        .init(name: "aws:SourceVpce", type: "String"),
        .init(name: "aws:TagKeys", type: "ArrayOfString"),
        .init(name: "aws:TokenIssueTime", type: "Date"),
        .init(name: "aws:UserAgent", type: "String"),
        .init(name: "aws:userid", type: "String"),
        .init(name: "aws:username", type: "String"),
        .init(name: "aws:ViaAWSService", type: "Bool"),
        .init(name: "aws:VpceAccount", type: "String"),
        .init(name: "aws:VpceOrgID", type: "String"),
        .init(name: "aws:VpceOrgPaths", type: "ArrayOfString"),
        .init(name: "aws:VpcSourceIp", type: "IPAddress"),
    ]

    /// Keys only the actions that document them support.
    package static let perActionKeys = ["aws:requesttag/", "aws:tagkeys", "aws:resourcetag/"]

    private static let everyAction = KeySet(all.map(\.name).filter { name in
        !perActionKeys.contains { name.lowercased().hasPrefix($0) }
    })

    /// The definition of a global key, without case (`aws:sourceip` finds `aws:SourceIp`).
    package static func definition(of key: String) -> ConditionKeyDefinition? {
        let lowered = key.lowercased()
        return all.first { ConditionKeyDefinition.matches(pattern: $0.name.lowercased(), key: lowered) }
    }

    /// Whether every action supports the key (true for `aws:SourceIp`, false for `aws:RequestTag/x`).
    package static func appliesToEveryAction(_ key: String) -> Bool {
        everyAction.contains(key.lowercased())
    }
}
