import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// Every kind of bad input the generator meets gets exit code 2, a message at its file, line and
/// column, and no output file. Each case states its inputs and the exact text a user reads.
@Suite struct BadInputTests {
    static let library: [String: String] = [
        "templates/read.yaml": """
            template: read
            version: 1
            description: Read objects of buckets.
            parameters:
              buckets:
                type: list<s3-bucket-name>
                description: Buckets to read.
            statements:
              - sid: Read
                actions: [s3:GetObject]
                resources:
                  - arn:${partition}:s3:::${buckets}/*
            """,
        "templates/jobs.yaml": """
            template: jobs
            version: 1
            description: Training jobs.
            parameters:
              account_id:
                type: account-id
                default: "111122223333"
              key:
                type: kms-key-arn
                default: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
            statements:
              - sid: Train
                actions: [sagemaker:CreateTrainingJob]
                resources:
                  - arn:${partition}:sagemaker:${region}:${account}:training-job/*
                guards: [net]
            """,
        "templates/loop-a.yaml": """
            template: loop-a
            version: 1
            description: Includes loop-b.
            include: [loop-b]
            """,
        "templates/loop-b.yaml": """
            template: loop-b
            version: 1
            description: Includes loop-a.
            include: [loop-a]
            """,
        "templates/guards/net.yaml": """
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
            """,
    ]

    static let header = """
        persona: p
        principal:
          kind: service
          services: [sagemaker.amazonaws.com]
        context:
          account: "111122223333"
          region: us-east-1

        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String] = [:]
        var bytes: [String: [UInt8]] = [:]
        var arguments = ["persona.yaml"]
        var stderr: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty file", files: ["persona.yaml": ""], stderr: """
            persona.yaml:1:1: error: the file is empty
            """),
        Case(name: "not YAML", files: ["persona.yaml": "persona: p\n  capabilities: [\n"], stderr: """
            persona.yaml:2:15: error: invalid YAML: mapping values are not allowed in this context; quote values that contain ': ', or check the indentation
            """),
        Case(name: "duplicate key", files: ["persona.yaml": header + "capabilities: []\ncapabilities: []\n"], stderr: """
            persona.yaml:9:1: error: key 'capabilities' appears twice in the same mapping; remove or rename one
                persona.yaml:8:1: note: first defined here
            """),
        Case(name: "unknown top-level key", files: ["persona.yaml": header + "capabilites:\n  - use: read\n"], stderr: """
            persona.yaml:8:1: error: unknown key 'capabilites' in a persona; did you mean 'capabilities'?
                note: allowed keys: persona, description, extends, principal, context, values, capabilities, guards, deny, tags, expect, role, created_roles_boundary
            """),
        Case(name: "unknown template", files: ["persona.yaml": header + "capabilities:\n  - use: raed\n"], stderr: """
            persona.yaml:9:10: error: unknown template 'raed'; did you mean 'read'?
                note: searched templates; add a directory with --templates DIR
            """),
        Case(name: "template include cycle", files: ["persona.yaml": header + "capabilities:\n  - use: loop-a\n"], stderr: """
            templates/loop-b.yaml:4:11: error: templates include each other in a cycle: loop-a → loop-b → loop-a
            """),
        Case(name: "missing required parameter", files: ["persona.yaml": header + "capabilities:\n  - use: read\n"], stderr: """
            persona.yaml:9:5: error: template 'read' needs parameter 'buckets' (list<s3-bucket-name>): Buckets to read; add it under 'with:'
                templates/read.yaml:5:3: note: parameter 'buckets' (list<s3-bucket-name>) is declared here
            """),
        Case(name: "misspelt parameter", files: ["persona.yaml": header + "capabilities:\n  - use: read\n    with:\n      bucket: [a-bucket]\n"],
             stderr: """
            persona.yaml:9:5: error: template 'read' needs parameter 'buckets' (list<s3-bucket-name>): Buckets to read; add it under 'with:'
                templates/read.yaml:5:3: note: parameter 'buckets' (list<s3-bucket-name>) is declared here
            persona.yaml:11:7: error: template 'read' has no parameter 'bucket'; did you mean 'buckets'?
                note: its parameters are buckets
            """),
        Case(name: "account id of five digits",
             files: ["persona.yaml": header.replacingOccurrences("\"111122223333\"", "12345") + "capabilities:\n  - use: read\n"],
             stderr: """
            persona.yaml:6:12: error: '12345' is not an AWS account id: expected exactly 12 digits, found 5; if the id starts with zeros, quote it in YAML ("0...") so the zeros are kept
            """),
        Case(name: "KMS key id where an ARN is required",
             files: ["persona.yaml": header + "capabilities:\n  - use: jobs\n    with:\n      key: 1234abcd-12ab-34cd-56ef-1234567890ab\n"],
             stderr: """
            persona.yaml:11:12: error: '1234abcd-12ab-34cd-56ef-1234567890ab' is a KMS key id, but a key ARN is required: IAM resources and conditions such as sagemaker:VolumeKmsKey compare full ARNs; write 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'
                templates/jobs.yaml:8:3: note: parameter 'key' (kms-key-arn) is declared here
            """),
        Case(name: "bucket name with upper case",
             files: ["persona.yaml": header + "capabilities:\n  - use: read\n    with:\n      buckets:\n        - Team-Data\n"],
             stderr: """
            persona.yaml:12:11: error: 'Team-Data' is not a valid S3 bucket name: bucket names cannot contain upper-case letters; did you mean 'team-data'?
                templates/read.yaml:5:3: note: parameter 'buckets' (list<s3-bucket-name>) is declared here
            """),
        Case(name: "unknown guard", files: ["persona.yaml": header + "capabilities:\n  - use: jobs\nguards:\n  nett:\n    subnets: [subnet-0000000a]\n"],
             stderr: """
            persona.yaml:11:3: error: unknown guard 'nett'; did you mean 'net'?
                note: searched templates; add a directory with --templates DIR
            """),
        Case(name: "extends cycle", files: [
            "persona.yaml": header + "extends: other\n",
            "other.yaml": "persona: other\nextends: persona\n",
        ], stderr: """
            other.yaml:2:10: error: persona 'extends' forms a cycle: p → other → p
            """),
        Case(name: "YAML alias bomb", files: ["persona.yaml": header + """
            values:
              a: &a [x, x, x, x, x, x, x, x, x, x]
              b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
              c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
              d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
              e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
              f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            """], stderr: """
            persona.yaml:9:37: error: the document holds more than 100000 values, counting each one an alias (*name) repeats; rolegen stops here rather than exhaust memory: split the file, or repeat smaller anchors
            """),
        Case(name: "directory where a file is expected", files: ["persona.yaml": header, "team/values.yaml": "region: eu-west-1\n"],
             arguments: ["persona.yaml", "--values", "team"], stderr: """
            team: error: cannot read the file: it is a directory, not a file
            """),
        Case(name: "a path through a file", files: ["personas/x.yaml": header], arguments: ["personas/x.yaml/y.yaml"], stderr: """
            personas/x.yaml/y.yaml: error: cannot read the file: a part of the path is a file, not a directory
            """),
        Case(name: "non-UTF-8 bytes", bytes: ["persona.yaml": Array("persona: caf".utf8) + [0xE9] + Array("\n".utf8)], stderr: """
            persona.yaml:1:13: error: the file is not valid UTF-8: byte 0xE9 cannot start or continue a character here
            """),
        Case(name: "missing file", arguments: ["nowhere.yaml"], stderr: """
            nowhere.yaml: error: cannot read the file: no such file or directory
            """),
        Case(name: "unknown --set value", files: ["persona.yaml": header + "capabilities:\n  - use: jobs\n"],
             arguments: ["persona.yaml", "--set", "acount=1"], stderr: """
            --set acount: error: persona 'p' has no value 'acount'; did you mean 'account'?
                note: its values are none, besides partition, account, region, regions
            """),
        Case(name: "missing required value with a misspelling in the values file", files: [
            "persona.yaml": "persona: p\nprincipal:\n  kind: service\n  services: [sagemaker.amazonaws.com]\nvalues:\n  account: ~\n  region: us-east-1\n"
                + "capabilities:\n  - use: read\n    with:\n      buckets: [data]\n",
            "values.yaml": "acount: \"111122223333\"\n",
        ], arguments: ["persona.yaml", "--values", "values.yaml"], stderr: """
            persona.yaml:6:3: error: value 'account' is required but was not given; set it in a values file (--values FILE) or with --set account=...; did you mean to write 'account' where 'acount' is given?
                values.yaml:1:1: note: 'acount' is given here
            """),
        Case(name: "a template directory that does not exist", files: ["persona.yaml": header],
             arguments: ["persona.yaml", "--templates", "my-templates"], stderr: """
            my-templates: error: --templates names no such directory
            """),
        Case(name: "values and context that disagree", files: [
            "persona.yaml": header + "values:\n  account: \"222233334444\"\ncapabilities:\n  - use: read\n    with:\n      buckets: [data]\n",
        ], stderr: """
            persona.yaml:9:13: error: value 'account' says '222233334444' but the persona's context says '111122223333'; remove one or make them agree
                persona.yaml:6:13: note: the context is set here
            """),
        Case(name: "several personas to standard output", files: ["a.yaml": header, "b.yaml": header],
             arguments: ["a.yaml", "b.yaml"], stderr: """
            error: 2 personas given; standard output takes one policy, so write several with --output DIR
            """),
    ]

    @Test(arguments: cases)
    func reportsAndExitsWithTwo(_ testCase: Case) {
        let fileSystem = InMemoryFileSystem(Self.library.merging(testCase.files) { $1 })
        for (path, bytes) in testCase.bytes { fileSystem.add(path, bytes) }
        if testCase.name == "a path through a file" {
            // What the operating system answers (ENOTDIR); the in-memory file system only knows paths.
            fileSystem.unreadable["personas/x.yaml/y.yaml"] = .notDirectory
        }
        let console = CapturingConsole()
        let status = RolegenCommand.run(arguments: testCase.arguments, console: console, fileSystem: fileSystem)
        #expect(status == 2)
        #expect(console.output.isEmpty)
        let summary = console.errors.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasPrefix("rolegen: ") && summary.hasSuffix("; nothing was written"))
        let body = console.errors.split(separator: "\n").dropLast().joined(separator: "\n")
        #expect(body == testCase.stderr)
    }

    @Test func unreadableFile() {
        let fileSystem = InMemoryFileSystem(Self.library.merging(["persona.yaml": Self.header]) { $1 })
        fileSystem.unreadable["persona.yaml"] = .permissionDenied
        let console = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["persona.yaml"], console: console, fileSystem: fileSystem) == 2)
        #expect(console.errors.hasPrefix("persona.yaml: error: cannot read the file: permission denied\n"))
    }

    @Test func fileTooLarge() {
        let fileSystem = InMemoryFileSystem(Self.library)
        fileSystem.add("persona.yaml", [UInt8](repeating: 0x20, count: Limits.standard.maxYAMLFileBytes + 1))
        let console = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["persona.yaml"], console: console, fileSystem: fileSystem) == 2)
        #expect(console.errors.hasPrefix(
            "persona.yaml: error: cannot read the file: the file is 4194305 bytes (4 MiB), larger than the 4 MiB rolegen reads\n"))
    }
}
