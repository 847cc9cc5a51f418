import ArgumentParser
import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// `rolegen diff` end to end on the fixtures in Tests/RolegenCoreTests/Fixtures/diff: every report
/// format (golden files), persona-vs-dump drift, directory pairs, exit codes and bad inputs.
@Suite struct DiffCommandTests {
    static let fixtures = "Tests/RolegenCoreTests/Fixtures/diff"

    private func run(_ arguments: [String]) -> (Int32, CapturingConsole) {
        let console = CapturingConsole()
        let status = RolegenCommand.run(arguments: ["diff"] + arguments, console: console,
                                        fileSystem: RootedFileSystem(root: Repository.root))
        return (status, console)
    }

    private func path(_ name: String) -> String { Self.fixtures + "/" + name }

    @Test(arguments: DiffReportFormat.allCases)
    func reportsEveryFormat(format: DiffReportFormat) {
        let (status, console) = run([path("old.json"), path("new.json"), "--format", format.rawValue])
        #expect(status == 0)
        #expect(console.errors.isEmpty, "\(console.errors)")
        let name = ["text": "report.txt", "json": "report.json", "markdown": "report.md"][format.rawValue]!
        GoldenFile.check(console.output, against: Repository.path(path("expected/" + name)))
    }

    @Test func failOnNewAccessExitsWithOne() {
        #expect(run([path("old.json"), path("new.json"), "--fail-on", "new-access"]).0 == 1)
        #expect(run([path("old.json"), path("old.json"), "--fail-on", "new-access"]).0 == 0)
        // NEW grants less: nothing new.
        #expect(run([path("new.json"), path("old.json"), "--fail-on", "new-access"]).0 == 1)
    }

    @Test func textThatDiffersWithEqualSemanticsIsSaidSo() {
        let (status, console) = run([path("old.json"), path("reordered.json"), "--fail-on", "new-access"])
        #expect(status == 0)
        #expect(console.output.contains("Verdict: equivalent"))
        #expect(console.output.contains("the text differs but the semantics are equal"))
    }

    @Test func allListsEveryRegion() {
        let (_, first) = run([path("old.json"), path("new.json")])
        let (_, every) = run([path("old.json"), path("new.json"), "--all"])
        #expect(every.output.components(separatedBy: "- action ").count > first.output.components(separatedBy: "- action ").count)
        GoldenFile.check(every.output, against: Repository.path(path("expected/report-all.txt")))
    }

    @Test func personaAgainstARoleOfADump() {
        let (status, console) = run(["personas/ml-auditor.yaml", path("authorization-details.json"), "--role", "acme-ml-auditor",
                                     "--values", "examples/acme-ml/values.yaml", "--fail-on", "new-access"])
        #expect(status == 1, "\(console.errors)")
        #expect(console.output.contains("Verdict: NEW grants more"))
        #expect(console.output.contains("action s3:DeleteObject"))
        #expect(console.output.contains("left out: arn:aws:iam::aws:policy/ReadOnlyAccess; the verdict is relative to what the dump contains"))
        GoldenFile.check(console.output, against: Repository.path(path("expected/drift.txt")))
    }

    @Test func directoriesArePairedByFileName() {
        let (status, console) = run([path("dirs/old"), path("dirs/new"), "--fail-on", "new-access"])
        #expect(status == 1)
        #expect(console.output.contains("(only in NEW)"))
        #expect(console.output.contains("(only in OLD)"))
        #expect(console.output.contains("dirs/old/notes.json: not a policy, not compared"))
        #expect(console.output.contains("dirs/new/trust-policy.json: a trust or resource policy, not compared"))
        GoldenFile.check(console.output, against: Repository.path(path("expected/dirs.txt")))
    }

    @Test func anUnreadableFileInADirectoryPairHidesNoOtherVerdict() {
        let (status, console) = run([path("dirs-broken/old"), path("dirs-broken/new"), "--fail-on", "new-access"])
        #expect(status == 2)
        #expect(console.errors.contains("\(path("dirs-broken/new/broken.json")):2:1: error: not valid JSON"), "\(console.errors)")
        #expect(console.errors.contains("those pairs were not compared"))
        #expect(console.output.contains("queues.json"))
        #expect(console.output.contains("broken.json: could not be read (see the errors), not compared"))
    }

    @Test func modesAndConstraintsArePrinted() {
        let (status, console) = run([path("old.json"), path("new.json"), "--mode", "robust", "--no-domain", "d2", "--domain", "d3"])
        #expect(status == 0)
        #expect(console.output.contains("mode: robust"))
        #expect(console.output.contains("d2 resource templates from the catalog: off"))
        #expect(console.output.contains("d3 always-present keys: on"))
    }

    @Test func badInputsExitWithTwo() {
        let (missing, missingConsole) = run([path("nowhere.json"), path("new.json")])
        #expect(missing == 2)
        #expect(missingConsole.errors.contains("\(path("nowhere.json")): error: cannot read \(path("nowhere.json")): no such file or directory"))
        let (broken, brokenConsole) = run([path("broken.json"), path("new.json")])
        #expect(broken == 2)
        #expect(brokenConsole.errors.contains("\(path("broken.json")):4:50: error: not valid JSON"), "\(brokenConsole.errors)")
        let (invalid, invalidConsole) = run([path("invalid-policy.json"), path("new.json")])
        #expect(invalid == 2)
        #expect(invalidConsole.errors.contains("\(path("invalid-policy.json")):4:16: error: IAM rejects this identity policy: The policy failed legacy parsing"), "\(invalidConsole.errors)")
        let (role, roleConsole) = run([path("old.json"), path("authorization-details.json"), "--role", "acme-ml-audit"])
        #expect(role == 2)
        #expect(roleConsole.errors.contains("error: no role 'acme-ml-audit' in \(path("authorization-details.json")); did you mean 'acme-ml-auditor'?"), "\(roleConsole.errors)")
        let (noRole, noRoleConsole) = run([path("old.json"), path("authorization-details.json")])
        #expect(noRole == 2)
        #expect(noRoleConsole.errors.contains("choose a role with --role NAME (roles: acme-ml-auditor, acme-ml-builder)"))
        let (mixed, mixedConsole) = run([path("dirs/old"), path("new.json")])
        #expect(mixed == 2)
        #expect(mixedConsole.errors.contains("is a directory but"))
        let (format, formatConsole) = run([path("old.json"), path("new.json"), "--format", "yaml"])
        #expect(format == 2)
        #expect(formatConsole.errors.contains("unknown format 'yaml'"))
        let (mode, modeConsole) = run([path("old.json"), path("new.json"), "--mode", "robustt"])
        #expect(mode == 2)
        #expect(modeConsole.errors.contains("unknown mode 'robustt'; did you mean 'robust'?"))
        let (failOn, failOnConsole) = run([path("old.json"), path("new.json"), "--fail-on", "new"])
        #expect(failOn == 2)
        #expect(failOnConsole.errors.contains("unknown --fail-on 'new'"))
    }

    @Test func writesTheReportToAFile() {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
        let fileSystem = InMemoryFileSystem(["a.json": policy, "b.json": policy])
        let console = CapturingConsole()
        let status = RolegenCommand.run(arguments: ["diff", "a.json", "b.json", "--format", "json", "-o", "report.json", "--fail-on", "new-access"],
                                        console: console, fileSystem: fileSystem)
        #expect(status == 0)
        #expect(console.output.isEmpty)
        #expect(fileSystem.text("report.json")?.contains("\"summary\": \"equivalent\"") == true)
    }

    @Test func helpListsLimitationsAndChoices() {
        let help = DiffCommand.helpMessage()
        #expect(help.contains("KNOWN LIMITATIONS"))
        #expect(help.contains("cross-account"))
        #expect(help.contains("IMPLEMENTATION-DEFINED CHOICES (I-D)"))
        #expect(help.contains("UNKNOWN is never turned into PASS"))
        #expect(help.contains("FAIL or UNKNOWN"))
    }
}
