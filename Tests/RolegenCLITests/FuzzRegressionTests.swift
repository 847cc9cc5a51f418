import Foundation
import Testing
import RolegenTestSupport

/// Fuzzing never runs in CI; what it found does (docs/fuzzing.md). Each fuzz target's replay
/// driver (the same `fuzzOne` the fuzzer calls, built without -D FUZZING) runs every saved crash
/// input under Tests/Fixtures/fuzz-regressions/TARGET and the seed corpus under Fuzz/Corpus,
/// and must finish without crashing.
@Suite struct FuzzRegressionTests {
    static let targets: [(name: String, product: String, seeds: String)] = [
        ("json-policy", "FuzzJSONPolicy", "json"), ("yaml-library", "FuzzYAMLLibrary", "yaml"), ("lint", "FuzzLint", "lint"),
        ("evaluator", "FuzzEvaluator", "json"), ("diff", "FuzzDiff", "diff"),
    ]

    @Test(arguments: targets.map(\.name))
    func savedInputsReplayWithoutCrashing(_ target: String) throws {
        let entry = try #require(Self.targets.first { $0.name == target })
        let binary = URL(fileURLWithPath: ProcessTests.binary).deletingLastPathComponent().appendingPathComponent(entry.product).path
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build the \(entry.product) product first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [Repository.path("Tests/Fixtures/fuzz-regressions/\(target)"), Repository.path("Fuzz/Corpus/\(entry.seeds)")]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(text)")
        #expect(text.contains("inputs replayed, no crash"))
    }
}
