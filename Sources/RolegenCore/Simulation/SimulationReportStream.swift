/// Writes a `simulate` report while the requests are decided: each outcome is rendered and let
/// go, so 100,000 requests take the memory of one (an outcome holds every statement's result,
/// tens of KB with a large policy). The bytes are those `SimulationReport.render` gives for the
/// whole list; output leaves in chunks of 64 KB.
package struct SimulationReportStream {
    private let format: SimulationFormat
    private let explain: Bool
    private let write: (String) -> Void
    private var chunk = ""
    private var requests = 0
    private var allowed = 0
    private var unexpected = 0
    private var anyExpected = false

    package init(format: SimulationFormat, explain: Bool, write: @escaping (String) -> Void) {
        self.format = format
        self.explain = explain
        self.write = write
    }

    /// Every outcome so far met its `--expect`.
    package var allMet: Bool { unexpected == 0 }

    package mutating func add(_ outcome: SimulationOutcome) {
        switch format {
        case .text:
            chunk += SimulationReport(outcomes: [outcome], explain: explain).render(.text)
        case .json:
            chunk += requests == 0 ? "{\n  \"results\": [\n" : ",\n"
            chunk += "    " + SimulationReport.json(outcome).rendered(nestedAt: "    ")
        }
        requests += 1
        if outcome.result.decision == .allow { allowed += 1 }
        if outcome.expected != nil { anyExpected = true }
        if !outcome.meetsExpectation { unexpected += 1 }
        if chunk.utf8.count >= 1 << 16 {
            write(chunk)
            chunk = ""
        }
    }

    package mutating func finish() {
        if format == .json {
            chunk += requests == 0 ? "{\n  \"results\": []" : "\n  ]"
            let summary = SimulationReport.summary(requests: requests, allowed: allowed, unexpected: anyExpected ? unexpected : nil)
            chunk += ",\n  \"summary\": " + summary.rendered(nestedAt: "  ") + "\n}\n"
        }
        write(chunk)
        chunk = ""
    }
}
