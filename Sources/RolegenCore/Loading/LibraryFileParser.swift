/// Reads one file of the template library: a capability template (`template: NAME`) or a guard
/// (`guard: NAME`). The name must match the file name, so a reviewer finds a template from its name.
package struct LibraryFileParser {
    package let sink: DiagnosticSink

    package static let templateKeys = ["template", "version", "description", "parameters", "include", "guards", "statements"]
    package static let guardKeys = ["guard", "version", "description", "parameters", "forms"]
    package static let parameterKeys = ["type", "description", "default", "allowed"]
    package static let reservedNames = TemplateChecker.builtinNames + ["guard"]

    package init(sink: DiagnosticSink) {
        self.sink = sink
    }

    package func parse(_ root: SourceNode, path: String) -> LibraryEntry? {
        guard case .mapping(let entries) = root.content else {
            sink.error(.schemaType, "expected a template or guard (a mapping starting with 'template:' or 'guard:'), "
                       + "found \(root.kindDescription)", at: root.location)
            return nil
        }
        let keys = entries.compactMap { $0.key.scalarText }
        if keys.contains("guard") && !keys.contains("template") {
            return parseGuard(root, path: path).map(LibraryEntry.guardDefinition)
        }
        return parseTemplate(root, path: path).map(LibraryEntry.template)
    }

    // MARK: - Templates

    private func parseTemplate(_ root: SourceNode, path: String) -> CapabilityTemplate? {
        let before = sink.errorCount
        guard let reader = MappingReader(root, subject: "a template", allowedKeys: Self.templateKeys, sink: sink) else {
            return nil
        }
        let name = reader.string("template", required: true, hint: " (its name, equal to the file name without .yaml)")
        if let name { checkName(name, path: path, kind: "template") }
        let version = reader.integer("version", required: true, range: 1...1_000_000)
        let description = readDescription(reader)
        let parameters = reader.value("parameters").flatMap { parseParameters($0, owner: "template") } ?? []
        let includes = reader.list("include").map { $0.compactMap(parseInclude) } ?? []
        let statementParser = StatementParser(sink: sink, origin: .template)
        let defaultGuards = reader.value("guards").flatMap { statementParser.parseGuardReferences($0) } ?? []
        var statements: [StatementTemplate] = []
        if let list = reader.list("statements") {
            statements = list.compactMap { statementParser.parse($0) }
            var seen: [String: SourceLocation] = [:]
            for statement in statements {
                if let first = seen[statement.sid.value] {
                    sink.error(.schemaConflict, "Sid '\(statement.sid.value)' is used twice in this template",
                               at: statement.sid.location, notes: [.init("first used here", at: first)])
                }
                seen[statement.sid.value] = statement.sid.location
            }
        }
        if !reader.has("statements") && includes.isEmpty {
            sink.error(.schemaMissingKey, "a template needs 'statements' (or 'include' of other templates)", at: root.location)
        }
        guard sink.errorCount == before, let name, let version, let description else { return nil }
        return CapabilityTemplate(
            name: name, version: version.value, description: description, path: path, parameters: parameters,
            includes: includes, statements: statements, defaultGuards: defaultGuards)
    }

    private func parseInclude(_ node: SourceNode) -> TemplateInclude? {
        if let name = node.scalarText, !node.isNull {
            return TemplateInclude(template: Located(name, at: node.location), arguments: [], location: node.location)
        }
        guard let reader = MappingReader(node, subject: "an include", allowedKeys: ["template", "with"], sink: sink),
              let name = reader.string("template", required: true) else { return nil }
        let arguments = reader.entries("with") ?? []
        return TemplateInclude(template: name, arguments: arguments.map { ($0.key, $0.value) }, location: node.location)
    }

    // MARK: - Guards

    private func parseGuard(_ root: SourceNode, path: String) -> GuardDefinition? {
        let before = sink.errorCount
        guard let reader = MappingReader(root, subject: "a guard", allowedKeys: Self.guardKeys, sink: sink) else { return nil }
        let name = reader.string("guard", required: true)
        if let name { checkName(name, path: path, kind: "guard") }
        let version = reader.integer("version", required: true, range: 1...1_000_000)
        let description = readDescription(reader)
        let parameters = reader.value("parameters").flatMap { parseParameters($0, owner: "guard") } ?? []
        var forms: [GuardForm] = []
        if let entries = reader.entries("forms", required: true) {
            if entries.isEmpty { sink.error(.schemaValue, "a guard needs at least one form", at: reader.keyLocation("forms")) }
            let statementParser = StatementParser(sink: sink, origin: .template)
            for (formName, formNode) in entries {
                guard let formReader = MappingReader(formNode, subject: "guard form '\(formName.value)'",
                                                     allowedKeys: ["description", "conditions"], sink: sink) else { continue }
                guard let conditionsNode = formReader.value("conditions", required: true),
                      let conditions = statementParser.parseConditions(conditionsNode) else { continue }
                if conditions.isEmpty {
                    sink.error(.schemaValue, "guard form '\(formName.value)' sets no condition", at: conditionsNode.location)
                }
                forms.append(GuardForm(name: formName, description: formReader.string("description")?.value,
                                       conditions: conditions))
            }
        }
        guard sink.errorCount == before, let name, let version, let description else { return nil }
        return GuardDefinition(name: name, version: version.value, description: description, path: path,
                               parameters: parameters, forms: forms)
    }

    // MARK: - Shared

    private func readDescription(_ reader: MappingReader) -> String? {
        guard let description = reader.string("description", required: true,
                                               hint: " (what it allows and what it deliberately does not)") else { return nil }
        if description.value.trimmed.isEmpty {
            sink.error(.schemaValue, "the description is empty", at: description.location)
            return nil
        }
        return description.value.trimmed
    }

    private func checkName(_ name: Located<String>, path: String, kind: String) {
        let stem = fileStem(of: path)
        if name.value != stem {
            sink.error(.templateNameMismatch,
                       "\(kind) '\(name.value)' is in the file '\(stem).yaml'; name the file after the \(kind) or the \(kind) after the file",
                       at: name.location)
        }
        if !isKebabCase(name.value) {
            sink.error(.schemaValue, "\(kind) name '\(name.value)' must be kebab-case: lower-case letters, digits and '-'",
                       at: name.location)
        }
    }

    package func parseParameters(_ node: SourceNode, owner: String) -> [ParameterSpec]? {
        guard let entries = NodeReading.entries(node, what: "'parameters'", sink: sink) else { return nil }
        var result: [ParameterSpec] = []
        for (name, specNode) in entries {
            if Self.reservedNames.contains(name.value) {
                sink.error(.schemaValue, "'\(name.value)' is a built-in name (${\(name.value)}); choose another parameter name",
                           at: name.location)
                continue
            }
            if !Interpolated.isReferenceName(name.value) || name.value.contains(".") {
                sink.error(.schemaValue, "parameter name '\(name.value)' must be letters, digits and '_'", at: name.location)
                continue
            }
            guard let reader = MappingReader(specNode, subject: "parameter '\(name.value)'",
                                             allowedKeys: Self.parameterKeys, sink: sink) else { continue }
            guard let typeText = reader.string("type", required: true) else { continue }
            let type: ParameterType
            switch ParameterType.parse(typeText.value) {
            case .success(let parsed): type = parsed
            case .failure(let reason):
                sink.error(.schemaValue, reason.message, at: typeText.location)
                continue
            }
            let defaultValue = reader.value("default")
            if let defaultValue, defaultValue.isNull {
                sink.error(.schemaValue, "the default of '\(name.value)' is empty; omit 'default' to make the parameter "
                           + "required, or give a value ([] for an empty list)", at: defaultValue.location)
                continue
            }
            let allowed = reader.strings("allowed")?.map(\.value)
            if let allowed, allowed.isEmpty {
                sink.error(.schemaValue, "'allowed' lists no values", at: reader.keyLocation("allowed"))
            }
            result.append(ParameterSpec(
                name: name, type: type, description: reader.string("description")?.value,
                defaultValue: defaultValue, allowed: allowed, location: name.location))
        }
        return result
    }
}

/// `sagemaker-training-jobs`: lower-case letters and digits in words joined by single hyphens.
package func isKebabCase(_ name: String) -> Bool {
    let words = name.split(separator: "-", omittingEmptySubsequences: false)
    return !name.isEmpty && words.allSatisfy { word in
        !word.isEmpty && word.allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit }
    }
}
