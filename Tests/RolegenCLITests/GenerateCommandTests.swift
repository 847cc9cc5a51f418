import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

@Suite struct GenerateCommandTests {
    static let files: [String: String] = BadInputTests.library.merging([
        "persona.yaml": BadInputTests.header + "capabilities:\n  - use: read\n    with:\n      buckets: [team-data]\n",
        "second.yaml": BadInputTests.header.replacingOccurrences("persona: p", "persona: q")
            + "capabilities:\n  - use: read\n    with:\n      buckets: [other-data]\n",
    ]) { $1 }

    private func run(_ arguments: [String], _ fileSystem: InMemoryFileSystem) -> (Int32, CapturingConsole) {
        let console = CapturingConsole()
        return (RolegenCommand.run(arguments: arguments, console: console, fileSystem: fileSystem), console)
    }

    @Test func generateIsTheDefaultSubcommand() {
        let (status, console) = run(["persona.yaml"], InMemoryFileSystem(Self.files))
        let (explicitStatus, explicit) = run(["generate", "persona.yaml"], InMemoryFileSystem(Self.files))
        #expect(status == 0 && explicitStatus == 0)
        #expect(console.output == explicit.output)
        #expect(console.output.hasPrefix("{\n  \"Version\": \"2012-10-17\","))
        #expect(console.output.contains("arn:aws:s3:::team-data/*"))
        #expect(console.errors.isEmpty)
    }

    @Test func usageErrorsExitWithTwo() {
        let (noPersona, console) = run([], InMemoryFileSystem())
        #expect(noPersona == 2)
        #expect(console.errors.hasPrefix("Error: name at least one persona file, such as personas/data-scientist.yaml\n"))
        #expect(run(["--bogus", "persona.yaml"], InMemoryFileSystem(Self.files)).0 == 2)
        #expect(run(["persona.yaml", "--set"], InMemoryFileSystem(Self.files)).0 == 2)
    }

    @Test func helpAndVersionExitWithZero() {
        let (status, console) = run(["--help"], InMemoryFileSystem())
        #expect(status == 0)
        #expect(console.output.contains("EXIT CODES"))
        #expect(console.output.contains("generate (default)"))
        let (versionStatus, version) = run(["--version"], InMemoryFileSystem())
        #expect(versionStatus == 0)
        #expect(version.output.hasPrefix("rolegen \(RolegenVersion.current)\ncatalog: "))
    }

    @Test func writesOneDirectoryPerPersona() throws {
        let fileSystem = InMemoryFileSystem(Self.files)
        let (status, console) = run(["persona.yaml", "second.yaml", "-o", "out"], fileSystem)
        #expect(status == 0)
        #expect(console.output.isEmpty)
        #expect(console.errors == "wrote out/p/ (1 statement, 136 characters)\nwrote out/q/ (1 statement, 137 characters)\n")
        for persona in ["p", "q"] {
            for name in ["permissions-policy.json", "trust-policy.json", "manifest.json"] {
                #expect(fileSystem.text("out/\(persona)/\(name)") != nil, "out/\(persona)/\(name)")
            }
        }
        #expect(fileSystem.files.keys.allSatisfy { !$0.hasSuffix(".tmp") })
        let manifest = try #require(fileSystem.text("out/p/manifest.json"))
        let policy = try #require(fileSystem.text("out/p/permissions-policy.json"))
        #expect(manifest.contains(SHA256.hex(of: Array(policy.utf8))))
    }

    @Test func aFailedWriteLeavesTheDirectoryAsItWas() {
        let fileSystem = InMemoryFileSystem(Self.files.merging(["out/p/permissions-policy.json": "old policy\n"]) { $1 })
        fileSystem.failWritesContaining = "manifest.json"
        let before = fileSystem.files
        let (status, console) = run(["persona.yaml", "-o", "out"], fileSystem)
        #expect(status == 2)
        #expect(fileSystem.files == before)
        #expect(console.errors.hasPrefix("out/p/.manifest.json.rolegen-"))
        #expect(console.errors.contains("error: cannot write the bundle: no space left on device; nothing was written\n"))
    }

    @Test func filesAnEarlierRunWroteAndThisOneDoesNotAreRemoved() {
        let fileSystem = InMemoryFileSystem(Self.files.merging([
            "out/p/permissions-policy-2.json": "stale\n",
            "out/p/notes.md": "the team's own file\n",
        ]) { $1 })
        var identityCenter = Self.files["persona.yaml"]!
        identityCenter = identityCenter.replacingOccurrences("  kind: service\n  services: [sagemaker.amazonaws.com]",
                                                             "  kind: human\n  federation: identity-center")
        fileSystem.add("persona.yaml", Array(identityCenter.utf8))
        fileSystem.add("out/p/trust-policy.json", Array("{}\n".utf8))
        let (status, console) = run(["persona.yaml", "-o", "out"], fileSystem)
        #expect(status == 0, "\(console.errors)")
        #expect(fileSystem.text("out/p/permissions-policy-2.json") == nil)
        #expect(fileSystem.text("out/p/trust-policy.json") == nil)
        #expect(fileSystem.text("out/p/notes.md") == "the team's own file\n")
        #expect(fileSystem.text("out/p/permissions-policy.json") != nil)
    }

    @Test func anInputErrorWritesNothing() {
        var files = Self.files
        files["second.yaml"] = "persona: q\n"
        let fileSystem = InMemoryFileSystem(files)
        let (status, _) = run(["persona.yaml", "second.yaml", "-o", "out"], fileSystem)
        #expect(status == 2)
        #expect(fileSystem.kind(of: "out") == nil)
    }

    @Test func anOutputPathThatIsAFile() {
        let fileSystem = InMemoryFileSystem(Self.files.merging(["out": "a file\n"]) { $1 })
        let (status, console) = run(["persona.yaml", "-o", "out"], fileSystem)
        #expect(status == 2)
        #expect(console.errors.hasPrefix(
            "out: error: cannot write the bundle: a part of the path is a file, not a directory; nothing was written\n"))
    }

    @Test func directoriesOfPersonas() {
        let fileSystem = InMemoryFileSystem([
            "team/personas/a.yaml": BadInputTests.header.replacingOccurrences("persona: p", "persona: a")
                + "capabilities:\n  - use: read\n    with:\n      buckets: [a-data]\n",
            "team/personas/README.md": "not a persona",
            "team/templates/read.yaml": BadInputTests.library["templates/read.yaml"]!,
        ])
        let (status, console) = run(["team/personas", "-o", "build"], fileSystem)
        #expect(status == 0, "\(console.errors)")
        #expect(fileSystem.text("build/a/permissions-policy.json")?.contains("arn:aws:s3:::a-data/*") == true)
    }

    @Test func sameNameTwiceIsRefused() {
        var files = Self.files
        files["copy.yaml"] = files["persona.yaml"]
        let (status, console) = run(["persona.yaml", "copy.yaml", "-o", "out"], InMemoryFileSystem(files))
        #expect(status == 2)
        #expect(console.errors.contains("are both named 'p'; their bundles would overwrite each other"))
    }

    @Test func explainShowsProvenance() {
        let (status, console) = run(["persona.yaml", "--explain"], InMemoryFileSystem(Self.files))
        #expect(status == 0)
        #expect(console.output.contains("from capability 'read' at persona.yaml:9:5"))
        #expect(console.output.contains("template 'read' v1, statement Read at templates/read.yaml:9:5"))
    }

    @Test func templateDirectoriesGivenFirstShadowTheDiscoveredOnes() {
        let override = BadInputTests.library["templates/read.yaml"]!.replacingOccurrences("s3:GetObject", "s3:GetObjectVersion")
        let fileSystem = InMemoryFileSystem(Self.files.merging(["team/read.yaml": override]) { $1 })
        let (status, console) = run(["persona.yaml", "--templates", "team"], fileSystem)
        #expect(status == 0)
        #expect(console.output.contains("s3:GetObjectVersion"))
        #expect(!console.output.contains("\"s3:GetObject\""))
    }

    @Test func aGuardNothingSupportsIsAWarning() {
        var files = Self.files
        files["persona.yaml"]! += "guards:\n  net:\n    subnets: [subnet-0000000a]\n"
        let (status, console) = run(["persona.yaml"], InMemoryFileSystem(files))
        #expect(status == 0)
        #expect(console.errors == "persona.yaml:13:3: warning: guard 'net' is on, but no capability of this persona supports it, "
            + "so it adds no condition\n")
    }

    @Test func setTakesFlowLists() {
        var files = Self.files
        files["persona.yaml"] = BadInputTests.header + "values:\n  buckets: ~\ncapabilities:\n  - use: read\n    with:\n      buckets: ${buckets}\n"
        let (status, console) = run(["persona.yaml", "--set", "buckets=[one-bucket, two-bucket]"], InMemoryFileSystem(files))
        #expect(status == 0, "\(console.errors)")
        #expect(console.output.contains("arn:aws:s3:::one-bucket/*") && console.output.contains("arn:aws:s3:::two-bucket/*"))
    }

    @Test func warningsDoNotFailTheRun() {
        let (status, console) = run(["persona.yaml", "--set", "region=xx-newplace-1"], InMemoryFileSystem(Self.files))
        #expect(status == 0)
        #expect(console.errors.contains("warning: 'xx-newplace-1' is not a region rolegen knows"))
    }
}

/// The built `rolegen` binary, run as a process, for what only a real process shows.
@Suite struct ProcessTests {
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rolegen").path
    }

    private func run(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// The README's first command prints the data scientist's whole policy; the committed bundle
    /// holds the same statements split into managed policies. Together they must be equal.
    @Test func theREADMECommandPrintsThePolicyTheBundleSplits() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the rolegen product first")
        let result = try run(["personas/data-scientist.yaml", "--values", "examples/acme-ml/values.yaml"], in: Repository.root)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: the permissions policy is"))
        let printed = try statements(in: Data(result.stdout.utf8))
        let directory = Repository.path("examples/acme-ml/generated/data-scientist/")
        let parts = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("permissions-policy-") }.sorted()
        #expect(parts.count >= 2)
        var split: [String] = []
        for part in parts {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + part))
            let size = String(decoding: data, as: UTF8.self).unicodeScalars.count { !" \n\t\r".unicodeScalars.contains($0) }
            #expect(size <= 6_144, "\(part) is \(size) characters")
            split += try statements(in: data)
        }
        #expect(split.sorted() == printed.sorted())
    }

    /// Each statement of a policy document as canonical JSON (sorted keys).
    private func statements(in data: Data) throws -> [String] {
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(document["Statement"] as? [Any])
        return try list.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
    }

    @Test func inputErrorsExitWithTwoAndUsageErrorsToo() throws {
        let missing = try run(["does-not-exist.yaml"], in: Repository.root)
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "does-not-exist.yaml: error: cannot read the file: no such file or directory\n"
            + "rolegen: 1 error; nothing was written\n")
        #expect(try run(["--no-such-flag"], in: Repository.root).status == 2)
    }

    @Test func aDirectoryGivenAsAFile() throws {
        let result = try run(["personas/data-scientist.yaml", "--values", "examples"], in: Repository.root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("examples: error: cannot read the file: it is a directory, not a file\n"))
    }

    @Test func outputUnderARegularFileFailsCleanly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "x".write(toFile: directory + "/file", atomically: true, encoding: .utf8)
        let result = try run([Repository.path("personas/data-scientist.yaml"), "--values",
                              Repository.path("examples/acme-ml/values.yaml"), "-o", directory + "/file/out"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: cannot write the bundle: a part of the path is a file, not a directory; nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["file"])
    }
}
