/// Resolves `${name}` references against a scope.
///
/// A string that refers to lists stands for every combination: `arn:...:${region}:...bucket/${buckets}`
/// with two regions and three buckets is six strings. This is how one template statement
/// covers every bucket of a team without text substitution over JSON (Role Manager's way, D10).
package struct Expander {
    package let sink: DiagnosticSink
    package let limits: Limits

    package init(sink: DiagnosticSink, limits: Limits = .standard) {
        self.sink = sink
        self.limits = limits
    }

    /// Every string `text` stands for, or `nil` after reporting an unknown or unusable reference.
    /// An empty list among the references gives no strings at all.
    package func strings(_ text: Interpolated, in scope: Scope) -> [BoundScalar]? {
        if text.isLiteral { return [BoundScalar(text.text, origin: text.location)] }
        var results = [""]
        var origin = text.location
        for segment in text.segments {
            switch segment {
            case .literal(let literal):
                results = results.map { $0 + literal }
            case .reference(let name, let location):
                guard let value = lookup(name, at: location, in: scope) else { return nil }
                guard let pieces = value.strings else {
                    sink.error(.referenceInvalid,
                               "'${\(name)}' holds tags (a mapping of keys to values) and cannot be used inside a string",
                               at: location)
                    return nil
                }
                if text.singleReference != nil, pieces.count == 1 { origin = pieces[0].origin }
                if results.count * pieces.count > limits.maxExpansion {
                    sink.error(.expansionTooLarge,
                               "'\(text.text.truncatedForMessage)' expands to more than \(limits.maxExpansion) strings; "
                                   + "split the lists or use fewer of them in one string",
                               at: text.location)
                    return nil
                }
                results = results.flatMap { prefix in pieces.map { prefix + $0.text } }
            }
        }
        if let name = text.singleReference, case .list(let items, _)? = scope[name] {
            return items
        }
        return results.map { BoundScalar($0, origin: origin) }
    }

    /// The value a YAML node stands for: a scalar, a list (items expanded and flattened), or tags.
    /// `${name}` alone keeps the referenced value's kind.
    package func value(of node: SourceNode, in scope: Scope, what: String) -> BoundValue? {
        switch node.content {
        case .scalar:
            guard let text = Interpolated.from(node, sink: sink) else { return nil }
            if let name = text.singleReference {
                return lookup(name, at: node.location, in: scope)
            }
            guard let pieces = strings(text, in: scope) else { return nil }
            let hasListReference = text.references.contains { reference in
                if case .list? = scope[reference.name] { return true }
                return false
            }
            if pieces.count == 1 && !hasListReference { return .scalar(pieces[0]) }
            return .list(pieces, origin: node.location)
        case .sequence(let items):
            var result: [BoundScalar] = []
            var failed = false
            for item in items {
                switch item.content {
                case .scalar:
                    guard !item.isNull else {
                        sink.error(.schemaType, "an item of \(what) is empty", at: item.location)
                        failed = true
                        continue
                    }
                    guard let text = Interpolated.from(item, sink: sink), let pieces = strings(text, in: scope) else {
                        failed = true
                        continue
                    }
                    result.append(contentsOf: pieces)
                case .sequence, .mapping:
                    sink.error(.schemaType, "expected each item of \(what) to be a single value, found \(item.kindDescription)",
                               at: item.location)
                    failed = true
                }
            }
            return failed ? nil : .list(result, origin: node.location)
        case .mapping:
            guard let entries = NodeReading.entries(node, what: what, sink: sink) else { return nil }
            var tags: [TagEntry] = []
            var failed = false
            for (key, valueNode) in entries {
                guard let valueText = NodeReading.string(valueNode, what: "tag '\(key.value)'", sink: sink),
                      let parsed = Interpolated.parse(valueText.value, at: valueText.location).reported(to: sink),
                      let pieces = strings(parsed, in: scope) else {
                    failed = true
                    continue
                }
                guard pieces.count == 1 else {
                    sink.error(.schemaType, "tag '\(key.value)' must have exactly one value", at: valueNode.location)
                    failed = true
                    continue
                }
                tags.append(TagEntry(key: BoundScalar(key.value, origin: key.location), value: pieces[0]))
            }
            return failed ? nil : .tags(tags, origin: node.location)
        }
    }

    private func lookup(_ name: String, at location: SourceLocation, in scope: Scope) -> BoundValue? {
        if let value = scope[name] { return value }
        var notes: [Diagnostic.Note] = []
        if !scope.names.isEmpty {
            notes.append(.init("known names in \(scope.description): \(scope.names.joined(separator: ", "))"))
        } else {
            notes.append(.init("\(scope.description) define no names"))
        }
        let suggestion = Suggestions.closest(to: name, in: scope.names).first.map { "; did you mean '${\($0)}'?" } ?? ""
        sink.error(.referenceUnknown, "unknown reference '${\(name)}'\(suggestion)", at: location, notes: notes)
        return nil
    }
}

extension Result where Failure == Diagnostic {
    /// The success value, or `nil` after reporting the failure.
    package func reported(to sink: DiagnosticSink) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let diagnostic):
            sink.report(diagnostic)
            return nil
        }
    }
}
