@testable import RolegenCore
import RolegenTestSupport
import Testing

/// A randomized soundness property (fixed seeds): over a tiny universe (three actions, S3-style
/// resources over a small alphabet, one Bool and one String key), whenever the diff says PASS a
/// brute-force evaluation of every request finds no new access, and every FAIL witness re-checks.
@Suite struct DiffSoundnessTests {
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    /// Without a catalog: three unknown actions, every resource string. With the catalog: three
    /// S3 actions (one takes only ⊤), resources restricted to the d1/d2 domain.
    enum Universe: String, CaseIterable, Sendable {
        /// `variables`: as noCatalog, with `${aws:username}` in resources and conditions on it.
        case noCatalog, catalog, catalogRobust, variables

        var usesCatalog: Bool { self == .catalog || self == .catalogRobust }
        /// The String key of the universe.
        var stringKey: String { self == .variables ? "aws:username" : "aws:PrincipalTag/t" }

        var actions: [String] {
            !usesCatalog ? ["x:a", "x:b", "x:c"] : ["s3:GetObject", "s3:ListBucket", "s3:ListAllMyBuckets"]
        }
        var actionPatterns: [String] {
            !usesCatalog ? ["x:a", "x:b", "x:c", "x:*", "*", "x:?", "X:A"]
                : ["s3:GetObject", "s3:ListBucket", "s3:ListAllMyBuckets", "s3:Get*", "s3:List*", "*", "s3:?etObject", "S3:LISTBUCKET"]
        }
    }

    static func requests(_ universe: Universe) -> [EvaluationRequest] {
        let catalog = TestCatalog.bundled!
        return allRequests(universe.actions, key: universe.stringKey).filter { request in
            guard universe.usesCatalog, case .found(let definition) = try! catalog.lookup(request.action) else { return true }
            if definition.resourceTypes.isEmpty { return request.resource == .top }
            guard case .arn(let text) = request.resource else { return false }
            let service = try! catalog.resources(of: definition.service)!
            return definition.resourceTypes.contains { use in
                (service.resourceType(named: use.type)?.arnFormats ?? []).contains { CompiledGlob(elements: GlobCompiler.template($0, siblings: service.arnFormats)).matches(text) }
            }
        }
    }

    /// Requests: every action × resource × context of the tiny universe.
    static func allRequests(_ actions: [String], key: String) -> [EvaluationRequest] {
        var words = [""]
        var frontier = [""]
        for _ in 0..<3 {
            frontier = frontier.flatMap { word in ["x", "y", "z"].map { word + $0 } }
            words += frontier
        }
        let resources: [RequestResource] = [.top, .arn("arn:aws:s3:::c"), .arn("arn:aws:s3:::b")] + words.map { .arn("arn:aws:s3:::b/" + $0) }
        let secure: [[String]?] = [nil, ["true"], ["false"]]
        let tags: [[String]?] = [nil, [], [""], ["x"], ["y"], ["z"], ["xy"], ["yx"], ["xx"], ["x", "y"], ["", "x"], ["z", "z"]]
        var result: [EvaluationRequest] = []
        for action in actions {
            for resource in resources {
                for s in secure {
                    for t in tags {
                        var context: [String: [String]] = [:]
                        if let s { context["aws:SecureTransport"] = s }
                        if let t { context[key] = t }
                        result.append(EvaluationRequest(action: action, resource: resource, context: context))
                    }
                }
            }
        }
        return result
    }

    static func randomStatement(_ random: inout SplitMix, universe: Universe) -> String {
        let effect = random.chance(25) ? "Deny" : "Allow"
        let actionKey = random.chance(15) ? "NotAction" : "Action"
        let actions = (0..<(1 + Int(random.next() % 2))).map { _ in random.pick(universe.actionPatterns) }
        let resourceKey = random.chance(15) ? "NotResource" : "Resource"
        let resources = (0..<(1 + Int(random.next() % 2))).map { _ -> String in
            if random.chance(15) { return "*" }
            let pieces = universe == .variables ? ["x", "y", "*", "?", "/", "${aws:username}"] : ["x", "y", "*", "?", "/"]
            let tail = (0..<Int(random.next() % 4)).map { _ in random.pick(pieces) }.joined()
            return "arn:aws:s3:::b/" + tail
        }
        var conditions: [String] = []
        if random.chance(30) {
            conditions.append("\"\(random.pick(["Bool", "BoolIfExists"]))\":{\"aws:SecureTransport\":\"\(random.pick(["true", "false"]))\"}")
        }
        if random.chance(30) {
            let op = random.pick(["StringEquals", "StringLike", "StringNotLike", "StringNotEquals", "StringLikeIfExists", "ForAllValues:StringLike", "ForAnyValue:StringEquals"])
            let values = (0..<(1 + Int(random.next() % 2))).map { _ in "\"\(random.pick(["x", "y", "x*", "?", "*y", ""]))\"" }
            conditions.append("\"\(op)\":{\"\(universe.stringKey)\":[\(values.joined(separator: ","))]}")
        }
        let condition = conditions.isEmpty ? "" : ",\"Condition\":{\(conditions.joined(separator: ","))}"
        func list(_ items: [String]) -> String { "[" + items.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        return "{\"Effect\":\"\(effect)\",\"\(actionKey)\":\(list(actions)),\"\(resourceKey)\":\(list(resources))\(condition)}"
    }

    static func randomPolicy(_ random: inout SplitMix, name: String, universe: Universe) -> EvaluationPolicy {
        // A statement both sides share names every action, so each is in the diff's universe.
        let all = universe.actions.map { "\"\($0)\"" }.joined(separator: ",")
        var statements = ["{\"Effect\":\"Deny\",\"Action\":[\(all)],\"Resource\":\"arn:aws:s3:::never\"}"]
        statements += (0..<(1 + Int(random.next() % 3))).map { _ in randomStatement(&random, universe: universe) }
        return DiffFixture.policy(statements.joined(separator: ","), name: name)
    }

    @Test(arguments: [1, 2, 3] as [UInt64], Universe.allCases)
    func passIsSoundAndFailIsWitnessed(seed: UInt64, universe: Universe) throws {
        var random = SplitMix(state: seed &+ UInt64(Universe.allCases.firstIndex(of: universe)!) &* 1000)
        var options = DiffOptions()
        if !universe.usesCatalog { options.constraints.partitions = nil }
        if universe == .catalogRobust { options.mode = .robust }
        let catalog = universe.usesCatalog ? TestCatalog.bundled : nil
        let requests = Self.requests(universe)
        var verdicts: [DiffVerdict: Int] = [:]
        for round in 0..<12 {
            let reference = Self.randomPolicy(&random, name: "A", universe: universe)
            let candidate = Self.randomPolicy(&random, name: "B", universe: universe)
            let result = try SemanticDiff(catalog: catalog, options: options).newAccess(reference: [reference], candidate: [candidate])
            verdicts[result.verdict, default: 0] += 1
            switch result.verdict {
            case .pass:
                // Several values (or none) only for a key some set operator makes multivalued (d4).
                let multivalued = (reference.statements + candidate.statements).contains { statement in
                    statement.conditions.contains { $0.operatorName.hasPrefix("ForA") }
                }
                let counterexample = requests.first { request in
                    guard multivalued || (request.context[universe.stringKey.lowercased()]?.count ?? 1) == 1 else { return false }
                    return DiffRecheck.evaluate(request, [candidate]) == .allow && DiffRecheck.evaluate(request, [reference]) != .allow
                }
                #expect(counterexample == nil, "seed \(seed) round \(round): PASS but \(String(describing: counterexample)) is new\nA: \(reference)\nB: \(candidate)")
            case .fail:
                let finding = try #require(result.findings.first { $0.verified })
                #expect(DiffRecheck.evaluate(finding.request, [candidate]) == .allow)
                #expect(DiffRecheck.evaluate(finding.request, [reference]) != .allow)
            case .unknown:
                break
            }
        }
        print("soundness \(universe) seed \(seed): \(verdicts)")
        #expect((verdicts[.fail] ?? 0) > 0, "\(verdicts)")
    }
}

/// False PASSes found by review (2026-11-29), each proven by the evaluator: NEW allows a request
/// OLD does not, so the diff must not say PASS.
@Suite struct DiffVariableSoundnessTests {
    private func simulate(_ statement: String, _ action: String, _ resource: String, _ context: [String: [String]]) -> Decision {
        DiffRecheck.evaluate(EvaluationRequest(action: action, resource: RequestResource(resource), context: context),
                             [DiffFixture.policy(statement, name: "P")])
    }

    /// `${k,'v'}` (no space) has a default for the evaluator; the diff read the whole body as a
    /// key, lower-cased with its default, so 'bob' and 'BOB' became one token.
    @Test func defaultsKeepTheirCase() throws {
        let old = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::${aws:username,'bob'}/x")
        let new = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::${aws:username,'BOB'}/x")
        #expect(simulate(new, "s3:GetObject", "arn:aws:s3:::BOB/x", [:]) == .allow)
        #expect(simulate(old, "s3:GetObject", "arn:aws:s3:::BOB/x", [:]) != .allow)
        #expect(try DiffFixture.newAccess(old, new).verdict != .pass)
    }

    /// A default's value may hold ':'; in ARN fields 1–5 the diff put a `*` that keeps to its
    /// field in the variable's place, narrower than the value.
    @Test func variablesInTheFirstFieldsMayHoldColons() throws {
        let old = DiffFixture.allow("ec2:StartInstances", "arn:aws:ec2:x*y:*")
        let new = DiffFixture.allow("ec2:StartInstances", "arn:aws:ec2:x${aws:username, 'a'}y:123:instance/i")
        let request = ("ec2:StartInstances", "arn:aws:ec2:xp:qy:123:instance/i", ["aws:username": ["p:q"]])
        #expect(simulate(new, request.0, request.1, request.2) == .allow)
        #expect(simulate(old, request.0, request.1, request.2) != .allow)
        #expect(try DiffFixture.newAccess(old, new).verdict != .pass)
    }

    @Test func widenedPatternsEndAtTheFirstVariableOfTheFirstFields() {
        let tokens = { (text: String) in DiffTokenizer.tokens(text, variables: true) }
        #expect(DiffStatement.widened(tokens("arn:aws:ec2:x${k}y:1:i")) == tokens("arn:aws:ec2:x*"))
        #expect(DiffStatement.widened(tokens("arn:aws:s3:::b/${k}/x")) == tokens("arn:aws:s3:::b/*/x"))
    }
}
