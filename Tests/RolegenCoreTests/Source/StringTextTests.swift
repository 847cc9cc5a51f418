import RolegenCore
import Testing

@Suite struct StringTextTests {
    @Test func trimmedRemovesUnicodeWhiteSpaceAtBothEndsOnly() {
        #expect("  a b \n".trimmed == "a b")
        #expect("\u{2003}\tcafe\u{301}\u{00A0}\n".trimmed == "cafe\u{301}")
        #expect("x".trimmed == "x")
        #expect(" \n\t ".trimmed == "")
        #expect("".trimmed == "")
        #expect("  a b ".dropFirst().trimmed == "a b")
    }

    @Test func quotedListNamesWithAConjunction() {
        #expect(["a"].quotedList() == "'a'")
        #expect(["a", "b", "c"].quotedList(conjunction: "or") == "'a', 'b' or 'c'")
        #expect([String]().quotedList() == "")
    }
}
