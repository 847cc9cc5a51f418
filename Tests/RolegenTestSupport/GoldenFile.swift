package import Testing
import Foundation

/// Compares generated text with a committed golden file.
///
/// Record mode: with `ROLEGEN_RECORD=1` in the environment, or when the golden file does not
/// exist, the actual text is written to the golden file and the test *fails*, so a new or
/// changed baseline is never accepted without a person reading `git diff` first:
///
///     ROLEGEN_RECORD=1 swift test --filter GoldenTests   # writes, fails
///     git diff                                           # review
///     swift test                                         # passes
package enum GoldenFile {
    package static var isRecording: Bool { ProcessInfo.processInfo.environment["ROLEGEN_RECORD"] == "1" }

    package static func check(_ actual: String, against path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = try? String(contentsOfFile: path, encoding: .utf8)
        if isRecording || expected == nil {
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
                Issue.record("recorded a new golden file at \(path); review it with git diff, then run the tests again without ROLEGEN_RECORD",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record golden file \(path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected, expected != actual else { return }
        Issue.record("""
            output differs from \(path) (- expected, + actual); if the change is intended, \
            re-record with ROLEGEN_RECORD=1 and review the diff:
            \(LineDiff.render(expected: expected, actual: actual))
            """, sourceLocation: sourceLocation)
    }
}

/// A minimal unified-style line diff for failure messages.
package enum LineDiff {
    package static func render(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = new.difference(from: old)
        var removed: [Int: String] = [:], inserted: [Int: String] = [:]
        for change in difference {
            switch change {
            case .remove(let offset, let element, _): removed[offset] = element
            case .insert(let offset, let element, _): inserted[offset] = element
            }
        }
        var lines: [String] = []
        var oldIndex = 0, newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            if let line = removed[oldIndex] {
                lines.append("- " + line)
                oldIndex += 1
            } else if let line = inserted[newIndex] {
                lines.append("+ " + line)
                newIndex += 1
            } else {
                if oldIndex < old.count { lines.append("  " + old[oldIndex]) }
                oldIndex += 1
                newIndex += 1
            }
        }
        // Keep three lines of context around changes.
        let changed = lines.indices.filter { !lines[$0].hasPrefix("  ") }
        let keep = Set(changed.flatMap { max(0, $0 - 3)...min(lines.count - 1, $0 + 3) })
        return lines.indices.filter(keep.contains).map { lines[$0] }.joined(separator: "\n")
    }
}
