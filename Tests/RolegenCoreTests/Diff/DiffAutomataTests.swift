@testable import RolegenCore
import RolegenTestSupport
import Testing

/// The resource automata (§4.5): language equality and inclusion decided on automata, never by
/// aligning patterns; complements (NotResource) and ⊤.
@Suite struct DiffAutomataTests {
    /// Membership vectors of two patterns under D over the compressed alphabet.
    private func vectors(_ first: String, _ second: String, semantics: ResourceSemantics = .standard) -> Set<[Bool]> {
        let globs = [first, second].map { GlobCompiler.resource(DiffTokenizer.tokens($0, variables: true), semantics: semantics) }
        var characters: Set<Unicode.Scalar> = []
        for glob in globs.flatMap({ $0 }) { characters.formUnion(SymbolAlphabet.characters(of: glob)) }
        let automaton = GlobAutomaton(alphabet: SymbolAlphabet(characters: characters, variables: []), components: globs)
        let outcome = MembershipSearch(automaton: automaton, tracked: [0, 1], required: [], needed: [], budget: 10_000).run()
        return Set(outcome.regions.map { region in [region.membership.contains(0), region.membership.contains(1)] })
    }

    @Test func fooQuestionStarBarEqualsFooStarQuestionBar() {
        // The AWS-style benchmark: equal languages, though neither pattern aligns with the other.
        #expect(!vectors("arn:aws:s3:::foo?*bar", "arn:aws:s3:::foo*?bar").contains([true, false]))
        #expect(!vectors("arn:aws:s3:::foo?*bar", "arn:aws:s3:::foo*?bar").contains([false, true]))
    }

    /// d2 reads formats as the linter does (I-D): a placeholder the service's other formats
    /// extend with `/` or `:` holds neither, so a bucket ARN is never an object's.
    @Test func placeholdersExtendedBySiblingsStopThere() {
        let s3 = ["arn:${Partition}:s3:::${BucketName}", "arn:${Partition}:s3:::${BucketName}/${ObjectName}"]
        let bucket = CompiledGlob(elements: GlobCompiler.template(s3[0], siblings: s3))
        #expect(bucket.matches("arn:aws:s3:::ml-data"))
        #expect(!bucket.matches("arn:aws:s3:::ml-data/"))
        #expect(!bucket.matches("arn:aws:s3:::ml-data/key"))
        let object = CompiledGlob(elements: GlobCompiler.template(s3[1], siblings: s3))
        #expect(object.matches("arn:aws:s3:::ml-data/a/b.csv"))
        // The bucket placeholder is followed by `/`, so the first `/` ends the bucket name.
        #expect(object.matches("arn:aws:s3:::ml-data/a/b/c"))
        let logs = ["arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}",
                    "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}"]
        let group = CompiledGlob(elements: GlobCompiler.template(logs[0], siblings: logs))
        #expect(group.matches("arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs"))
        #expect(!group.matches("arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s"))
        // Without siblings a placeholder at the end stays open.
        #expect(CompiledGlob(elements: GlobCompiler.template(s3[0])).matches("arn:aws:s3:::ml-data/key"))
    }

    @Test func inclusionIsOneWay() {
        let found = vectors("arn:aws:sqs:us-east-1:1:ab*b*b*b", "arn:aws:sqs:us-east-1:1:a*b*b*b")
        #expect(!found.contains([true, false]))
        #expect(found.contains([false, true]))
    }

    @Test func colonsStayInsideFieldsUnderD() {
        // D: a `*` inside the region field does not cross ':'; one that ends its field does.
        let inner = vectors("arn:aws:ec2:us-*-1:1:x", "arn:aws:ec2:us-a:b-1:1:x")
        #expect(inner.contains([false, true]))
        #expect(!inner.contains([true, true]))
        let trailing = vectors("arn:aws:sqs:*", "arn:aws:sqs:us-east-1:1:q")
        #expect(trailing.contains([true, true]))
        #expect(!trailing.contains([false, true]))
    }

    @Test func strictAndLooseBoundTheStandardReading() {
        // R06: `b/*/report.csv` and a key with a colon: D and U match, L does not.
        let resource = "arn:aws:s3:::b/data:2024/report.csv"
        let match = { (semantics: ResourceSemantics) in
            GlobCompiler.resource(DiffTokenizer.tokens("arn:aws:s3:::b/*/report.csv", variables: true), semantics: semantics)
                .contains { CompiledGlob(elements: $0).matches(resource) }
        }
        #expect(match(.standard))
        #expect(!match(.strict))
        #expect(match(.loose))
    }

    @Test func notResourceIsTheComplementAndIncludesTop() throws {
        let everything = DiffFixture.allow("s3:*", "*")
        let notPayroll = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::HRBucket/*\"}"
        // NotResource grants ⊤ (s3:ListAllMyBuckets) and other buckets; `*` covers all of it.
        let narrower = try DiffFixture.newAccess(everything, notPayroll)
        #expect(narrower.verdict == .pass)
        let wider = try DiffFixture.newAccess(notPayroll, everything)
        #expect(wider.verdict == .fail)
        #expect(wider.findings.first?.resource.description.hasPrefix("arn:aws:s3:::HRBucket/") == true)
        DiffFixture.expectVerified(wider, reference: notPayroll, candidate: everything)
    }

    @Test("I-D: an ARN-shaped pattern does not match ⊤ (§3.2.4)") func arnShapedPatternsDoNotMatchTop() throws {
        // s3:ListAllMyBuckets takes only ⊤: `arn:aws:s3:::*` never grants it (§3.2.4, I-D).
        let result = try DiffFixture.newAccess(DiffFixture.allow("s3:ListAllMyBuckets", "arn:aws:s3:::*"),
                                               DiffFixture.allow("s3:ListAllMyBuckets", "*"))
        #expect(result.verdict == .fail)
        #expect(result.findings.first?.resource == .top)
    }

    @Test func variablesAreSymbolsAbsorbedOnlyByUnrestrictedStars() throws {
        let own = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*")
        let any = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::b/*")
        #expect(try DiffFixture.newAccess(any, own).verdict == .pass)
        let more = try DiffFixture.newAccess(own, any)
        #expect(more.verdict == .fail)
        DiffFixture.expectVerified(more, reference: own, candidate: any)
        // `?` cannot absorb a variable's value: B may grant longer names than A's single character.
        let single = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::b/?/*")
        #expect(try DiffFixture.newAccess(single, own).verdict != .pass)
    }

    @Test func variablesInVersion2008AreLiteralText() throws {
        let old = DiffFixture.policy(DiffFixture.allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*"), name: "A", version: "2008-10-17")
        let new = DiffFixture.policy(DiffFixture.allow("s3:GetObject", "arn:aws:s3:::b/*"), name: "B")
        let result = try SemanticDiff(catalog: TestCatalog.bundled).newAccess(reference: [old], candidate: [new])
        #expect(result.verdict == .fail)
    }

    @Test func notActionOnARNsOfSeveralServices() throws {
        let bucketsB = #"{"Effect":"Allow","NotAction":"iam:*","Resource":"arn:aws:s3:::b*"}"#
        let bucketsAndInstances = #"{"Effect":"Allow","NotAction":"iam:*","Resource":["arn:aws:s3:::*","arn:aws:ec2:*:*:instance/*"]}"#
        #expect(try DiffFixture.newAccess(bucketsAndInstances, bucketsB).verdict == .pass)
        var all = DiffOptions()
        all.all = true
        let result = try DiffFixture.newAccess(bucketsB, bucketsAndInstances, options: all)
        #expect(result.verdict == .fail)
        DiffFixture.expectVerified(result, reference: bucketsB, candidate: bucketsAndInstances)
        // Witnesses stay inside each action's catalog formats (d2): S3 actions on S3 ARNs, EC2 on instances.
        let verified = result.findings.filter(\.verified)
        #expect(verified.contains { $0.action.hasPrefix("ec2:") && $0.resource.description.contains(":instance/") })
        #expect(verified.allSatisfy { finding in
            !finding.action.hasPrefix("ec2:") || !finding.resource.description.hasPrefix("arn:aws:s3:")
        })
    }

    @Test func tokenizerReadsSpecialVariablesAndDefaults() {
        #expect(DiffTokenizer.tokens("a${*}b${?}${$}", variables: true) == [.character("a"), .character("*"), .character("b"), .character("?"), .character("$")])
        #expect(DiffTokenizer.tokens("${aws:PrincipalTag/team, 'all'}", variables: true) == [.variable(key: "aws:principaltag/team", defaultValue: "all")])
        #expect(DiffTokenizer.tokens("${x", variables: true).count == 3)
        #expect(DiffTokenizer.tokens("${x}", variables: false).count == 4)
    }
}
