import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCore

/// The specification's validation vectors (§5.5): IAM's first error, in IAM's words.
@Suite struct IAMValidatorTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        let id: String
        let profile: String
        let document: String
        let valid: Bool
        let error: String?
        let implementationDefined: Bool

        var testDescription: String { implementationDefined ? "\(id) (I-D)" : id }
    }

    static let vectors: [Vector] = {
        let path = Repository.path("Tests/RolegenCoreTests/Fixtures/semantics/validation.json")
        guard let data = FileManager.default.contents(atPath: path),
              let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return rows.map { row in
            let expected = row["expected"] as? [String: Any] ?? [:]
            return Vector(id: row["id"] as? String ?? "?", profile: row["profile"] as? String ?? "identity",
                          document: row["documentText"] as? String ?? "", valid: expected["valid"] as? Bool ?? false,
                          error: expected["error"] as? String, implementationDefined: row["implementationDefined"] as? Bool ?? false)
        }
    }()

    @Test func theVectorsAreThere() {
        #expect(Self.vectors.count == 28)
    }

    @Test(arguments: vectors)
    func vector(_ vector: Vector) throws {
        let profile = try #require(IAMValidator.Profile(rawValue: vector.profile))
        let rejection = IAMValidator(profile: profile).validate(Array(vector.document.utf8), path: "policy.json")
        if vector.valid {
            #expect(rejection == nil, "\(vector.id): \(rejection?.message ?? "")")
        } else {
            #expect(rejection?.message == vector.error, "\(vector.id)")
        }
    }

    @Test func theRejectionPointsAtTheOffendingValue() throws {
        let text = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "not an arn"}]
            }
            """
        let rejection = try #require(IAMValidator(profile: .identity).validate(Array(text.utf8), path: "p.json"))
        #expect(rejection.description == #"p.json:3:75: IAM rejects this policy: Resource not an arn must be in ARN format or "*"."#)
    }

    @Test func trustPoliciesNeedPrincipalsAndNoResource() {
        let validator = IAMValidator(profile: .trust)
        let withResource = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}}"#
        #expect(validator.validate(Array(withResource.utf8), path: "t.json")?.message == "Has prohibited field Resource.")
        let otherAction = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"s3:GetObject"}}"#
        #expect(validator.validate(Array(otherAction.utf8), path: "t.json")?.message
                == "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity")
        let good = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}}"#
        #expect(validator.validate(Array(good.utf8), path: "t.json") == nil)
    }

    @Test func duplicateMembersAreSyntaxErrors() {
        let text = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Action":"s3:PutObject","Resource":"*"}}"#
        #expect(IAMValidator(profile: .identity).validate(Array(text.utf8), path: "p.json")?.message == "Syntax errors in policy.")
    }

    /// Resources AWS's own managed policies use (IAMAuditRootUserCredentials,
    /// SageMakerStudioProjectRoleMachineLearningPolicy), beyond the spec's list; the spec's
    /// rejections around them still hold.
    @Test(arguments: [
        ("arn:aws:iam::*:root", nil),
        ("arn:aws:s3:*:*:access-grants/default/*", nil),
        ("arn:aws:s3:us-east-1:111122223333:job/*", nil),
        ("arn:aws:s3:us-east-1:111122223333:storage-lens/x", nil),
        ("arn:aws:iam::*:rootx", "IAM resource path must either be \"*\" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/."),
        ("arn:aws:s3:us-east-1::bucket/jobs", "Resource arn:aws:s3:us-east-1::bucket/jobs can not contain region information."),
    ] as [(String, String?)])
    func resourcesAWSDeploys(_ resource: String, _ error: String?) {
        let text = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"\#(resource)"}}"#
        #expect(IAMValidator(profile: .identity).validate(Array(text.utf8), path: "p.json")?.message == error)
    }

    @Test(arguments: [
        ("ForAnyValue::StringEquals", false), ("ForAnyValue:StringLikeIfExists", true), ("NullIfExists", false),
        ("stringequals", false), ("DateGreaterThanEquals", true), ("ForAllValues:ArnNotLike", true),
    ])
    func operatorNames(_ name: String, _ known: Bool) {
        #expect((ConditionOperator(name) != nil) == known)
    }

    @Test(arguments: [
        ("2026-01-01", true), ("2026-01-01T12:00:00Z", true), ("2026-01-01T12:00:00.123456789+02:00", true), ("1700000000", true),
        ("2026-01-01T12:00:00.1234567891Z", false), ("sdfdsf", false), ("2026/01/01", false), ("", false),
    ])
    func dateLiterals(_ text: String, _ accepted: Bool) {
        #expect((Instant(text) != nil) == accepted)
    }
}
