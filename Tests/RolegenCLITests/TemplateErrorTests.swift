import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// Templates that rolegen refuses, and why: each case is a template and the exact message.
@Suite struct TemplateErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var persona = "capabilities:\n  - use: t\n"
        var stderr: String
        var testDescription: String { name }
    }

    static let guardFile = """
        guard: net
        version: 1
        description: VPC.
        parameters:
          subnets:
            type: list<subnet-id>
        forms:
          sagemaker:
            conditions:
              ForAllValues:StringEquals:
                sagemaker:VpcSubnets: ${subnets}
          ec2:
            conditions:
              StringEquals:
                ec2:SubnetID: ${subnets}
        """

    static let keysGuardFile = """
        guard: keys
        version: 1
        description: KMS keys.
        parameters:
          volume:
            type: list<kms-key-arn>
            default: []
          output:
            type: list<kms-key-arn>
            default: []
        forms:
          both:
            conditions:
              ArnEquals:
                sagemaker:VolumeKmsKey: ${volume}
                sagemaker:OutputKmsKey: ${output}
        """

    static let head = "template: t\nversion: 1\ndescription: A test template.\n"

    static let cases: [Case] = [
        Case(name: "every action of every service", template: head + """
            statements:
              - sid: All
                actions: ["*"]
                resources: ["*"]
            """, stderr: """
            templates/t.yaml:6:15: error: '*' grants actions of every AWS service; list the actions the capability needs
            """),
        Case(name: "a whole service", template: head + """
            statements:
              - sid: AllS3
                actions: [s3:*]
                resources: ["*"]
            """, stderr: """
            templates/t.yaml:6:15: error: 's3:*' grants every action of the service, including ones AWS adds later; list the actions the capability needs
            """),
        Case(name: "wildcards that still mean a whole service or every service", template: head + """
            statements:
              - sid: Sneaky
                actions: ["s3:**", "sagemaker:?*", s3:Get*]
                resources: ["*"]
            """, stderr: """
            templates/t.yaml:6:15: error: 's3:**' grants every action of the service, including ones AWS adds later; list the actions the capability needs
            templates/t.yaml:6:24: error: 'sagemaker:?*' grants every action of the service, including ones AWS adds later; list the actions the capability needs
            """),
        Case(name: "PassRole to every service but one", template: head + """
            parameters:
              roles:
                type: list<role-arn>
            statements:
              - sid: Pass
                actions: [iam:PassRole]
                resources:
                  - ${roles}
                conditions:
                  StringNotEquals:
                    iam:PassedToService: sagemaker.amazonaws.com
            """, stderr: """
            templates/t.yaml:8:10: error: statement 'Pass' allows iam:PassRole without limiting it to named services: add StringEquals on iam:PassedToService, such as sagemaker.amazonaws.com
            """),
        Case(name: "PassRole to a wildcard service", template: head + """
            parameters:
              roles:
                type: list<role-arn>
            statements:
              - sid: Pass
                actions: [iam:PassRole]
                resources:
                  - ${roles}
                conditions:
                  StringLike:
                    iam:PassedToService: "*.amazonaws.com"
            """, stderr: """
            templates/t.yaml:8:10: error: statement 'Pass' allows iam:PassRole without limiting it to named services: add StringEquals on iam:PassedToService, such as sagemaker.amazonaws.com
            """),
        Case(name: "a guard on a Deny statement", template: head + """
            statements:
              - sid: NoDelete
                effect: Deny
                actions: [s3:DeleteBucket]
                resources: ["*"]
                guards: [net/sagemaker]
            """, stderr: """
            templates/t.yaml:9:14: error: a Deny statement cannot support guards: their conditions would narrow what it denies
            """),
        Case(name: "a guard turned on with no tags", template: head + """
            statements:
              - sid: Train
                actions: [sagemaker:CreateTrainingJob]
                resources: ["arn:${partition}:sagemaker:${region}:${account}:training-job/*"]
                guards: [tagged]
            """, persona: "capabilities:\n  - use: t\nguards:\n  tagged:\n    required: {}\n", stderr: """
            persona.yaml:12:15: error: parameter 'required' of guard 'tagged' needs at least one tag
                templates/guards/tagged.yaml:5:3: note: parameter 'required' (tags) is declared here
            """),
        Case(name: "not_actions in Allow", template: head + """
            statements:
              - sid: AllBut
                not_actions: [iam:*]
                resources: ["*"]
            """, stderr: """
            templates/t.yaml:6:5: error: 'not_actions' in an Allow statement grants every action not listed, across all of AWS; list the actions to allow
            """),
        Case(name: "PassRole without PassedToService", template: head + """
            parameters:
              roles:
                type: list<role-arn>
            statements:
              - sid: Pass
                actions: [iam:PassRole]
                resources:
                  - ${roles}
            """, stderr: """
            templates/t.yaml:8:10: error: statement 'Pass' allows iam:PassRole without limiting it to named services: add StringEquals on iam:PassedToService, such as sagemaker.amazonaws.com
            """),
        Case(name: "PassRole on a wildcard", template: head + """
            statements:
              - sid: Pass
                actions: [iam:Pass*]
                resources: ["arn:${partition}:iam::${account}:role/*"]
                conditions:
                  StringEquals:
                    iam:PassedToService: sagemaker.amazonaws.com
            """, stderr: """
            templates/t.yaml:7:18: error: iam:PassRole on 'arn:${partition}:iam::${account}:role/*' could pass any matching role; take role ARNs from a role-arn parameter
            """),
        Case(name: "hard-coded partition and wildcard account", template: head + """
            statements:
              - sid: Read
                actions: [s3:GetObject]
                resources: ["arn:aws:sagemaker:${region}:*:model/*"]
            """, stderr: """
            templates/t.yaml:7:18: error: the ARN hard-codes the partition 'aws'; write arn:${partition}:... so the template also works in aws-cn and aws-us-gov
            templates/t.yaml:7:18: error: the ARN has a wildcard account; write ${account} so access stays in the persona's account
            """),
        Case(name: "wildcard region", template: head + """
            statements:
              - sid: Read
                actions: [sagemaker:DescribeModel]
                resources:
                  - arn:${partition}:sagemaker:*:${account}:model/*
            """, stderr: """
            templates/t.yaml:8:9: error: the ARN has a wildcard region; write ${region} so access stays in the persona's regions
            """),
        Case(name: "unknown reference", template: head + """
            parameters:
              buckets:
                type: list<s3-bucket-name>
            statements:
              - sid: Read
                actions: [s3:GetObject]
                resources:
                  - arn:${partition}:s3:::${bucket}/*
            """, persona: "capabilities:\n  - use: t\n    with:\n      buckets: [a-b-c]\n", stderr: """
            templates/t.yaml:11:31: error: unknown reference '${bucket}'; did you mean '${buckets}'?
                note: template 't' can refer to buckets, partition, account, region, dns_suffix
            """),
        Case(name: "guard parameters without when_guard", template: head + """
            statements:
              - sid: Enis
                actions: [ec2:CreateNetworkInterface]
                resources:
                  - arn:${partition}:ec2:${region}:${account}:subnet/${guard.net.subnets}
            """, stderr: """
            templates/t.yaml:8:58: error: unknown reference '${guard.net.subnets}' (a statement can use a guard's parameters only with 'when_guard: NAME')
                note: template 't' can refer to partition, account, region, dns_suffix
            """),
        Case(name: "ambiguous guard form", template: head + """
            statements:
              - sid: Train
                actions: [sagemaker:CreateTrainingJob]
                resources: ["arn:${partition}:sagemaker:${region}:${account}:training-job/*"]
                guards: [net]
            """, stderr: """
            templates/t.yaml:8:14: error: guard 'net' has several forms; name one: net/sagemaker, net/ec2
            """),
        Case(name: "unknown guard form", template: head + """
            statements:
              - sid: Train
                actions: [sagemaker:CreateTrainingJob]
                resources: ["arn:${partition}:sagemaker:${region}:${account}:training-job/*"]
                guards: [net/sagemkaer]
            """, stderr: """
            templates/t.yaml:8:14: error: guard 'net' has no form 'sagemkaer'; did you mean 'sagemaker'?; its forms are sagemaker, ec2
            """),
        Case(name: "a guard that sets a condition the statement already sets", template: head + """
            statements:
              - sid: Train
                actions: [sagemaker:CreateTrainingJob]
                resources: ["arn:${partition}:sagemaker:${region}:${account}:training-job/*"]
                conditions:
                  ForAllValues:StringEquals:
                    sagemaker:VpcSubnets: [subnet-0000000a]
                guards: [net/sagemaker]
            """, persona: "capabilities:\n  - use: t\nguards:\n  net:\n    subnets: [subnet-0000000b]\n", stderr: """
            templates/guards/net.yaml:11:9: error: 'ForAllValues:StringEquals' on 'sagemaker:VpcSubnets' is set twice for one statement; IAM allows one entry per key, and merging the values would widen the condition
                templates/t.yaml:11:14: note: guard 'net' (form sagemaker) is applied to statement Train here
                persona.yaml:9:5: note: for capability 't'
                persona.yaml:11:3: note: the guard is turned on here
            """),
        Case(name: "a guard no statement of the capability supports", template: head + """
            statements:
              - sid: Read
                actions: [s3:GetObject]
                resources: ["arn:${partition}:s3:::b/*"]
            """, persona: "capabilities:\n  - use: t\n    guards:\n      net:\n        subnets: [subnet-0000000b]\n", stderr: """
            persona.yaml:11:7: error: capability 't' has no statement that supports guard 'net'
                note: guards it supports: none
            """),
        Case(name: "file name and template name differ", template: "template: other\nversion: 1\ndescription: Misnamed.\nstatements: []\n",
             stderr: """
            templates/t.yaml:1:11: error: template 'other' is in the file 't.yaml'; name the file after the template or the template after the file
            """),
        Case(name: "unknown parameter type and operator", template: head + """
            parameters:
              roles:
                type: rolearn
            statements:
              - sid: X
                actions: [s3:GetObject]
                resources: ["*"]
                conditions:
                  StringEqual:
                    s3:prefix: a
            """, stderr: """
            templates/t.yaml:6:11: error: unknown parameter type 'rolearn'; did you mean 'role-arn'?; types are string, boolean, integer, name, account-id, region, partition, arn, role-arn, kms-key-arn, s3-bucket-name, s3-prefix, subnet-id, security-group-id, vpc-id, ecr-repository-arn, saml-provider-arn, service-principal, list<TYPE> and tags
            templates/t.yaml:12:7: error: unknown condition operator 'StringEqual'; did you mean 'StringEquals'?
            """),
        Case(name: "a guard form whose list the persona left empty", template: head + """
            statements:
              - sid: Train
                actions: [sagemaker:CreateTrainingJob]
                resources: ["arn:${partition}:sagemaker:${region}:${account}:training-job/*"]
                guards: [keys/both]
            """, persona: """
            capabilities:
              - use: t
            guards:
              keys:
                volume: [arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab]
            """, stderr: """
            templates/guards/keys.yaml:16:9: error: condition 'ArnEquals' on 'sagemaker:OutputKmsKey' has no values once its lists are expanded ('${output}' is an empty list); a condition that lists nothing never matches, so give the list a value
                templates/t.yaml:8:14: note: guard 'keys' (form both) is applied to statement Train here
                persona.yaml:9:5: note: for capability 't'
                persona.yaml:11:3: note: the guard is turned on here
            """),
        Case(name: "a guard list parameter given no value", template: head + """
            statements:
              - sid: Train
                actions: [sagemaker:CreateTrainingJob]
                resources: ["arn:${partition}:sagemaker:${region}:${account}:training-job/*"]
                guards: [net/sagemaker]
            """, persona: "capabilities:\n  - use: t\nguards:\n  net:\n    subnets: []\n", stderr: """
            persona.yaml:12:14: error: parameter 'subnets' of guard 'net' needs at least one value
                templates/guards/net.yaml:5:3: note: parameter 'subnets' (list<subnet-id>) is declared here
            """),
        Case(name: "a deny in another partition", template: head + """
            statements:
              - sid: X
                actions: [s3:ListAllMyBuckets]
                resources: ["*"]
            """, persona: """
            capabilities:
              - use: t
            deny:
              - sid: NoData
                actions: [s3:GetObject]
                resources: ["arn:aws-cn:s3:::data/*"]
            """, stderr: """
            persona.yaml:11:5: error: 'arn:aws-cn:s3:::data/*' is in partition 'aws-cn', not the persona's 'aws'; write arn:${partition}:...
            """),
        Case(name: "an action the catalog does not have", template: head + """
            statements:
              - sid: Train
                actions: [sagemaker:CreateTrainingJobs, sagemkr:CreateModel, "sagemaker:Frobnicate*"]
                resources: ["arn:${partition}:sagemaker:${region}:${account}:training-job/*"]
            """, stderr: """
            templates/t.yaml:6:15: error: unknown action 'sagemaker:CreateTrainingJobs'; did you mean 'sagemaker:CreateTrainingJob'?
            templates/t.yaml:6:45: error: unknown service 'sagemkr' in action 'sagemkr:CreateModel'; did you mean 'sagemaker:CreateModel'?
            templates/t.yaml:6:66: error: 'sagemaker:Frobnicate*' matches no action of the catalog
            """),
        Case(name: "bucket actions on object ARNs (Role Manager's D7)", template: head + """
            statements:
              - sid: Acl
                actions: [s3:GetBucketAcl, s3:PutBucketAcl]
                resources:
                  - arn:${partition}:s3:::team-data/*
            """, stderr: """
            templates/t.yaml:8:9: error: none of the statement's resources is one s3:GetBucketAcl applies to: it takes 'accesspoint' or 'bucket' (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}, arn:${Partition}:s3:::${BucketName})
            templates/t.yaml:8:9: error: none of the statement's resources is one s3:PutBucketAcl applies to: it takes 'bucket' (arn:${Partition}:s3:::${BucketName})
            templates/t.yaml:8:9: error: 'arn:aws:s3:::team-data/*' is not a resource any action of statement 'Acl' applies to; check the resource type (a bucket is not an object, a model is not a model package)
            """),
        Case(name: "an action without resources on an ARN, and a scoped action on *", template: head + """
            statements:
              - sid: List
                actions: [s3:ListAllMyBuckets]
                resources:
                  - arn:${partition}:s3:::team-data
              - sid: Read
                actions: [s3:GetObject]
                resources: ["*"]
            """, stderr: """
            templates/t.yaml:8:9: error: s3:ListAllMyBuckets accepts no resource ARN, so on these resources it would never be allowed; put it in a statement of its own with Resource "*"
            templates/t.yaml:8:9: error: 'arn:aws:s3:::team-data' is not a resource any action of statement 'List' applies to; check the resource type (a bucket is not an object, a model is not a model package)
            templates/t.yaml:11:18: error: s3:GetObject supports resource-level permissions; give the ARNs it needs (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}, arn:${Partition}:s3:::${BucketName}/${ObjectName}) instead of "*"
            """),
        Case(name: "a condition key the action never sends (Role Manager's D13)", template: head + """
            statements:
              - sid: Transform
                actions: [sagemaker:CreateTransformJob, sagemaker:CreateTrainingJob]
                resources:
                  - arn:${partition}:sagemaker:${region}:${account}:transform-job/*
                  - arn:${partition}:sagemaker:${region}:${account}:training-job/*
                guards: [net/sagemaker]
            """, persona: "capabilities:\n  - use: t\nguards:\n  net:\n    subnets: [subnet-0000000a]\n", stderr: """
            templates/guards/net.yaml:11:9: error: condition key 'sagemaker:VpcSubnets' is not one 'sagemaker:CreateTransformJob' evaluates: the condition would be useless, or would make the action impossible; move it to a statement without it
                templates/t.yaml:10:14: note: guard 'net' (form sagemaker) is applied to statement Transform here
                persona.yaml:9:5: note: for capability 't'
                persona.yaml:11:3: note: the guard is turned on here
            """),
        Case(name: "a misspelt condition key gets the nearest key the action evaluates", template: head + """
            statements:
              - sid: Train
                actions: [sagemaker:CreateTrainingJob]
                resources:
                  - arn:${partition}:sagemaker:${region}:${account}:training-job/*
                conditions:
                  StringEquals:
                    sagemaker:VolumeKmsKy: arn:${partition}:kms:${region}:${account}:key/k
              - sid: Describe
                actions: [sagemaker:DescribeTrainingJob]
                resources:
                  - arn:${partition}:sagemaker:${region}:${account}:training-job/*
                conditions:
                  Bool:
                    aws:SecureTransprot: "true"
            """, stderr: """
            templates/t.yaml:11:9: error: condition key 'sagemaker:VolumeKmsKy' is not one 'sagemaker:CreateTrainingJob' evaluates: the condition would be useless, or would make the action impossible; move it to a statement without it; did you mean 'sagemaker:VolumeKmsKey'?
            templates/t.yaml:18:9: error: condition key 'aws:SecureTransprot' is not one 'sagemaker:DescribeTrainingJob' evaluates: the condition would be useless, or would make the action impossible; move it to a statement without it; did you mean 'aws:SecureTransport'?
            """),
        Case(name: "an optional resource type needs a reason for \"*\", a required one cannot have it", template: head + """
            statements:
              - sid: Detect
                actions: [comprehend:DetectEntities]
                resources: ["*"]
              - sid: Read
                actions: [sagemaker:DescribeTrainingJob]
                resources: ["*"]
                unscoped_reason: Describing needs no job.
              - sid: Misplaced
                actions: [s3:GetObject]
                resources: ["arn:${partition}:s3:::b/*"]
                unscoped_reason: Not a star.
            """, stderr: """
            templates/t.yaml:15:22: error: 'unscoped_reason' explains a Resource of "*"; this statement's resources are not just "*"
            """),
        Case(name: "unscoped_reason does not excuse a required resource type", template: head + """
            statements:
              - sid: Detect
                actions: [comprehend:DetectEntities]
                resources: ["*"]
              - sid: Read
                actions: [sagemaker:DescribeTrainingJob]
                resources: ["*"]
                unscoped_reason: Describing needs no job.
              - sid: Objects
                actions: [s3:GetObject]
                resources: ["*"]
                unscoped_reason: Several optional types mean one of them, not none.
            """, stderr: """
            templates/t.yaml:7:18: error: comprehend:DetectEntities supports resource-level permissions; give the ARNs it needs (arn:${Partition}:comprehend:${Region}:${Account}:entity-recognizer-endpoint/${EntityRecognizerEndpointName}) instead of "*"; if some of its calls name no resource (its one resource type is optional), say why with 'unscoped_reason'
            templates/t.yaml:10:18: error: sagemaker:DescribeTrainingJob supports resource-level permissions; give the ARNs it needs (arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}) instead of "*"
            templates/t.yaml:14:18: error: s3:GetObject supports resource-level permissions; give the ARNs it needs (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}, arn:${Partition}:s3:::${BucketName}/${ObjectName}) instead of "*"
            """),
        Case(name: "access selections that name nothing", template: head + """
            statements:
              - sid: A
                access: {service: sagemkr, levels: [Read]}
              - sid: B
                access: {service: sagemaker, levels: [Read], resource_type: trainingjob}
              - sid: D
                access:
                  service: sagemaker
                  levels: [Tagging]
                  resource_type: training-job
                  arn_names:
                    JobName: x
            """, stderr: """
            templates/t.yaml:6:23: error: unknown service 'sagemkr'; did you mean 'sagemaker'?
            templates/t.yaml:8:65: error: service 'sagemaker' has no resource type 'trainingjob'; did you mean 'training-job'?
            templates/t.yaml:15:9: error: the ARN of 'training-job' has no part 'JobName'; did you mean 'TrainingJobName'?; its parts are TrainingJobName
            """),
        Case(name: "an unknown access level", template: head + """
            statements:
              - sid: C
                access:
                  service: sagemaker
                  levels: [Reed]
            """, stderr: """
            templates/t.yaml:8:16: error: unknown access level 'Reed'; did you mean 'Read'?; levels are List, Read, Write, Tagging, Permissions management
            """),
        Case(name: "persona version pin", template: head + """
            statements:
              - sid: X
                actions: [s3:GetObject]
                resources: ["*"]
            """, persona: "capabilities:\n  - use: t\n    version: 2\n", stderr: """
            persona.yaml:10:14: error: the persona asks for version 2 of 't', but templates/t.yaml is version 1; review the template's changes and update 'version'
            """),
    ]

    /// A template-wide guard also named by a statement applies once, and never to a Deny.
    @Test func guardsApplyOnceAndNeverToDeny() {
        let fileSystem = InMemoryFileSystem([
            "templates/t.yaml": """
                template: t
                version: 1
                description: A test template.
                guards: [keys/both]
                statements:
                  - sid: Train
                    actions: [sagemaker:CreateTrainingJob]
                    resources: ["arn:${partition}:sagemaker:${region}:${account}:training-job/*"]
                    guards: [keys]
                  - sid: NoDelete
                    effect: Deny
                    actions: [sagemaker:DeleteModel]
                    resources: ["*"]
                """,
            "templates/guards/keys.yaml": Self.keysGuardFile,
            "persona.yaml": BadInputTests.header + """
                capabilities:
                  - use: t
                guards:
                  keys:
                    volume: [arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab]
                    output: [arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ac]
                """,
        ])
        let console = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["persona.yaml"], console: console, fileSystem: fileSystem) == 0, "\(console.errors)")
        #expect(console.output.components(separatedBy: "sagemaker:VolumeKmsKey").count == 2)
        #expect(console.output.contains("""
                  "Sid": "NoDelete",
                  "Effect": "Deny",
                  "Action": [
                    "sagemaker:DeleteModel"
                  ],
                  "Resource": [
                    "*"
                  ]
                }
            """))
    }

    @Test(arguments: cases)
    func refusesTheTemplate(_ testCase: Case) {
        let fileSystem = InMemoryFileSystem([
            "templates/t.yaml": testCase.template,
            "templates/guards/net.yaml": Self.guardFile,
            "templates/guards/keys.yaml": Self.keysGuardFile,
            "templates/guards/tagged.yaml": """
                guard: tagged
                version: 1
                description: Tags.
                parameters:
                  required:
                    type: tags
                forms:
                  on-create:
                    conditions:
                      StringEquals:
                        aws:RequestTag/${required}: ${required}
                """,
            "persona.yaml": BadInputTests.header + testCase.persona,
        ])
        let console = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["persona.yaml"], console: console, fileSystem: fileSystem) == 2)
        #expect(console.output.isEmpty)
        let body = console.errors.split(separator: "\n").dropLast().joined(separator: "\n")
        #expect(body == testCase.stderr)
    }
}

/// Includes that fan out exponentially stop at a limit instead of running for hours.
@Suite struct IncludeFanOutTests {
    @Test func aTemplateTreeThatDoublesAtEveryLevelStops() {
        var files: [String: String] = ["persona.yaml": BadInputTests.header + "capabilities:\n  - use: level-0\n"]
        for level in 0..<24 {
            files["templates/level-\(level).yaml"] = """
                template: level-\(level)
                version: 1
                description: Includes the next level twice.
                include: [level-\(level + 1), level-\(level + 1)]
                """
        }
        files["templates/level-24.yaml"] = """
            template: level-24
            version: 1
            description: A leaf.
            statements:
              - sid: Leaf
                actions: [s3:GetObject]
                resources: ["*"]
            """
        let console = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["persona.yaml"], console: console, fileSystem: InMemoryFileSystem(files)) == 2)
        #expect(console.errors.hasPrefix(
            "persona.yaml:9:5: error: capability 'level-0' expands more than 1000 templates through its includes; include each template once\n"))
    }
}
