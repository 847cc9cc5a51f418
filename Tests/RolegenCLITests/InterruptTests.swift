import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// No data lost (issue 9): an interrupted run leaves no partial and no temporary file, and
/// `--check` writes nothing. The interrupt is real: the built binary, a SIGINT sent the moment
/// its first temporary file appears, on a generation of every bundled persona.
@Suite struct InterruptTests {
    /// An empty scratch directory.
    private func scratch() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-interrupt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    private func files(under directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory + "/" + $0, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// Whether a bundle directory holds a temporary file now: two listings deep, no more, so
    /// that the poll is quicker than the write it watches.
    private func hasTemporaryFile(in output: String) -> Bool {
        let manager = FileManager.default
        for persona in (try? manager.contentsOfDirectory(atPath: output)) ?? [] {
            if ((try? manager.contentsOfDirectory(atPath: output + "/" + persona)) ?? []).contains(where: { $0.hasSuffix(".tmp") }) {
                return true
            }
        }
        return false
    }

    @Test func sigintDuringAWriteLeavesNoPartialOrTemporaryFile() throws {
        #expect(FileManager.default.isExecutableFile(atPath: ProcessTests.binary), "build the rolegen product first")
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Spawned with every signal unblocked and at its default, as a shell starts it: the
        // test's own threads (libdispatch workers) block signals, and a child inherits that.
        let arguments = [ProcessTests.binary, "generate", Repository.path("personas"), "--values", Repository.path("examples/acme-ml/values.yaml"),
                         "-o", directory + "/out"]
        let pid = try spawnWithDefaultSignals(arguments)
        var interruptedWhileWriting = false
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if hasTemporaryFile(in: directory + "/out") {
                kill(pid, SIGINT)
                interruptedWhileWriting = true
                waitpid(pid, &status, 0)
                break
            }
            usleep(200)
        }
        #expect(interruptedWhileWriting, "the run ended before its first temporary file was seen")
        if interruptedWhileWriting {
            // Died of the signal (not exit 0): the write was really interrupted.
            #expect(status & 0x7F == SIGINT, "wait status \(status)")
        }
        let left = files(under: directory + "/out")
        #expect(!left.contains { $0.hasSuffix(".tmp") }, "\(left)")
        // Whatever was renamed into place before the interrupt is whole.
        for file in left {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/out/" + file))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) is not complete JSON")
        }
    }

    private func spawnWithDefaultSignals(_ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        return pid
    }

    @Test func checkWritesNothing() throws {
        let fileSystem = InMemoryFileSystem(GenerateCommandTests.files)
        let console = CapturingConsole()
        let before = fileSystem.files.keys.sorted()
        let status = RolegenCommand.run(arguments: ["persona.yaml", "-o", "out", "--check"], console: console, fileSystem: fileSystem)
        #expect(status == 1)
        #expect(fileSystem.files.keys.sorted() == before)
    }
}
