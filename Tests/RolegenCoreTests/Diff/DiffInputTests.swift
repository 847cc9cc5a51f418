import RolegenCore
import RolegenTestSupport
import Testing

/// Diff inputs: every format read, validation messages, the structural view.
@Suite struct DiffInputTests {
    private let statement = #"{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#

    private func load(_ files: [String: String], _ path: String, role: String? = nil) throws -> (DiffInput?, [Diagnostic]) {
        let catalog = try #require(TestCatalog.bundled)
        let sink = DiagnosticSink()
        let input = DiffInputLoader(fileSystem: InMemoryFileSystem(files), catalog: catalog, role: role).load(path, sink: sink)
        return (input, sink.diagnostics)
    }

    @Test func readsPoliciesInJSONAndYAML() throws {
        let (json, _) = try load(["p.json": "{\"Version\":\"2012-10-17\",\"Statement\":[\(statement)]}"], "p.json")
        #expect(json?.policies.first?.statements.count == 1)
        let yaml = "Version: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Action: s3:GetObject\n    Resource: '*'\n"
        let (parsed, diagnostics) = try load(["p.yaml": yaml], "p.yaml")
        #expect(diagnostics.isEmpty)
        #expect(parsed?.policies.first?.statements.first?.effect == .allow)
    }

    @Test func readsGetPolicyVersionOutput() throws {
        let text = "{\"PolicyVersion\":{\"Document\":{\"Version\":\"2012-10-17\",\"Statement\":[\(statement)]},\"VersionId\":\"v3\"}}"
        let (input, _) = try load(["v.json": text], "v.json")
        #expect(input?.policies.first?.statements.first?.sid == "Read")
    }

    @Test func rejectsWhatIAMWouldReject() throws {
        let both = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","NotAction":"s3:PutObject","Resource":"*"}]}"#
        let (input, diagnostics) = try load(["bad.json": both], "bad.json")
        #expect(input == nil)
        #expect(diagnostics.map(\.message) == ["IAM rejects this identity policy: Syntax errors in policy."])
        #expect(diagnostics.first?.id == .policyRejected)
        #expect(diagnostics.first?.location?.line != nil)
        let (_, version) = try load(["v.json": "{\"Version\":\"2008-10-17\",\"Statement\":[\(statement)]}"], "v.json")
        #expect(version.map(\.message) == ["IAM rejects this identity policy: Policy document must be version 2012-10-17 or greater."])
        let (_, principal) = try load(["p.json": #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Principal":"*"}]}"#], "p.json")
        #expect(principal.map(\.message) == ["IAM rejects this identity policy: Policy document should not specify a principal."])
    }

    @Test func unknownFilesAreInputErrors() throws {
        let (input, diagnostics) = try load(["x.json": #"{"hello":1}"#], "x.json")
        #expect(input == nil)
        #expect(diagnostics.first?.id == .diffInput)
        let (_, missing) = try load([:], "nowhere.json")
        #expect(missing.first?.id == .fileNotFound)
    }

    @Test func structuralViewMatchesBySidThenContent() {
        let old = DiffFixture.policy(#"{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}"#, name: "old")
        let new = DiffFixture.policy(#"{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}"#, name: "new")
        let structural = StructuralDiff(old: [old], new: [new])
        #expect(structural.changed.count == 1)
        #expect(structural.changed.first?.actionsAdded == ["s3:PutObject"])
        #expect(structural.changed.first?.conditionsAdded == ["Bool aws:SecureTransport [true]"])
        #expect(structural.removed.map(\.index) == [2])
        #expect(structural.added.isEmpty)
        #expect(structural.unchangedCount == 1)
    }
}
