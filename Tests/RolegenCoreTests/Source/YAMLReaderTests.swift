import Testing
@testable import RolegenCore

@Suite struct YAMLReaderTests {
    private func parse(_ text: String, limits: Limits = .standard) -> (SourceNode?, [String]) {
        let sink = DiagnosticSink()
        let node = YAMLReader.parse(text, path: "f.yaml", limits: limits, into: sink)
        return (node, sink.diagnostics.map(\.description))
    }

    @Test func keepsScalarTextAndPositions() throws {
        let (node, diagnostics) = parse("account: 012345678901\nflag: no\nquoted: 'x'\nlist:\n  - a\n")
        #expect(diagnostics.isEmpty)
        guard case .mapping(let entries)? = node?.content else { Issue.record("not a mapping"); return }
        #expect(entries[0].value.scalarText == "012345678901")
        #expect(entries[0].value.location == SourceLocation(path: "f.yaml", line: 1, column: 10))
        #expect(entries[1].value.scalarText == "no")
        if case .scalar(let scalar) = entries[2].value.content { #expect(!scalar.isPlain) }
        guard case .sequence(let items) = entries[3].value.content else { Issue.record("not a list"); return }
        #expect(items[0].location == SourceLocation(path: "f.yaml", line: 5, column: 5))
    }

    @Test func nullOnlyForPlainScalars() {
        let (node, _) = parse("a: ~\nb: 'null'\nc:\n")
        guard case .mapping(let entries)? = node?.content else { return }
        #expect(entries[0].value.isNull)
        #expect(!entries[1].value.isNull)
        #expect(entries[2].value.isNull)
    }

    @Test func duplicateKeyInBlockMappingPointsAtTheSecond() {
        let (_, diagnostics) = parse("persona: a\ndescription: x\npersona: b\n")
        #expect(diagnostics == ["""
            f.yaml:3:1: error: key 'persona' appears twice in the same mapping; remove or rename one
                f.yaml:1:1: note: first defined here
            """])
    }

    @Test func duplicateKeyInNestedMapping() {
        let (_, diagnostics) = parse("top:\n  - a: 1\n    b: 2\n    a: 3\n")
        #expect(diagnostics.first?.hasPrefix("f.yaml:4:5: error: key 'a' appears twice") == true)
    }

    @Test func duplicateKeyInFlowMapping() {
        let (_, diagnostics) = parse("x: {k: 1, j: 2, k: 3}\n")
        #expect(diagnostics.first?.hasPrefix("f.yaml:1:17: error: key 'k' appears twice") == true)
    }

    @Test func syntaxErrorIsLocatedWithAHint() {
        let (node, diagnostics) = parse("a: b: c\n")
        #expect(node == nil)
        #expect(diagnostics == [
            "f.yaml:1:5: error: invalid YAML: mapping values are not allowed in this context; quote values that contain ': ', or check the indentation",
        ])
    }

    @Test func unquotedReferenceInFlowListGetsAHint() {
        let (_, diagnostics) = parse("roles: [${role}]\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].contains("quote references inside [ ] and { }"))
    }

    @Test func emptyAndCommentOnlyFiles() {
        #expect(parse("").1 == ["f.yaml:1:1: error: the file is empty"])
        #expect(parse("  \n\n").1 == ["f.yaml:1:1: error: the file is empty"])
        #expect(parse("# just a comment\n").1 == ["f.yaml:1:1: error: the file has no content, only comments"])
    }

    @Test func multipleDocumentsAreRefused() {
        let (_, diagnostics) = parse("a: 1\n---\nb: 2\n")
        #expect(diagnostics == [
            "f.yaml:2:1: error: the file holds more than one YAML document ('---'); rolegen reads one per file",
        ])
    }

    @Test func aliasBombStopsAtTheNodeLimit() {
        let bomb = """
            a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
            h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
            i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
            """
        let (node, diagnostics) = parse(bomb)
        #expect(node == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].contains("error: the document holds more than 100000 values, counting each one an alias (*name)"))
    }

    @Test func nestingLimit() {
        var limits = Limits()
        limits.maxYAMLDepth = 5
        let (node, diagnostics) = parse("a: [[[[[[[1]]]]]]]\n", limits: limits)
        #expect(node == nil)
        #expect(diagnostics.first?.contains("nested more than 5 levels deep") == true)
    }

    @Test func inlineValuesParseFlowListsOnly() {
        let origin = SourceLocation(path: "--set x")
        let list = YAMLReader.parseInline("[a, b]", origin: origin)
        guard case .sequence(let items) = list.content else { Issue.record("expected a list"); return }
        #expect(items.map(\.scalarText) == ["a", "b"])
        #expect(YAMLReader.parseInline("012345678901", origin: origin).scalarText == "012345678901")
        #expect(YAMLReader.parseInline("a: b", origin: origin).scalarText == "a: b")
    }
}
