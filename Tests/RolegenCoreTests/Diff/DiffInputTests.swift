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
        let text = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","NotAction":"s3:PutObject","Resource":"*",
            "Principal":"*","Condition":{"StringEqual":{"a:b":"c"}}}]}
            """
        let (input, diagnostics) = try load(["bad.json": text], "bad.json")
        #expect(input == nil)
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("statement 1 has both Action and NotAction; keep one"))
        #expect(messages.contains("statement 1: an identity policy does not name a Principal"))
        #expect(messages.contains { $0.hasPrefix("statement 1: unknown condition operator 'StringEqual'; did you mean") })
        #expect(diagnostics.allSatisfy { $0.location?.line != nil })
        let (_, noStatement) = try load(["e.json": #"{"Version":"2012-10-17"}"#], "e.json")
        #expect(noStatement.map(\.message) == ["the policy has no Statement"])
        let (_, version) = try load(["v.json": "{\"Version\":\"2013-10-17\",\"Statement\":[\(statement)]}"], "v.json")
        #expect(version.map(\.message) == ["Version must be \"2012-10-17\""])
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
