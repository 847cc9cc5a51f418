import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// The bad-input suite (Tests/Fixtures/bad, issue 9): malformed inputs in every format rolegen
/// reads, each run through the real command line with its expected exit code and the start of
/// its message, from the manifest `cases.yaml`. Inputs too large or too odd to commit (a 100 MB
/// file, symbolic link loops, a directory of too many files) are made at run time (`setup:`).
@Suite struct BadInputSuiteTests {
    static let root = Repository.path("Tests/Fixtures/bad")

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var directory = "."
        var arguments: [String] = []
        var exit: Int32 = 2
        var stderr: String?
        var stdout: String?
        var setup: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let path = root + "/cases.yaml"
        guard let bytes = FileManager.default.contents(atPath: path),
              let document = YAMLReader.parse(String(decoding: bytes, as: UTF8.self), path: path, into: DiagnosticSink()),
              case .sequence(let items) = document.content else { return [] }
        return items.compactMap(Self.parseCase)
    }()

    private static func parseCase(_ node: SourceNode) -> Case? {
        guard case .mapping(let entries) = node.content else { return nil }
        var result = Case(name: "")
        for entry in entries {
            switch entry.key.scalarText {
            case "name": result.name = entry.value.scalarText ?? ""
            case "dir": result.directory = entry.value.scalarText ?? "."
            case "args":
                if case .sequence(let arguments) = entry.value.content { result.arguments = arguments.compactMap(\.scalarText) }
            case "exit": result.exit = Int32(entry.value.scalarText ?? "") ?? -1
            case "stderr": result.stderr = entry.value.scalarText
            case "stdout": result.stdout = entry.value.scalarText
            case "setup": result.setup = entry.value.scalarText
            default: return nil
            }
        }
        return result
    }

    @Test func manifestHasEveryCase() {
        #expect(Self.cases.count >= 60)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count, "case names are unique")
        #expect(Self.cases.allSatisfy { !$0.arguments.isEmpty && ($0.stderr != nil || $0.stdout != nil) })
    }

    @Test(arguments: cases)
    func reportsClearly(_ testCase: Case) throws {
        var directory = Self.root + "/" + testCase.directory
        var scratch: String?
        if let setup = testCase.setup {
            let made = try RuntimeInputs.make(setup)
            scratch = made
            directory = made
        }
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        let console = CapturingConsole()
        let rooted = RootedFileSystem(root: directory)
        let fileSystem: any FileSystem = testCase.setup == "many-files" ? ManyFilesFileSystem(base: rooted) : rooted
        let status = RolegenCommand.run(arguments: testCase.arguments, console: console, fileSystem: fileSystem)
        #expect(status == testCase.exit, "stderr: \(console.errors)\nstdout: \(console.output.prefix(2000))")
        if let stderr = testCase.stderr {
            #expect(console.errors.hasPrefix(stderr), "stderr: \(console.errors)")
        }
        if let stdout = testCase.stdout {
            #expect(console.output.contains(stdout), "stdout: \(console.output.prefix(2000))")
        }
        // No stack traces, no Swift runtime messages: a user reads rolegen's words only.
        #expect(!console.errors.contains("Fatal error") && !console.errors.contains("Stack dump"))
    }
}

/// Inputs made at run time into a fresh temporary directory, returned.
enum RuntimeInputs {
    static let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#

    static func make(_ kind: String) throws -> String {
        let directory = NSTemporaryDirectory() + "rolegen-bad-\(kind)-\(UUID().uuidString)"
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            let path = directory + "/" + name
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        switch kind {
        case "100mb-json", "100mb-yaml":
            // A sparse file: 100 MB by its size, nothing on disk; rolegen must refuse it by its size.
            let path = directory + (kind == "100mb-json" ? "/big.json" : "/big.yaml")
            guard manager.createFile(atPath: path, contents: Data("{".utf8)), let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteUnknown)
            }
            try handle.truncate(atOffset: 100 << 20)
            try handle.close()
        case "symlink-loop":
            try write("policies/a.json", policy)
            try manager.createSymbolicLink(atPath: directory + "/policies/loop", withDestinationPath: "..")
            try manager.createSymbolicLink(atPath: directory + "/policies/self", withDestinationPath: "self")
        case "symlink-cycle":
            try write("one/a.json", policy)
            try write("two/b.json", policy)
            try manager.createSymbolicLink(atPath: directory + "/one/to-two", withDestinationPath: "../two")
            try manager.createSymbolicLink(atPath: directory + "/two/to-one", withDestinationPath: "../one")
        case "many-files":
            try manager.createDirectory(atPath: directory + "/many", withIntermediateDirectories: true)
        case "huge-array":
            let actions = Array(repeating: "\"s3:GetObject\"", count: 100_000).joined(separator: ",")
            try write("huge.json", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["#
                        + actions + #"],"Resource":"*"}]}"#)
        case "huge-yaml-array":
            try write("huge.yaml", "Version: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Resource: '*'\n    Action:\n"
                        + String(repeating: "      - s3:GetObject\n", count: 200_000))
        case "many-requests":
            try write("policy.json", policy)
            // The count is checked before any request is read, so empty ones do.
            try write("requests.json", "[" + Array(repeating: "{}", count: SimulationLimits.maxRequests + 1).joined(separator: ",") + "]")
        default:
            throw CocoaError(.featureUnsupported)
        }
        return directory
    }
}

/// A directory `many` of one file more than a scan takes, without writing 100,000 files: only
/// its listing is made up, and every file in it is empty.
struct ManyFilesFileSystem: FileSystem {
    let base: RootedFileSystem
    static let count = LintInputCollector.maxFiles + 1

    func kind(of path: String) -> FileKind? { path.hasPrefix("many/") ? .file : base.kind(of: path) }
    func canonicalPath(_ path: String) -> String? { base.canonicalPath(path) }
    func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        path.hasPrefix("many/") ? [] : try base.readFile(path, limit: limit)
    }
    func mapFile(_ path: String, limit: Int) throws(FileSystemError) -> MappedFile { try base.mapFile(path, limit: limit) }
    func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        path == "many" ? (0..<Self.count).map { "\($0).json" } : try base.listDirectory(path)
    }
    func createDirectory(_ path: String) throws(FileSystemError) { try base.createDirectory(path) }
    func writeNewFile(_ path: String, contents: [UInt8]) throws(FileSystemError) { try base.writeNewFile(path, contents: contents) }
    func rename(_ source: String, to destination: String) throws(FileSystemError) { try base.rename(source, to: destination) }
    func removeFile(_ path: String) throws(FileSystemError) { try base.removeFile(path) }
}
