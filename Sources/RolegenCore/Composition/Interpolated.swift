/// A string from a template or persona with its `${name}` references found and located.
///
/// `${name}` and `${a.b}` are rolegen references. Anything else inside `${...}` that IAM
/// understands is left for IAM: policy variables (`${aws:username}`, `${sagemaker:DomainId}`)
/// and its escapes `${*}`, `${?}`, `${$}`.
package struct Interpolated: Hashable, Sendable {
    package enum Segment: Hashable, Sendable {
        case literal(String)
        case reference(String, location: SourceLocation)
    }

    package var text: String
    package var segments: [Segment]
    package var location: SourceLocation

    /// The rolegen references, in order.
    package var references: [(name: String, location: SourceLocation)] {
        segments.compactMap {
            if case .reference(let name, let location) = $0 { return (name, location) }
            return nil
        }
    }

    /// The string is exactly one reference, `${name}`: it then stands for the whole value,
    /// list or tags included, not for text.
    package var singleReference: String? {
        if segments.count == 1, case .reference(let name, _) = segments[0] { return name }
        return nil
    }

    package var isLiteral: Bool { references.isEmpty }

    /// A literal with no references.
    package init(literal text: String, at location: SourceLocation) {
        self.text = text
        self.segments = text.isEmpty ? [] : [.literal(text)]
        self.location = location
    }

    private init(text: String, segments: [Segment], location: SourceLocation) {
        self.text = text
        self.segments = segments
        self.location = location
    }

    /// Finds the references in `text`, whose first character is at `location`.
    package static func parse(_ text: String, at location: SourceLocation) -> Result<Interpolated, Diagnostic> {
        var segments: [Segment] = []
        var literal = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index] == "$", index + 1 < characters.count, characters[index + 1] == "{" else {
                literal.append(characters[index])
                index += 1
                continue
            }
            guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                return .failure(Diagnostic(.error, .referenceInvalid,
                                           "'${' is not closed; write references as ${name}",
                                           at: location.advanced(by: index)))
            }
            let body = String(characters[(index + 2)..<close])
            let referenceLocation = location.advanced(by: index)
            if isPolicyVariable(body) {
                literal += "${" + body + "}"
            } else if isReferenceName(body) {
                if !literal.isEmpty { segments.append(.literal(literal)) }
                literal = ""
                segments.append(.reference(body, location: referenceLocation))
            } else {
                return .failure(Diagnostic(
                    .error, .referenceInvalid,
                    "'${\(body)}' is neither a rolegen reference (${name}, letters, digits and '_') "
                        + "nor an IAM policy variable (${service:key})",
                    at: referenceLocation))
            }
            index = close + 1
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return .success(Interpolated(text: text, segments: segments, location: location))
    }

    /// `aws:username`, `sagemaker:DomainId`, `aws:PrincipalTag/team`, and IAM's `*`, `?`, `$` escapes.
    private static func isPolicyVariable(_ body: String) -> Bool {
        body.contains(":") || body == "*" || body == "?" || body == "$"
    }

    package static func isReferenceName(_ body: String) -> Bool {
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            guard let first = part.first, first.isLetter || first == "_" else { return false }
            return part.allSatisfy { $0.isLetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }
        }
    }
}

extension Interpolated {
    /// Reads a scalar node as an interpolated string, reporting a malformed reference.
    /// Quoted scalars start one column after their quote.
    package static func from(_ node: SourceNode, sink: DiagnosticSink) -> Interpolated? {
        guard case .scalar(let scalar) = node.content else { return nil }
        let start = scalar.isPlain ? node.location : node.location.advanced(by: 1)
        switch parse(scalar.text, at: start) {
        case .success(var value):
            // Offsets in the text are columns only for a scalar written on one line without
            // escapes; the file itself says where each reference really is.
            if let buffer = scalar.buffer {
                var from = node.location
                value.segments = value.segments.map { segment in
                    guard case .reference(let name, let location) = segment,
                          let found = buffer.locate("${\(name)}", from: from) else { return segment }
                    from = found.advanced(by: 1)
                    return found == location ? segment : .reference(name, location: found)
                }
            }
            return value
        case .failure(let diagnostic):
            sink.report(diagnostic)
            return nil
        }
    }
}
