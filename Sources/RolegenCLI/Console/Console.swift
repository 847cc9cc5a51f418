#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
}

/// The process's own standard output and error.
package final class StandardConsole: Console {
    package init() {}

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

    private func write(_ text: String, to descriptor: Int32) {
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
}

/// Captures output in memory, for tests.
package final class CapturingConsole: Console {
    package private(set) var output = ""
    package private(set) var errors = ""
    package var colorsErrors = false
    package var colorsOutput = false
    package var variables: [String: String] = [:]
    package var input: [UInt8] = []

    package init() {}

    package func readInput() -> [UInt8] { input }

    package func writeOutput(_ text: String) { output += text }
    package func writeError(_ text: String) { errors += text }
    package func environment(_ name: String) -> String? { variables[name] }
}

/// The C library's `write(2)`, out of reach of the method of the same name.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
