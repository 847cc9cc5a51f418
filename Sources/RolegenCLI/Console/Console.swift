#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// Where a command writes: results to standard output, diagnostics and progress to standard
/// error. Injected so tests can capture both without starting a process.
package protocol Console: AnyObject {
    func writeOutput(_ text: String)
    func writeError(_ text: String)
    /// Whether diagnostics may be coloured.
    var colorsErrors: Bool { get }
    /// Whether standard output may be coloured (a terminal, and NO_COLOR unset).
    var colorsOutput: Bool { get }
    func environment(_ name: String) -> String?
    /// All of standard input (`rolegen lint -`).
    func readInput() -> [UInt8]
    /// How much to say on standard error beyond results and errors (`--quiet`, `--verbose`).
    var verbosity: Verbosity { get }
    /// Whether a transient progress line may be drawn on standard error: a terminal, not --quiet.
    var showsProgress: Bool { get }
}

/// `--quiet`: errors only; `--verbose`: also which files and settings a run used.
package enum Verbosity: Sendable, Comparable {
    case quiet
    case normal
    case verbose
}

extension Console {
    package var verbosity: Verbosity { .normal }
    package var showsProgress: Bool { false }

    /// A message about the run ("wrote ...", summaries), on standard error unless --quiet.
    package func writeInfo(_ text: String) {
        if verbosity > .quiet { writeError(text) }
    }

    /// Detail only --verbose asks for, on standard error.
    package func writeVerbose(_ text: String) {
        if verbosity == .verbose { writeError(text) }
    }

    /// A progress line shown if the work is still running after a moment, and only where
    /// `showsProgress`; finish it when the work is done. Never on standard output.
    package func startProgress(_ message: String) -> ProgressLine? {
        showsProgress ? ProgressLine(message) : nil
    }
}

/// The process's own standard output and error.
package final class StandardConsole: Console {
    package var verbosity: Verbosity

    package init(verbosity: Verbosity = .normal) {
        self.verbosity = verbosity
    }

    package var showsProgress: Bool {
        verbosity > .quiet && isatty(STDERR_FILENO) == 1 && environment("TERM") != "dumb"
    }

    package func writeOutput(_ text: String) { write(text, to: STDOUT_FILENO) }
    package func writeError(_ text: String) { write(text, to: STDERR_FILENO) }

    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org), always with FORCE_COLOR.
    package var colorsErrors: Bool {
        if let value = environment("NO_COLOR"), !value.isEmpty { return false }
        if let value = environment("FORCE_COLOR"), !value.isEmpty, value != "0" { return true }
        return isatty(STDERR_FILENO) == 1 && environment("TERM") != "dumb"
    }

    package var colorsOutput: Bool {
        if let value = environment("NO_COLOR"), !value.isEmpty { return false }
        if let value = environment("FORCE_COLOR"), !value.isEmpty, value != "0" { return true }
        return isatty(STDOUT_FILENO) == 1 && environment("TERM") != "dumb"
    }

    package func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    package func readInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes }
            bytes += buffer[..<count]
        }
    }

    private func write(_ text: String, to descriptor: Int32) { writeAll(text, to: descriptor) }
}

/// Captures output in memory, for tests.
package final class CapturingConsole: Console {
    package private(set) var output = ""
    package private(set) var errors = ""
    package var colorsErrors = false
    package var colorsOutput = false
    package var variables: [String: String] = [:]
    package var input: [UInt8] = []
    package var verbosity = Verbosity.normal

    package init() {}

    package func readInput() -> [UInt8] { input }

    package func writeOutput(_ text: String) { output += text }
    package func writeError(_ text: String) { errors += text }
    package func environment(_ name: String) -> String? { variables[name] }
}

/// One line of progress on standard error (a terminal), drawn only when the work outlasts
/// `delay`, so quick runs print nothing, and erased when finished.
package final class ProgressLine: @unchecked Sendable {
    // `shown` and `finished` are guarded by `lock`: the timer and the caller's thread race.
    private let lock = NSLock()
    private var shown = false
    private var finished = false
    private let message: String

    package init(_ message: String, delay: Double = 0.5) {
        self.message = message
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in
            lock.withLock {
                guard !finished else { return }
                shown = true
                writeAll("\r\u{1B}[K\(message)", to: STDERR_FILENO)
            }
        }
    }

    /// Erases the line if it was drawn; nothing is drawn after this.
    package func finish() {
        lock.withLock {
            finished = true
            if shown { writeAll("\r\u{1B}[K", to: STDERR_FILENO) }
        }
    }
}

private func writeAll(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        bytes = bytes.dropFirst(written)
    }
}

/// The C library's `write(2)`, out of reach of the method of the same name.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// Another console seen through `--quiet` or `--verbose`: the same streams, a different verbosity.
package final class LeveledConsole: Console {
    private let base: any Console
    package let verbosity: Verbosity

    package init(_ base: any Console, verbosity: Verbosity) {
        self.base = base
        self.verbosity = verbosity
    }

    package func writeOutput(_ text: String) { base.writeOutput(text) }
    package func writeError(_ text: String) { base.writeError(text) }
    package var colorsErrors: Bool { base.colorsErrors }
    package var colorsOutput: Bool { base.colorsOutput }
    package func environment(_ name: String) -> String? { base.environment(name) }
    package func readInput() -> [UInt8] { base.readInput() }
    package var showsProgress: Bool { verbosity > .quiet && base.showsProgress }
}
