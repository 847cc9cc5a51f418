/// Partitions and regions rolegen knows, for validating and suggesting values.
///
/// The region list is a snapshot (November 2026). A well-formed region missing from it is
/// accepted with a warning, so a region AWS opens tomorrow does not block anyone.
package enum AWSPartitions {
    package static let partitions = [
        "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
    ]

    package static let regions: [String: String] = {
        var table: [String: String] = [:]
        for region in [
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-east-2",
            "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1",
            "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
        ] { table[region] = "aws" }
        for region in ["cn-north-1", "cn-northwest-1"] { table[region] = "aws-cn" }
        for region in ["us-gov-east-1", "us-gov-west-1"] { table[region] = "aws-us-gov" }
        for region in ["us-iso-east-1", "us-iso-west-1"] { table[region] = "aws-iso" }
        table["us-isob-east-1"] = "aws-iso-b"
        table["eu-isoe-west-1"] = "aws-iso-e"
        for region in ["us-isof-south-1", "us-isof-east-1"] { table[region] = "aws-iso-f" }
        table["eusc-de-east-1"] = "aws-eusc"
        return table
    }()

    /// The partition a region name belongs to, from its prefix, known or not.
    package static func partition(ofRegion region: String) -> String {
        if let known = regions[region] { return known }
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        if region.hasPrefix("us-isob-") { return "aws-iso-b" }
        if region.hasPrefix("us-isof-") { return "aws-iso-f" }
        if region.hasPrefix("us-iso-") { return "aws-iso" }
        if region.hasPrefix("eu-isoe-") { return "aws-iso-e" }
        if region.hasPrefix("eusc-") { return "aws-eusc" }
        return "aws"
    }

    /// The DNS suffix of service principals and endpoints in a partition.
    package static func dnsSuffix(ofPartition partition: String) -> String {
        switch partition {
        case "aws-cn": "amazonaws.com.cn"
        case "aws-iso": "c2s.ic.gov"
        case "aws-iso-b": "sc2s.sgov.gov"
        case "aws-iso-e": "cloud.adc-e.uk"
        case "aws-iso-f": "csp.hci.ic.gov"
        case "aws-eusc": "amazonaws.eu"
        default: "amazonaws.com"
        }
    }

    /// The audience a SAML assertion for the AWS console carries in a partition.
    package static func samlAudience(ofPartition partition: String) -> String {
        switch partition {
        case "aws-cn": "https://signin.amazonaws.cn/saml"
        case "aws-us-gov": "https://signin.amazonaws-us-gov.com/saml"
        default: "https://signin.aws.amazon.com/saml"
        }
    }
}
