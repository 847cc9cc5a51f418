import Testing
@testable import RolegenCore

@Suite struct SourceTextTests {
    private func failure(_ bytes: [UInt8]) -> String? {
        if case .failure(let diagnostic) = SourceText.decode(bytes, path: "p.yaml") { return diagnostic.description }
        return nil
    }

    @Test func invalidUTF8IsLocatedByLineAndCharacter() {
        let bytes = Array("a: 1\nname: caf".utf8) + [0xC3, 0xA9] + Array(" ok ".utf8) + [0xFF] + Array("\n".utf8)
        #expect(failure(bytes) == "p.yaml:2:15: error: the file is not valid UTF-8: byte 0xFF cannot start or continue a character here")
    }

    @Test func truncatedSequenceAndOverlongForms() {
        #expect(failure([0x61, 0xE2, 0x82]) == "p.yaml:1:2: error: the file is not valid UTF-8: byte 0xE2 cannot start or continue a character here")
        #expect(failure([0xC0, 0xAF]) != nil)
        #expect(failure([0xED, 0xA0, 0x80]) != nil) // a UTF-16 surrogate encoded as UTF-8
    }

    @Test func nulByte() {
        #expect(failure(Array("a: 1\nb".utf8) + [0]) == "p.yaml:2:2: error: the file contains a NUL byte; is it a binary file?")
    }

    @Test func utf16IsNamed() {
        #expect(failure([0xFF, 0xFE, 0x61, 0x00])?.contains("UTF-16") == true)
    }

    @Test func byteOrderMarkIsDropped() throws {
        let text = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("a: é".utf8), path: "p").get()
        #expect(text == "a: é")
    }
}
