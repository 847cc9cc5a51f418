import Testing
import RolegenTestSupport
@testable import RolegenCore

/// A persona far larger than one managed policy (300 buckets) is split into several managed
/// policies, each within IAM's 6,144 characters, and the split policies together grant exactly
/// what the unsplit document grants: the semantic diff (docs/diff.md) finds them equivalent in
/// both directions, and the evaluator gives the same decision for sampled requests that name an
/// action and a resource of the statements, and for requests that match none of them.
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

    /// The proof, over every request rather than a sample: each statement of the unsplit document
    /// is in the split policies either unchanged or as parts, nothing else is there, and the
    /// semantic diff (docs/diff.md) finds each split statement equivalent to its parts in both
    /// directions. A policy set's decision depends only on which statements match (an explicit
    /// Deny wins, then any Allow), so replacing statements by equivalent ones of the same effect
    /// keeps every decision.
    @Test func theSemanticDiffFindsEachSplitStatementEquivalentToItsParts() throws {
        let bundle = try hugeBundle()
        let split = try SplitEquivalence.verify(whole: bundle.permissions, parts: bundle.managedPolicies)
        #expect(split >= 2, "the fixture must split statements, not only pack them")
    }

    /// The diff is not blind to a difference: parts with one missing grant less (on a shorter
    /// statement split the same way, to keep the test quick).
    @Test func theSemanticDiffSeesAMissingPart() throws {
        let catalog = try #require(TestCatalog.bundled)
        let bundle = try hugeBundle()
        var statement = try #require(bundle.permissions.statements.first { $0.resources.count > 100 })
        statement.resources = Array(statement.resources.prefix(40))
        let parts = try PolicyPackager.split(statement, limit: 1_000).get()
        #expect(parts.count > 2)
        let old = [SampledEquivalence.policy(PolicyDocument(statements: [statement]), name: "statement")]
        let all = try SemanticDiff(catalog: catalog).compare(old: old, new: [SampledEquivalence.policy(PolicyDocument(statements: parts), name: "parts")])
        #expect(all.summary == .equivalent)
        let fewer = try SemanticDiff(catalog: catalog).compare(
            old: old, new: [SampledEquivalence.policy(PolicyDocument(statements: Array(parts.dropLast())), name: "parts")])
        #expect(fewer.summary == .newGrantsLess)
    }

    @Test func theSplitPoliciesDecideSampledRequestsAsTheUnsplitDocument() throws {
        let bundle = try hugeBundle()
        let outcome = SampledEquivalence.compare(whole: bundle.permissions, parts: bundle.managedPolicies,
                                                 extraActions: ["s3:PutObject", "s3:DeleteBucket", "s3:GetObjectVersion"],
                                                 extraResources: ["arn:aws:s3:::acme-ml-project-999-datasets",
                                                                  "arn:aws:s3:::acme-ml-project-999-datasets/key",
                                                                  "arn:aws:s3:::unrelated", "*"], resourcesPerStatement: 16)
        #expect(outcome.differences.isEmpty, "\(outcome.differences.prefix(5))")
        #expect(outcome.requests > 200)
        #expect(outcome.allowed > 50, "the sample must exercise grants, not only denials")
        #expect(outcome.denied > 50)
    }

    /// The same for the bundled personas that are split (with their conditions): the semantic diff
    /// and sampled requests.
    @Test(arguments: ["personas/data-scientist.yaml", "personas/mlops-engineer.yaml", "personas/canvas-user.yaml", "personas/ml-admin.yaml"])
    func bundledSplitPersonasGrantTheSame(persona: String) throws {
        let catalog = try #require(TestCatalog.bundled)
        let repository = RootedFileSystem(root: Repository.root)
        let sink = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: ["examples/acme-ml/values.yaml"], assignments: [],
                                       loader: YAMLFileLoader(fileSystem: repository), sink: sink)
        let bundle = try #require(Generator(fileSystem: repository, catalog: catalog).generate(personaPath: persona, values: values, sink: sink))
        #expect(bundle.managedPolicies.count > 1)
        _ = try SplitEquivalence.verify(whole: bundle.permissions, parts: bundle.managedPolicies)
        let outcome = SampledEquivalence.compare(whole: bundle.permissions, parts: bundle.managedPolicies,
                                                 extraActions: ["iam:CreateUser"], extraResources: ["*"], resourcesPerStatement: 1,
                                                 actionsPerStatement: 2)
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

/// The statement-level proof that split policies equal the unsplit document.
enum SplitEquivalence {
    /// Checks the correspondence and diffs each split statement against its parts; returns how
    /// many statements were split.
    static func verify(whole: PolicyDocument, parts: [PolicyDocument]) throws -> Int {
        let catalog = try #require(TestCatalog.bundled)
        var remaining = parts.flatMap(\.statements)
        var split = 0
        for statement in whole.statements {
            if let index = remaining.firstIndex(of: statement) {
                remaining.remove(at: index)
                continue
            }
            let mine = remaining.filter { $0.sid != nil && $0.sid != statement.sid && PersonaLinter.unsplitSid($0.sid!) == statement.sid }
            #expect(mine.count > 1, "statement \(statement.sid ?? "?") is neither in the parts nor split into them")
            remaining.removeAll { mine.contains($0) }
            split += 1
            let comparison = try SemanticDiff(catalog: catalog).compare(
                old: [SampledEquivalence.policy(PolicyDocument(statements: [statement]), name: "statement")],
                new: [SampledEquivalence.policy(PolicyDocument(statements: mine), name: "parts")])
            #expect(comparison.summary == .equivalent, "\(statement.sid ?? "?"): \(comparison.summary) \(comparison.newAccess.notes)")
        }
        #expect(remaining.isEmpty, "statements in the parts that the unsplit document does not have: \(remaining.map(\.sid))")
        return split
    }
}

/// Compares two sets of identity policies request by request with rolegen's evaluator: every
/// action a statement names on every resource it names (wildcards filled in) and on the extra
/// resources, the extra actions on its resources, each with an empty context and with a context
/// meant to meet the statement's conditions.
enum SampledEquivalence {
    struct Outcome {
        var requests = 0
        var allowed = 0
        var denied = 0
        var differences: [String] = []
    }

    /// - Parameter resourcesPerStatement: how many of a statement's resources are tried, spread
    ///   over its list (first and last included), so that each part of a split list is reached.
    static func compare(whole: PolicyDocument, parts: [PolicyDocument], extraActions: [String], extraResources: [String],
                        account: String = "111122223333", resourcesPerStatement: Int = 40,
                        actionsPerStatement: Int = 1_000) -> Outcome {
        let wholePolicies = [policy(whole, name: "whole")]
        let partPolicies = parts.enumerated().map { policy($1, name: "part \($0 + 1)") }
        var requests: [EvaluationRequest] = []
        for statement in whole.statements {
            // Every action and resource the statement names (wildcards filled in), without and with
            // a context that meets its conditions.
            let listed = spread(statement.resources, count: resourcesPerStatement)
            let resources = listed.map { $0.replacingOccurrences("*", "sample").replacingOccurrences("?", "x") }
                + listed.filter { $0 != "*" }
            var contexts: [[String: [String]]] = [[:]]
            if !statement.condition.isEmpty {
                // The first value of each key, and the account for the same-account guards'
                // `${aws:PrincipalAccount}`: most conditions hold, so the grants are exercised.
                var context = Dictionary(statement.condition.clauses.map { ($0.key, [$0.values.first ?? ""]) },
                                         uniquingKeysWith: { first, _ in first })
                context["aws:PrincipalAccount"] = [account]
                context["aws:ResourceAccount"] = [account]
                contexts.append(context)
            }
            for action in spread(statement.actions, count: actionsPerStatement) {
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

    /// `count` items spread evenly over `items`, the first and the last among them.
    static func spread(_ items: [String], count: Int) -> [String] {
        guard items.count > count, count > 1 else { return items }
        return (0..<count).map { items[$0 * (items.count - 1) / (count - 1)] }
    }

    static func policy(_ document: PolicyDocument, name: String) -> EvaluationPolicy {
        guard case .success(let root) = JSONReader.parse(PolicyJSONWriter.render(document), path: name) else {
            return EvaluationPolicy(name: name, version: nil, statements: [])
        }
        return EvaluationPolicy(root, name: name)
    }

    /// The evaluator (iam-semantics.md §2) on the identity policies alone.
    static func decide(_ request: EvaluationRequest, _ policies: [EvaluationPolicy]) -> Decision {
        Evaluator().evaluate(request, in: PolicySet(identity: policies)).decision
    }
}
