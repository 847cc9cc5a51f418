import Testing
@testable import RolegenCore

@Suite struct InterpolationTests {
    private let here = SourceLocation(path: "t.yaml", line: 3, column: 7)

    @Test func findsReferencesWithColumns() throws {
        let text = try Interpolated.parse("arn:${partition}:s3:::${buckets}/*", at: here).get()
        #expect(text.references.map(\.name) == ["partition", "buckets"])
        #expect(text.references.map(\.location.column) == [11, 29])
        #expect(text.singleReference == nil)
    }

    @Test func policyVariablesAndEscapesPassThrough() throws {
        let text = try Interpolated.parse("user/${aws:username}/${*}${sagemaker:UserProfileName}", at: here).get()
        #expect(text.isLiteral)
        #expect(text.segments == [.literal("user/${aws:username}/${*}${sagemaker:UserProfileName}")])
    }

    @Test func singleReferenceStandsForTheValue() throws {
        #expect(try Interpolated.parse("${guard.network.subnets}", at: here).get().singleReference == "guard.network.subnets")
    }

    @Test func malformedReferences() {
        guard case .failure(let unclosed) = Interpolated.parse("a${b", at: here) else { Issue.record("unclosed"); return }
        #expect(unclosed.description == "t.yaml:3:8: error: '${' is not closed; write references as ${name}")
        guard case .failure(let spaced) = Interpolated.parse("${ a }", at: here) else { Issue.record("spaces"); return }
        #expect(spaced.description.hasPrefix("t.yaml:3:7: error: '${ a }' is neither a rolegen reference"))
    }

    /// Escapes, block scalars and quoted strings continued on the next line: the reported place is
    /// where the reference is written, not where the unescaped text would put it.
    @Test func referencesAreLocatedInTheFile() throws {
        let yaml = """
            a: "\\u00e9\\u00e9 ${first}"
            b: >-
              folded text
              and ${second}
            c: "starts here and
              continues ${third}"
            """
        let sink = DiagnosticSink()
        let root = try #require(YAMLReader.parse(yaml, path: "y.yaml", into: sink))
        guard case .mapping(let entries) = root.content else { Issue.record("mapping"); return }
        let locations = entries.compactMap { Interpolated.from($0.value, sink: sink)?.references.first?.location }
        #expect(locations == [
            SourceLocation(path: "y.yaml", line: 1, column: 18),
            SourceLocation(path: "y.yaml", line: 4, column: 7),
            SourceLocation(path: "y.yaml", line: 6, column: 13),
        ])
    }

    @Test func expansionIsTheCartesianProduct() throws {
        let sink = DiagnosticSink()
        let origin = SourceLocation(path: "v.yaml")
        var scope = Scope(description: "test")
        scope["region"] = .list([BoundScalar("us-east-1", origin: origin), BoundScalar("eu-west-1", origin: origin)], origin: origin)
        scope["buckets"] = .list([BoundScalar("a", origin: origin), BoundScalar("b", origin: origin)], origin: origin)
        let text = try Interpolated.parse("${region}:${buckets}", at: here).get()
        let strings = Expander(sink: sink).strings(text, in: scope)?.map(\.text)
        #expect(strings == ["us-east-1:a", "us-east-1:b", "eu-west-1:a", "eu-west-1:b"])
    }

    @Test func expansionLimit() throws {
        let sink = DiagnosticSink()
        var limits = Limits()
        limits.maxExpansion = 3
        let origin = SourceLocation(path: "v.yaml")
        var scope = Scope(description: "test")
        scope["x"] = .list((0..<2).map { BoundScalar("\($0)", origin: origin) }, origin: origin)
        let text = try Interpolated.parse("${x}${x}", at: here).get()
        #expect(Expander(sink: sink, limits: limits).strings(text, in: scope) == nil)
        #expect(sink.diagnostics.first?.message.contains("expands to more than 3 strings") == true)
    }

    @Test func unknownReferenceSuggests() throws {
        let sink = DiagnosticSink()
        var scope = Scope(description: "the parameters of template 't'")
        scope["buckets"] = .scalar(BoundScalar("a", origin: here))
        _ = Expander(sink: sink).strings(try Interpolated.parse("${bucket}", at: here).get(), in: scope)
        #expect(sink.diagnostics.map(\.description) == ["""
            t.yaml:3:7: error: unknown reference '${bucket}'; did you mean '${buckets}'?
                note: known names in the parameters of template 't': buckets
            """])
    }
}
