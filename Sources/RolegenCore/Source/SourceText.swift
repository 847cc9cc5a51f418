/// Turns the bytes of an input file into text, or into a located diagnostic that says why not.
package enum SourceText {
    /// Decodes UTF-8, dropping a byte-order mark. Invalid UTF-8, UTF-16 and NUL bytes are
    /// reported at their line and column, so a user can find the stray byte in an editor.
    package static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let utf16 = utf16Diagnostic(bytes, path: path) { return .failure(utf16) }
        let body = bytes[start...]
        if let problem = firstInvalidByte(body) {
            let location = position(ofByte: problem.offset, in: body, path: path)
            let message = problem.isNul
                ? "the file contains a NUL byte; is it a binary file?"
                : "the file is not valid UTF-8: byte 0x\(hex(problem.byte)) cannot start or continue a character here"
            return .failure(Diagnostic(.error, .fileEncoding, message, at: location))
        }
        return .success(String(decoding: body, as: UTF8.self))
    }

    /// The report for UTF-16 text: a byte-order mark, or (without one) a NUL byte among the first
    /// two, which ASCII text written as UTF-16 always has.
    package static func utf16Diagnostic(_ bytes: [UInt8], path: String) -> Diagnostic? {
        let marked = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        let unmarked = bytes.count >= 2 && (bytes[0] == 0) != (bytes[1] == 0)
        guard marked || unmarked else { return nil }
        return Diagnostic(.error, .fileEncoding,
                          "the file is UTF-16 encoded; rolegen reads UTF-8 (convert it with: iconv -f UTF-16 -t UTF-8)",
                          at: SourceLocation(path: path, line: 1, column: 1))
    }

    /// Whether the text has nothing in it but white space.
    package static func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0.isWhitespace }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> (offset: Int, byte: UInt8, isNul: Bool)? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0 { return (index - bytes.startIndex, 0, true) }
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            switch byte {
            case 0xC2...0xDF: (length, minimum) = (2, 0x80)
            case 0xE0...0xEF: (length, minimum) = (3, 0x800)
            case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
            default: return (index - bytes.startIndex, byte, false)
            }
            guard index + length <= bytes.endIndex else { return (index - bytes.startIndex, byte, false) }
            var scalar = UInt32(byte) & (0xFF >> (length + 1))
            for next in (index + 1)..<(index + length) {
                let continuation = bytes[next]
                // Blame the byte that began the character: that is the stray one (a Latin-1 'é').
                guard continuation & 0xC0 == 0x80 else { return (index - bytes.startIndex, byte, false) }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
            if scalar < minimum || (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF {
                return (index - bytes.startIndex, byte, false)
            }
            index += length
        }
        return nil
    }

    /// Line and column (in characters, as libYAML counts them) of a byte known to follow valid text.
    private static func position(ofByte offset: Int, in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        let end = bytes.startIndex + offset
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}
