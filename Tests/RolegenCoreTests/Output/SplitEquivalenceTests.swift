import Testing
import RolegenTestSupport
@testable import RolegenCore

/// A persona far larger than one managed policy (400 buckets) is split into several managed
/// policies, each within IAM's 6,144 characters, and the split policies together grant exactly
/// what the unsplit document grants: the same decision for every request that names an action
/// and a resource of the statements, and for requests that match none of them.
@Suite struct SplitEquivalenceTests {
    static let fixture = Repository.path("Tests/RolegenCoreTests/Fixtures/generate/huge-buckets")

    private func hugeBundle() throws -> RoleBundle {
        let catalog = try #require(TestCatalog.bundled)
        let fileSystem = RootedFileSystem(root: Self.fixture)
        let sink = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: ["values.yaml"], assignments: [], loader: YAMLFileLoader(fileSystem: fileSystem), sink: sink)
        return try #require(Generator(fileSystem: fileSystem, catalog: catalog).generate(personaPath: "persona.yaml", values: values, sink: sink))
    }

    @Test func hundredsOfBucketsSplitIntoSeveralManagedPoliciesUnderTheQuota() throws {
        let bundle = try hugeBundle()
        #expect(bundle.managedPolicies.count >= 3)
        #expect(bundle.managedPolicies.count <= IAMQuota.attachedPolicies)
        #expect(PolicyJSONWriter.quotaSize(of: bundle.permissionsJSON) > 3 * IAMQuota.managedPolicy)
        for document in bundle.managedPolicies {
            #expect(PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(document)) <= IAMQuota.managedPolicy)
        }
        // Statements too large alone were split, not only packed.
        #expect(bundle.managedPolicies.flatMap(\.statements).contains { $0.sid?.contains("Part") == true })
    }

    @Test func theSplitPoliciesGrantExactlyWhatTheUnsplitDocumentGrants() throws {
        let bundle = try hugeBundle()
        let outcome = SampledEquivalence.compare(whole: bundle.permissions, parts: bundle.managedPolicies,
                                                 extraActions: ["s3:PutObject", "s3:DeleteBucket", "s3:GetObjectVersion"],
                                                 extraResources: ["arn:aws:s3:::acme-ml-project-400-datasets",
                                                                  "arn:aws:s3:::acme-ml-project-400-datasets/key",
                                                                  "arn:aws:s3:::unrelated", "*"])
        #expect(outcome.differences.isEmpty, "\(outcome.differences.prefix(5))")
        #expect(outcome.requests > 2_000)
        #expect(outcome.allowed > 1_000, "the sample must exercise grants, not only denials")
        #expect(outcome.denied > 100)
    }

    /// The same for the bundled personas that are split (with their conditions).
    @Test(arguments: ["personas/data-scientist.yaml", "personas/mlops-engineer.yaml", "personas/canvas-user.yaml", "personas/ml-admin.yaml"])
    func bundledSplitPersonasGrantTheSame(persona: String) throws {
        let catalog = try #require(TestCatalog.bundled)
        let repository = RootedFileSystem(root: Repository.root)
        let sink = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: ["examples/acme-ml/values.yaml"], assignments: [],
                                       loader: YAMLFileLoader(fileSystem: repository), sink: sink)
        let bundle = try #require(Generator(fileSystem: repository, catalog: catalog).generate(personaPath: persona, values: values, sink: sink))
        #expect(bundle.managedPolicies.count > 1)
        let outcome = SampledEquivalence.compare(whole: bundle.permissions, parts: bundle.managedPolicies,
                                                 extraActions: ["iam:CreateUser", "s3:DeleteBucket"], extraResources: ["*", "arn:aws:s3:::other"])
        #expect(outcome.differences.isEmpty, "\(outcome.differences.prefix(5))")
        #expect(outcome.allowed > 0)
    }

    /// Each split statement's parts keep its effect, principal and conditions, and their action and
    /// resource lists cover exactly the original's: the statement-level reason the decisions agree.
    @Test func partsPartitionTheirStatement() throws {
        let bundle = try hugeBundle()
        let parts = bundle.managedPolicies.flatMap(\.statements)
        for statement in bundle.permissions.statements {
            let mine = parts.filter { $0.sid == statement.sid || PersonaLinter.unsplitSid($0.sid ?? "") == statement.sid }
            #expect(!mine.isEmpty)
            #expect(mine.allSatisfy { $0.effect == statement.effect && $0.condition == statement.condition && $0.principal == statement.principal })
            var pairs: [String: Int] = [:]
            for part in mine {
                for action in part.actions { for resource in part.resources { pairs["\(action) \(resource)", default: 0] += 1 } }
            }
            #expect(pairs.count == statement.actions.count * statement.resources.count)
            #expect(pairs.values.allSatisfy { $0 == 1 }, "a pair is granted by two parts")
        }
    }
}

/// Compares two sets of identity policies request by request: every action named by a statement
/// (and the extras) against every resource named (wildcards filled in) and the extras, each
/// with an empty context and with a context that meets the statements' conditions.
enum SampledEquivalence {
    struct Outcome {
        var requests = 0
        var allowed = 0
        var denied = 0
        var differences: [String] = []
    }

    static func compare(whole: PolicyDocument, parts: [PolicyDocument], extraActions: [String], extraResources: [String]) -> Outcome {
        let wholePolicies = [policy(whole, name: "whole")]
        let partPolicies = parts.enumerated().map { policy($1, name: "part \($0 + 1)") }
        var requests: [EvaluationRequest] = []
        var allActions: [String] = extraActions
        for statement in whole.statements {
            // Every action and resource the statement names (wildcards filled in), without and with
            // a context that meets its conditions.
            let resources = statement.resources.map { $0.replacingOccurrences("*", "sample").replacingOccurrences("?", "x") }
                + statement.resources.filter { $0 != "*" }
            var contexts: [[String: [String]]] = [[:]]
            if !statement.condition.isEmpty {
                contexts.append(Dictionary(statement.condition.clauses.map { ($0.key, [$0.values.first ?? ""]) },
                                           uniquingKeysWith: { first, _ in first }))
            }
            for action in statement.actions {
                allActions.append(action)
                for resource in resources + extraResources {
                    for context in contexts {
                        requests.append(EvaluationRequest(action: action, resource: RequestResource(resource), context: context))
                    }
                }
            }
            // Actions the statement does not name, on its resources.
            for action in extraActions {
                for resource in resources {
                    for context in contexts {
                        requests.append(EvaluationRequest(action: action, resource: RequestResource(resource), context: context))
                    }
                }
            }
        }
        var outcome = Outcome()
        for request in requests {
            let expected = decide(request, wholePolicies)
            let actual = decide(request, partPolicies)
            outcome.requests += 1
            if expected == .allow { outcome.allowed += 1 } else { outcome.denied += 1 }
            if expected != actual {
                outcome.differences.append("\(request.action) on \(request.resource) \(request.context): \(expected) vs \(actual)")
            }
        }
        return outcome
    }

    static func policy(_ document: PolicyDocument, name: String) -> EvaluationPolicy {
        guard case .success(let root) = JSONReader.parse(PolicyJSONWriter.render(document), path: name) else {
            return EvaluationPolicy(name: name, version: nil, statements: [])
        }
        return EvaluationPolicy(root, name: name)
    }

    /// Identity policies alone (§2): an explicit Deny wins, then any Allow, else implicit deny.
    /// No evaluator was on main when this was written: statements match by byte-wise globs
    /// (actions without case), and a condition holds when the context carries one of its values
    /// for every key. The split keeps conditions unchanged, so the comparison is exact as long
    /// as the same rule decides both sides.
    static func decide(_ request: EvaluationRequest, _ policies: [EvaluationPolicy]) -> Decision {
        var allowed = false
        for policy in policies {
            for statement in policy.statements where matches(statement, request) {
                if statement.effect == .deny { return .denyExplicit }
                if statement.effect == .allow { allowed = true }
            }
        }
        return allowed ? .allow : .denyImplicit
    }

    private static func matches(_ statement: EvaluationStatement, _ request: EvaluationRequest) -> Bool {
        guard let actions = statement.actions, let resources = statement.resources else { return false }
        let action = Array(request.action.lowercased().utf8)
        let actionListed = actions.patterns.contains { Glob.matches(Array($0.lowercased().utf8), action) }
        guard actionListed != actions.isExcept else { return false }
        let resource = Array(request.resource.description.utf8)
        let resourceListed = resources.patterns.contains { Glob.matches(Array($0.utf8), resource) }
        guard resourceListed != resources.isExcept else { return false }
        return statement.conditions.allSatisfy { entry in
            request.context[entry.normalizedKey].map { given in given.contains { entry.values.contains($0) } } ?? false
        }
    }
}
