/// How big a policy is, the way each quota counts it.
///
/// IAM counts the characters of the document without white space; white space inside strings
/// (a space in a Sid or a condition value) is part of the text and counts. That is the compact
/// JSON rendering of the tree, which is also what the size would be whatever the indentation.
/// Organizations counts every character as stored, and the CLI, SDKs, CloudFormation and
/// Terraform store the document as written; only the console strips white space.
struct PolicySize {
    /// Characters of the compact rendering (what IAM counts).
    var characters: Int
    /// UTF-8 bytes of the compact rendering.
    var bytes: Int
    /// At least this many characters as written, when the document was read from JSON text
    /// whose positions are known; `nil` otherwise (YAML, a tree built by another reader).
    var writtenAtLeast: Int?

    /// Measures a document. One walk over the tree; strings are scanned byte by byte. The size
    /// as written is bounded only when `written` is asked for (Organizations quotas).
    static func measure(_ input: PolicyInput, written: Bool = false) -> PolicySize {
        var meter = Meter(positioned: written && isWholeFile(input) && Self.isJSONText(input.document))
        meter.visit(input.document)
        return PolicySize(characters: meter.characters, bytes: meter.bytes, writtenAtLeast: meter.writtenLowerBound())
    }

    /// Whether the document is a file of its own, deployed as written (`aws organizations
    /// create-policy --content file://scp.json`). A document found inside another one (a
    /// template, an account dump, `get-policy-version` output) is serialised again by the
    /// tool that deploys it, so its indentation in that file says nothing.
    private static func isWholeFile(_ input: PolicyInput) -> Bool {
        input.embeddedAt == nil && input.name == nil && input.document.location.column == 1
    }

    /// Whether the tree reads like one the JSON reader built: every key quoted, every node placed.
    private static func isJSONText(_ node: borrowing SourceNode) -> Bool {
        guard node.location.line != nil, node.location.column != nil else { return false }
        switch node.content {
        case .scalar: return true
        case .sequence(let items): return items.indices.allSatisfy { isJSONText(items[$0]) }
        case .mapping(let entries):
            return entries.indices.allSatisfy { index in
                guard case .scalar(let key) = entries[index].key.content, !key.isPlain else { return false }
                return isJSONText(entries[index].value)
            }
        }
    }

    /// The compact length of a JSON string literal with minimal escapes (quotes included).
    static func quotedLength(_ text: String) -> (characters: Int, bytes: Int) {
        func count(_ bytes: some Sequence<UInt8>) -> (characters: Int, bytes: Int) {
            var total = 0, escapes = 0, continuations = 0
            for byte in bytes {
                total += 1
                // Printable ASCII other than '"' and '\\' is by far the most common: one test.
                if byte >= 0x20 && byte < 0x80 && byte != 0x22 && byte != 0x5C { continue }
                switch byte {
                case 0x22, 0x5C, 0x08, 0x09, 0x0A, 0x0C, 0x0D: escapes += 1
                case 0x00..<0x20: escapes += 5
                case 0x80..<0xC0: continuations += 1
                default: break
                }
            }
            return (2 + total - continuations + escapes, 2 + total + escapes)
        }
        return text.utf8.withContiguousStorageIfAvailable { count($0) } ?? count(text.utf8)
    }

    /// Walks the tree in document order, counting the compact rendering and, for JSON text,
    /// keeping the start of each token to bound the size as written.
    private struct Meter {
        let positioned: Bool
        var characters = 0
        var bytes = 0
        /// Lower bound of the written characters before the current token.
        private var written = 0
        private var previous: (line: Int, column: Int, offset: Int, length: Int)?
        private var placed = true

        init(positioned: Bool) {
            self.positioned = positioned
        }

        mutating func visit(_ node: borrowing SourceNode) {
            switch node.content {
            case .scalar(let scalar):
                let length = Self.length(of: scalar, node)
                if positioned { token(at: node.location, length: length.characters) }
                characters += length.characters
                bytes += length.bytes
            case .sequence(let items) where !positioned:
                add(items.isEmpty ? 2 : items.count + 1)
                for index in items.indices { visit(items[index]) }
            case .mapping(let entries) where !positioned:
                // The braces, the colons and the commas.
                add(entries.isEmpty ? 2 : 2 * entries.count + 1)
                for index in entries.indices {
                    visit(entries[index].key)
                    visit(entries[index].value)
                }
            // With positions, in the order of the text: each token's offset in the compact rendering matters.
            case .sequence(let items):
                token(at: node.location, length: 1)
                add(1)
                for index in items.indices {
                    if index > 0 { add(1) }
                    visit(items[index])
                }
                add(1)
            case .mapping(let entries):
                token(at: node.location, length: 1)
                add(1)
                for index in entries.indices {
                    if index > 0 { add(1) }
                    visit(entries[index].key)
                    add(1)
                    visit(entries[index].value)
                }
                add(1)
            }
        }

        /// A scalar's compact length: JSON strings are quoted scalars; plain ones are numbers,
        /// booleans and null, or YAML's unquoted strings.
        private static func length(of scalar: SourceNode.Scalar, _ node: borrowing SourceNode) -> (characters: Int, bytes: Int) {
            if !scalar.isPlain || node.jsonKind == .string { return PolicySize.quotedLength(scalar.text) }
            return (scalar.text.unicodeScalars.count, scalar.text.utf8.count)
        }

        private mutating func add(_ structural: Int) {
            characters += structural
            bytes += structural
        }

        /// A token (a scalar, or the bracket opening a container) starts here, `characters` into the compact text.
        private mutating func token(at location: SourceLocation, length: Int) {
            guard positioned, placed, let line = location.line, let column = location.column else {
                placed = false
                return
            }
            if let previous {
                let compactGap = characters - previous.offset
                if line == previous.line {
                    written += max(column - previous.column, compactGap)
                } else if line > previous.line {
                    // The line breaks, the rest of the previous token, and what precedes this token on its line.
                    let breaks = line - previous.line
                    written += max(compactGap + breaks, previous.length + breaks + column - 1)
                } else {
                    placed = false
                    return
                }
            } else {
                written = (line - 1) + (column - 1)
            }
            previous = (line, column, characters, length)
        }

        func writtenLowerBound() -> Int? {
            guard positioned, placed, let previous else { return nil }
            return written + (characters - previous.offset)
        }
    }
}

/// The quotas a document's size is held against.
enum SizeQuota {
    static let managed = 6_144
    static let inlineUser = 2_048
    static let inlineGroup = 5_120
    static let inlineRole = 10_240
    static let trustDefault = 2_048
    /// The highest trust-policy quota Service Quotas grants: 4,096 in IAM's 2023 quota table;
    /// later sources say 8,192, so only what is over that is certainly rejected.
    static let trustRaised = 4_096
    static let trustHighest = 8_192
    /// Organizations: 10,240 since May 2026 (5,120 before).
    static let scp = 10_240
    static let rcp = 5_120

    /// What the document's size is held against: its size target, else what its type implies
    /// (a permissions boundary is always a managed policy); `nil` for an identity policy whose
    /// target is unknown and for resource-based policies (service-specific quotas).
    static func target(of input: PolicyInput) -> SizeTarget? {
        if let target = input.sizeTarget { return target }
        if input.isAWSManaged { return .managed }
        switch input.type {
        case .identity, .resource: return nil
        case .boundary: return .managed
        case .trust: return .trust
        case .scp: return .scp
        case .rcp: return .rcp
        }
    }

    /// "6,144".
    static func formatted(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}

/// Policies of a given size for the size rules' examples.
enum SizeExamples {
    /// An identity policy (or, with `principal`, a trust policy) of at least `characters`
    /// characters without white space: one statement whose list of ARNs is long enough.
    static func policy(about characters: Int, trust: Bool = false) -> String {
        let count = max(1, characters / 44 + 1)
        if trust {
            let accounts = (0..<count).map { "\"arn:aws:iam::\(100_000_000_000 + $0 * 7):role/ci-deployer\"" }
            return #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["#
                + accounts.joined(separator: ", ") + #"]}, "Action": "sts:AssumeRole"}]}"#
        }
        let arns = (0..<count).map { "\"arn:aws:s3:::ml-datasets-\(100_000 + $0)/curated/*\"" }
        return #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["#
            + arns.joined(separator: ", ") + "]}]}"
    }
}
