/// Gives a template's or guard's parameters their values: from the arguments a persona (or an
/// including template) passes, else from the declared default. Every value is checked against
/// its declared type; a wrong one is reported where it was written, with a note at the
/// parameter's declaration.
package struct ParameterBinder {
    package let sink: DiagnosticSink
    package let limits: Limits

    /// Who the parameters belong to, for messages: "template 'sagemaker-training-jobs'".
    package struct Owner {
        package var description: String
        package var parameters: [ParameterSpec]
    }

    /// The bound parameters as a scope, or `nil` after reporting what is wrong.
    ///
    /// - Parameters:
    ///   - arguments: the `with:` entries; their references resolve in `argumentScope`.
    ///   - defaultScope: what defaults may refer to (`${partition}`, `${account}`, `${region}`).
    ///   - requestedAt: the persona entry or include asking for the owner, for missing-parameter errors.
    package func bind(
        _ owner: Owner, arguments: [NamedNode], argumentScope: Scope, defaultScope: Scope,
        requestedAt: SourceLocation, validation: ValidationContext
    ) -> Scope? {
        let before = sink.errorCount
        let expander = Expander(sink: sink, limits: limits)
        let names = owner.parameters.map(\.name.value)
        var given: [String: NamedNode] = [:]
        for argument in arguments {
            guard names.contains(argument.name.value) else {
                sink.error(.parameterUnknown,
                           "\(owner.description) has no parameter '\(argument.name.value)'"
                               + Suggestions.didYouMean(argument.name.value, in: names),
                           at: argument.name.location,
                           notes: [.init(names.isEmpty ? "it takes no parameters" : "its parameters are \(names.joined(separator: ", "))")])
                continue
            }
            given[argument.name.value] = argument
        }
        var scope = Scope(description: "the parameters of \(owner.description)")
        for spec in owner.parameters {
            let name = spec.name.value
            let value: BoundValue?
            let declared = Diagnostic.Note("parameter '\(name)' (\(spec.type)) is declared here", at: spec.location)
            if let argument = given[name] {
                if argument.node.isNull {
                    sink.error(.parameterMissing, "parameter '\(name)' of \(owner.description) is empty; give it a value",
                               at: argument.node.location, notes: [declared])
                    continue
                }
                value = expander.value(of: argument.node, in: argumentScope, what: "parameter '\(name)'")
            } else if let fallback = spec.defaultValue {
                value = expander.value(of: fallback, in: defaultScope, what: "the default of '\(name)'")
            } else {
                var message = "\(owner.description) needs parameter '\(name)' (\(spec.type))"
                if let description = spec.description { message += ": \(description.firstSentence)" }
                sink.error(.parameterMissing, message + "; add it under 'with:'", at: requestedAt, notes: [declared])
                continue
            }
            guard let value, let checked = check(value, against: spec, owner: owner, validation: validation, declared: declared) else {
                continue
            }
            scope[name] = checked
        }
        return sink.errorCount == before ? scope : nil
    }

    private func check(
        _ value: BoundValue, against spec: ParameterSpec, owner: Owner, validation: ValidationContext, declared: Diagnostic.Note
    ) -> BoundValue? {
        let name = spec.name.value
        switch spec.type {
        case .tags:
            guard case .tags(let entries, _) = value else {
                sink.error(.parameterInvalid, "parameter '\(name)' of \(owner.description) takes tags (a mapping of keys to values), "
                           + "found \(value.kindDescription)", at: value.origin, notes: [declared])
                return nil
            }
            if entries.isEmpty && !defaultIsEmpty(spec) {
                sink.error(.parameterInvalid, "parameter '\(name)' of \(owner.description) needs at least one tag",
                           at: value.origin, notes: [declared])
                return nil
            }
            return value
        case .scalar(let kind):
            guard case .scalar(let scalar) = value else {
                sink.error(.parameterInvalid, "parameter '\(name)' of \(owner.description) takes a single \(kind.rawValue), "
                           + "found \(value.kindDescription)", at: value.origin, notes: [declared])
                return nil
            }
            return checkItem(scalar, kind: kind, spec: spec, validation: validation, declared: declared) ? value : nil
        case .list(let kind):
            guard let items = value.strings else {
                sink.error(.parameterInvalid, "parameter '\(name)' of \(owner.description) takes a list of \(kind.rawValue), "
                           + "found \(value.kindDescription)", at: value.origin, notes: [declared])
                return nil
            }
            if items.isEmpty && !defaultIsEmpty(spec) {
                sink.error(.parameterInvalid, "parameter '\(name)' of \(owner.description) needs at least one value",
                           at: value.origin, notes: [declared])
                return nil
            }
            var unique: [BoundScalar] = []
            var valid = true
            for item in items {
                if !checkItem(item, kind: kind, spec: spec, validation: validation, declared: declared) { valid = false }
                if !unique.contains(where: { $0.text == item.text }) { unique.append(item) }
            }
            return valid ? .list(unique, origin: value.origin) : nil
        }
    }

    private func checkItem(
        _ item: BoundScalar, kind: ScalarKind, spec: ParameterSpec, validation: ValidationContext, declared: Diagnostic.Note
    ) -> Bool {
        if let allowed = spec.allowed, !allowed.contains(item.text) {
            sink.error(.parameterInvalid, "'\(item.text)' is not allowed for '\(spec.name.value)'"
                       + Suggestions.didYouMean(item.text, in: allowed) + "; choose one of \(allowed.quotedList(conjunction: "or"))",
                       at: item.origin, notes: [declared])
            return false
        }
        switch ValueValidation.check(item.text, as: kind, context: validation) {
        case .valid:
            return true
        case .warning(let message):
            sink.warning(.parameterInvalid, message, at: item.origin, notes: [declared])
            return true
        case .invalid(let message):
            sink.error(.parameterInvalid, message, at: item.origin, notes: [declared])
            return false
        }
    }

    /// Whether the declared default is `[]` or `{}`: only then may a value be empty.
    private func defaultIsEmpty(_ spec: ParameterSpec) -> Bool {
        switch spec.defaultValue?.content {
        case .sequence(let items)?: items.isEmpty
        case .mapping(let entries)?: entries.isEmpty
        default: false
        }
    }
}

extension String {
    /// The text up to the end of its first sentence, for quoting a description in a message.
    package var firstSentence: String {
        let flat = split(whereSeparator: \.isNewline).joined(separator: " ").trimmed
        if let end = flat.firstRange(of: ". ") { return String(flat[..<end.lowerBound]) }
        return flat.hasSuffix(".") ? String(flat.dropLast()) : flat
    }
}
