import Testing
import RolegenTestSupport
@testable import RolegenCore

/// The statement-level shortcut before the search: a candidate Allow inside one reference Allow
/// is dropped only when that is sound — conditions a subset, resources included, the reference's
/// Denies matched by the candidate's — and the verdicts stay exact either way.
@Suite struct StatementCoverageTests {
    private let options = DiffOptions()

    @Test func aCoveredStatementNeedsNoSearch() throws {
        // A search budget of zero states: any search would exhaust it and answer UNKNOWN.
        var noSearch = options
        noSearch.productStateBudget = 0
        noSearch.searchNodeBudget = 0
        let wide = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::data-*/*")
        let narrow = DiffFixture.allow("s3:GetObject", #"["arn:aws:s3:::data-raw/*","arn:aws:s3:::data-?/x*"]"#,
                                       condition: #"{"Bool":{"aws:SecureTransport":"true"}}"#)
        #expect(try DiffFixture.newAccess(wide, narrow, options: noSearch).verdict == .pass)
        let denied = wide + "," + DiffFixture.deny("s3:GetObject", "arn:aws:s3:::data-raw/secret*")
        #expect(try DiffFixture.newAccess(denied, denied, options: noSearch).verdict == .pass)
        let notResource = #"{"Effect":"Allow","Action":"s3:GetObject","NotResource":["arn:aws:s3:::data-*"]}"#
        let narrowerNot = #"{"Effect":"Allow","Action":"s3:GetObject","NotResource":["arn:aws:s3:::data-*","arn:aws:s3:::x"]}"#
        #expect(try DiffFixture.newAccess(notResource, narrowerNot, options: noSearch).verdict == .pass)
    }

    @Test func aMissingConditionIsNewAccess() throws {
        let guarded = DiffFixture.allow("s3:GetObject", "*", condition: #"{"Bool":{"aws:SecureTransport":"true"}}"#)
        let open = DiffFixture.allow("s3:GetObject", "*")
        let result = try DiffFixture.newAccess(guarded, open)
        #expect(result.verdict == .fail)
        DiffFixture.expectVerified(result, reference: guarded, candidate: open)
    }

    @Test func aDenyOnlyTheReferenceHasKeepsTheSearch() throws {
        let allow = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::data/*")
        let reference = allow + "," + DiffFixture.deny("s3:GetObject", "arn:aws:s3:::data/secret*")
        let result = try DiffFixture.newAccess(reference, allow)
        #expect(result.verdict == .fail)
        #expect(result.findings.first?.resource.description.hasPrefix("arn:aws:s3:::data/secret") == true)
        DiffFixture.expectVerified(result, reference: reference, candidate: allow)
        // The candidate's Deny must apply at least as widely as the reference's.
        let narrowerDeny = allow + "," + DiffFixture.deny("s3:GetObject", "arn:aws:s3:::data/secret-x*")
        let narrower = try DiffFixture.newAccess(reference, narrowerDeny)
        #expect(narrower.verdict == .fail)
        DiffFixture.expectVerified(narrower, reference: reference, candidate: narrowerDeny)
    }

    @Test func widerResourcesAreNewAccess() throws {
        let reference = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::data-*/*")
        // `?` stands for any fourth letter: `datx-…` is B's alone.
        let candidate = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::dat?-*/*")
        let result = try DiffFixture.newAccess(reference, candidate)
        #expect(result.verdict == .fail)
        DiffFixture.expectVerified(result, reference: reference, candidate: candidate)
    }

    @Test func conditionsFromAnotherPolicyVersionAreNotTakenAsEqual() throws {
        let condition = #"{"StringEquals":{"aws:PrincipalTag/team":"${aws:username}"}}"#
        let old = DiffFixture.policy(DiffFixture.allow("s3:GetObject", "*", condition: condition), name: "A", version: "2008-10-17")
        let new = DiffFixture.policy(DiffFixture.allow("s3:GetObject", "*", condition: condition), name: "B")
        let result = try SemanticDiff(catalog: TestCatalog.bundled, options: options).newAccess(reference: [old], candidate: [new])
        #expect(result.verdict != .pass)
    }
}
