internal import Yams

/// Parses one YAML document into a `SourceNode` tree, reporting syntax errors, duplicate keys
/// and documents that are too large or too deep at their line and column.
package enum YAMLReader {
    /// The root node, or `nil` after reporting why there is none.
    package static func parse(
        _ text: String, path: String, limits: Limits = .standard, into sink: DiagnosticSink
    ) -> SourceNode? {
        if SourceText.isBlank(text) {
            sink.error(.fileEmpty, "the file is empty", at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        let root: Node?
        do {
            // The basic resolver types nothing: rolegen's schema decides what scalars mean, and
            // the default resolver's regular expressions cost more than the rest of the parse.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            sink.report(diagnostic(for: error, text: text, path: path))
            return nil
        } catch {
            sink.error(.yamlSyntax, "invalid YAML: \(error)", at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        guard let root else {
            sink.error(.fileEmpty, "the file has no content, only comments",
                       at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        var converter = Converter(path: path, limits: limits)
        converter.buffer = SourceBuffer(text)
        do {
            return try converter.convert(root, depth: 0)
        } catch {
            sink.report(error.diagnostic)
            return nil
        }
    }

    /// Parses a value written on the command line (`--set name=VALUE`): YAML flow syntax, so
    /// `[a, b]` is a list and everything else is the literal text.
    package static func parseInline(_ text: String, origin: SourceLocation) -> SourceNode {
        let trimmed = text.trimmed
        if trimmed.hasPrefix("[") || trimmed.hasPrefix("{"),
           let node = try? Yams.compose(yaml: trimmed, .basic, .default, .utf8) {
            var converter = Converter(path: origin.path, limits: .standard, fixedLocation: origin)
            if let converted = try? converter.convert(node, depth: 0) { return converted }
        }
        return .scalar(text, plain: false, at: origin)
    }

    private struct ConversionError: Error {
        var diagnostic: Diagnostic
    }

    private struct Converter {
        var path: String
        var limits: Limits
        var fixedLocation: SourceLocation?
        var buffer: SourceBuffer?
        var nodeCount = 0

        init(path: String, limits: Limits, fixedLocation: SourceLocation? = nil) {
            self.path = path
            self.limits = limits
            self.fixedLocation = fixedLocation
        }

        mutating func convert(_ node: Node, depth: Int) throws(ConversionError) -> SourceNode {
            let location = location(of: node.mark)
            nodeCount += 1
            if nodeCount > limits.maxYAMLNodes {
                throw ConversionError(diagnostic: Diagnostic(
                    .error, .yamlTooComplex,
                    "the document holds more than \(limits.maxYAMLNodes) values, counting each one an alias (*name) "
                        + "repeats; rolegen stops here rather than exhaust memory: split the file, or repeat smaller anchors",
                    at: location))
            }
            if depth > limits.maxYAMLDepth {
                throw ConversionError(diagnostic: Diagnostic(
                    .error, .yamlTooComplex,
                    "lists and mappings are nested more than \(limits.maxYAMLDepth) levels deep here",
                    at: location))
            }
            // Only explicit local tags (`!Sub`) are kept: the basic resolver's are implied by the content.
            let tagName = node.tag.description
            let tag = tagName.hasPrefix("!") && tagName.count > 1 ? tagName : nil
            switch node {
            case .scalar(let scalar):
                var converted = SourceNode.scalar(scalar.string, plain: scalar.style == .plain, at: location, buffer: buffer)
                converted.tag = tag
                return converted
            case .sequence(let sequence):
                var items: [SourceNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence { items.append(try convert(item, depth: depth + 1)) }
                return SourceNode(.sequence(items), at: location, tag: tag)
            case .mapping(let mapping):
                var entries: [SourceNode.Entry] = []
                var merged: [SourceNode.Entry] = []
                entries.reserveCapacity(mapping.count)
                for (key, value) in mapping {
                    if case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain {
                        merged += try mergeEntries(value, depth: depth + 1)
                        continue
                    }
                    entries.append(.init(key: try convert(key, depth: depth + 1),
                                         value: try convert(value, depth: depth + 1)))
                }
                // YAML merge keys (`<<: *defaults`): keys written in the mapping itself win.
                for entry in merged where !entries.contains(where: { $0.key.scalarText == entry.key.scalarText }) {
                    entries.append(entry)
                }
                return SourceNode(.mapping(entries), at: location, tag: tag)
            case .alias:
                // `compose` resolves aliases; an unresolved one cannot reach here.
                throw ConversionError(diagnostic: Diagnostic(
                    .error, .yamlSyntax, "unresolved YAML alias", at: location))
            }
        }

        /// The entries a merge key brings in: one mapping, or a list of them (earlier ones win).
        mutating func mergeEntries(_ value: Node, depth: Int) throws(ConversionError) -> [SourceNode.Entry] {
            let sources: [Node]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let sequence): sources = Array(sequence)
            default: sources = []
            }
            var entries: [SourceNode.Entry] = []
            for source in sources {
                guard case .mapping = source, case .mapping(let converted) = try convert(source, depth: depth).content else {
                    throw ConversionError(diagnostic: Diagnostic(
                        .error, .yamlSyntax, "a merge key (<<) takes a mapping or a list of mappings, such as <<: *defaults",
                        at: location(of: value.mark)))
                }
                for entry in converted where !entries.contains(where: { $0.key.scalarText == entry.key.scalarText }) {
                    entries.append(entry)
                }
            }
            if sources.isEmpty {
                throw ConversionError(diagnostic: Diagnostic(
                    .error, .yamlSyntax, "a merge key (<<) takes a mapping or a list of mappings, such as <<: *defaults",
                    at: location(of: value.mark)))
            }
            return entries
        }

        func location(of mark: Mark?) -> SourceLocation {
            if let fixedLocation { return fixedLocation }
            return SourceLocation(path: path, line: mark?.line, column: mark?.column)
        }
    }

    private static func diagnostic(for error: YamlError, text: String, path: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("but found another document") {
                return Diagnostic(.error, .yamlMultipleDocuments,
                                  "the file holds more than one YAML document ('---'); rolegen reads one per file",
                                  at: at(mark))
            }
            // libYAML's own depth cap (1,000), worded as rolegen's own (Limits.maxYAMLDepth).
            if problem.contains("Maximum nesting level reached") {
                return Diagnostic(.error, .yamlTooComplex,
                                  "lists and mappings are nested more than 1000 levels deep here; rolegen reads at most "
                                  + "\(Limits.standard.maxYAMLDepth) (is the file generated by a runaway program?)",
                                  at: at(mark))
            }
            var notes: [Diagnostic.Note] = []
            var detail = ""
            if let context {
                if context.mark.line != mark.line || context.mark.column != mark.column {
                    notes.append(.init(context.text, at: at(context.mark)))
                } else {
                    detail = " (\(context.text))"
                }
            }
            return Diagnostic(.error, .yamlSyntax, "invalid YAML: \(problem)\(detail)\(hint(for: problem, line: line(mark.line, of: text)))",
                              at: at(mark), notes: notes)
        case .reader(let problem, let offset, _, _):
            let location = offset.map { characterOffsetLocation($0, in: text, path: path) }
                ?? SourceLocation(path: path, line: 1, column: 1)
            return Diagnostic(.error, .fileEncoding, "the file cannot be read as YAML: \(problem)", at: location)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = at(context.mark)
            if let second = locateDuplicate(of: key, after: context.mark, in: text, path: path) {
                return Diagnostic(.error, .yamlDuplicateKey,
                                  "key '\(key)' appears twice in the same mapping; remove or rename one",
                                  at: second, notes: [.init("first defined here", at: first)])
            }
            return Diagnostic(.error, .yamlDuplicateKey,
                              "key '\(key)' appears more than once in this mapping; remove or rename the duplicates",
                              at: first)
        case .memory:
            return Diagnostic(.error, .yamlTooComplex, "the YAML parser ran out of memory",
                              at: SourceLocation(path: path))
        default:
            return Diagnostic(.error, .yamlSyntax, "invalid YAML: \(error)", at: SourceLocation(path: path))
        }
    }

    private static func line(_ number: Int, of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? String(lines[number - 1]) : ""
    }

    /// A short fix for the libYAML messages people meet most.
    private static func hint(for problem: String, line: String) -> String {
        // `[${name}]`: in flow style the braces of a reference end the plain scalar.
        if line.contains("${") && (line.contains("[") || line.contains("{ ") || line.contains(": {")) {
            return "; quote references inside [ ] and { } (write \"${name}\"), or write the list one item per line"
        }
        if problem.contains("found character that cannot start any token") {
            return "; tabs cannot indent YAML, and values starting with '@' or '`' need quotes"
        }
        if problem.contains("mapping values are not allowed") {
            return "; quote values that contain ': ', or check the indentation"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "; check the indentation of this line against the lines above"
        }
        return ""
    }

    private static func characterOffsetLocation(_ offset: Int, in text: String, path: String) -> SourceLocation {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(path: path, line: line, column: column)
    }

    /// libYAML reports the first of two duplicate keys; find the second, which is the one to fix.
    /// Block mappings: the next line at the same indentation that starts with the key.
    /// Flow mappings: a later `, key:` on the same line.
    private static func locateDuplicate(of key: String, after mark: Mark, in text: String, path: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        func startsWithKey(_ rest: Substring) -> Bool {
            spellings.contains { spelling in
                guard rest.hasPrefix(spelling) else { return false }
                let after = rest.dropFirst(spelling.count).drop { $0 == " " }
                return after.hasPrefix(":")
            }
        }
        // Same line (flow mapping).
        let firstLine = Array(lines[mark.line - 1])
        var index = mark.column - 1 + key.count
        while index < firstLine.count {
            if firstLine[index] == "," || firstLine[index] == "{" {
                var start = index + 1
                while start < firstLine.count && firstLine[start] == " " { start += 1 }
                if start < firstLine.count, startsWithKey(Substring(String(firstLine[start...]))) {
                    return SourceLocation(path: path, line: mark.line, column: start + 1)
                }
            }
            index += 1
        }
        // Following lines (block mapping).
        let indent = mark.column - 1
        for lineIndex in mark.line..<lines.count {
            let line = lines[lineIndex]
            let leading = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(leading)
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if leading < indent {
                // A `- ` item marker at the parent's indentation ends the mapping too.
                return nil
            }
            if leading == indent && startsWithKey(rest) {
                return SourceLocation(path: path, line: lineIndex + 1, column: leading + 1)
            }
        }
        return nil
    }
}
