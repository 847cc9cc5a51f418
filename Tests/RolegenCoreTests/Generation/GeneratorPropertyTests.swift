import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Properties of the generator (issue 9), decided by the semantic diff (docs/diff.md), on the
/// bundled personas and on random compositions of their capabilities (fixed seeds):
/// - it never emits access broader than its templates declare: the generated managed policies
///   grant nothing the templates' statements, as expanded with the persona's parameters and
///   guards, do not ("no new access" PASSes);
/// - merging, sorting and splitting into managed policies never change what is allowed: the
///   two are equivalent.
@Suite struct GeneratorPropertyTests {
    static let values = Repository.path("examples/acme-ml/values.yaml")
    static let personas = ["canvas-user", "data-scientist", "ml-admin", "ml-auditor", "mlflow-tracking-server", "mlops-engineer",
                           "mlops-pipeline", "sagemaker-execution", "studio-user"]

    /// A random composition: one bundled persona's header and a random non-empty subset of its
    /// capabilities, in a random order (the rest of the file kept).
    struct Composition: CustomTestStringConvertible, Sendable {
        var persona: String
        var seed: UInt64
        var testDescription: String { seed == 0 ? persona : "\(persona), seed \(seed)" }
    }

    /// Every bundled persona, then seven random compositions (canvas-user's diff takes seconds:
    /// it is compared once, whole).
    static let compositions: [Composition] = personas.map { Composition(persona: $0, seed: 0) }
        + (1...7).map { Composition(persona: personas[Int($0)], seed: $0 * 7_919) }

    @Test(arguments: compositions)
    func generatedPoliciesEqualTheExpandedTemplates(_ composition: Composition) throws {
        let catalog = try #require(TestCatalog.bundled)
        let path = try Self.write(composition)
        defer { try? FileManager.default.removeItem(atPath: parentDirectory(of: parentDirectory(of: path))) }
        let fileSystem = LocalFileSystem()
        let sink = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: [Self.values], assignments: [], loader: YAMLFileLoader(fileSystem: fileSystem), sink: sink)
        let generator = Generator(fileSystem: fileSystem, catalog: catalog)
        let (_, composed) = try #require(Optional(generator.compose(personaPath: path, values: values, sink: sink)).flatMap { $0 },
                                         "\(sink.diagnostics.map(\.message))")
        let bundle = try #require(Optional(generator.generate(personaPath: path, values: values, sink: sink)).flatMap { $0 },
                                  "\(sink.diagnostics.map(\.message))")

        let expanded = try Self.policy(PolicyDocument(statements: composed.map(\.statement)), name: "templates")
        let generated = try bundle.managedPolicies.enumerated().map { try Self.policy($1, name: "generated-\($0 + 1)") }
        // The search budgets are small, to keep the suite quick; where the
        // diff cannot decide within them (UNKNOWN), requests sampled from every statement must
        // get the same decision from both sides.
        var options = DiffOptions()
        options.productStateBudget = 5_000
        options.searchNodeBudget = 20_000
        let comparison = try SemanticDiff(catalog: catalog, options: options).compare(old: [expanded], new: generated)
        for (direction, result) in [("grants more", comparison.newAccess), ("grants less", comparison.removedAccess)] {
            #expect(result.verdict != .fail, "generated \(direction): \(result.findings.first.map { "\($0.action) on \($0.resource)" } ?? "")")
        }
        if comparison.newAccess.verdict == .unknown || comparison.removedAccess.verdict == .unknown {
            let evaluator = Evaluator()
            for request in Self.samples(from: expanded.statements + generated.flatMap(\.statements), catalog: catalog) {
                let reference = evaluator.evaluate(request, in: PolicySet(identity: [expanded])).decision
                let candidate = evaluator.evaluate(request, in: PolicySet(identity: generated)).decision
                #expect(reference == candidate, "\(request.action) on \(request.resource) with \(request.context)")
            }
        }
    }

    /// Requests each statement is about: its actions (patterns expanded through the catalog, a
    /// few each), its resources with wildcards filled in, and the first value of each of its
    /// conditions, so that guarded statements match too.
    static func samples(from statements: [EvaluationStatement], catalog: Catalog) -> [EvaluationRequest] {
        var requests: Set<EvaluationRequest> = []
        for statement in statements where statement.actions?.isExcept == false {
            var context: [String: [String]] = [:]
            for condition in statement.conditions where !condition.values.isEmpty {
                context[condition.key] = [condition.values[0].replacingOccurrences("*", "x")]
            }
            let actions = (statement.actions?.patterns ?? []).flatMap { pattern in
                pattern.contains("*") || pattern.contains("?") ? ((try? catalog.expand(pattern)) ?? []).prefix(5).map(\.fullName) : [pattern]
            }
            let resources = statement.resources?.isExcept == false ? statement.resources?.patterns ?? ["*"] : ["*"]
            for action in actions {
                for resource in resources {
                    let filled = resource == "*" ? "*" : resource.replacingOccurrences("*", "x").replacingOccurrences("?", "y")
                    requests.insert(EvaluationRequest(action: action, resource: RequestResource(filled), context: context))
                    requests.insert(EvaluationRequest(action: action, resource: RequestResource(filled)))
                }
            }
        }
        return requests.sorted { "\($0.action) \($0.resource)" < "\($1.action) \($1.resource)" }
    }

    static func policy(_ document: PolicyDocument, name: String) throws -> EvaluationPolicy {
        let root = try JSONReader.parse(Array(PolicyJSONWriter.render(document).utf8), path: name).get()
        return EvaluationPolicy(root, name: name)
    }

    /// Writes the composition into a scratch `personas/` directory, beside links to the other
    /// bundled personas (a persona's boundary may be another persona) and to the bundled
    /// templates; returns the persona's path.
    static func write(_ composition: Composition) throws -> String {
        let text = try String(contentsOfFile: Repository.path("personas/\(composition.persona).yaml"), encoding: .utf8)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-property-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/personas", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/templates", withDestinationPath: Repository.path("templates"))
        for other in personas where other != composition.persona {
            try FileManager.default.createSymbolicLink(atPath: directory + "/personas/\(other).yaml",
                                                       withDestinationPath: Repository.path("personas/\(other).yaml"))
        }
        let path = directory + "/personas/\(composition.persona).yaml"
        try (composition.seed == 0 ? text : recompose(text, seed: composition.seed)).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The persona with a random subset of its `capabilities:` entries, shuffled.
    static func recompose(_ text: String, seed: UInt64) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "capabilities:") else { return text }
        let end = lines[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") } ?? lines.count
        var blocks: [[String]] = []
        for line in lines[(start + 1)..<end] {
            if line.hasPrefix("  - ") || blocks.isEmpty { blocks.append([line]) } else { blocks[blocks.count - 1].append(line) }
        }
        var generator = SplitMix64(seed: seed)
        blocks.shuffle(using: &generator)
        let kept = blocks.prefix(Int.random(in: 1...blocks.count, using: &generator))
        return (lines[..<(start + 1)] + kept.flatMap { $0 } + lines[end...]).joined(separator: "\n")
    }
}

/// StatementMergerTests' seeded generator, for `shuffle(using:)` and `random(in:using:)`.
extension SplitMix64: RandomNumberGenerator {}
