/// rolegen's catalog file: a small header and index, then one text section per service, so
/// that a run reads the index and parses only the services it needs.
///
///     rolegen-catalog 1
///     source <text>
///     date <text>
///     services <count>
///     actions <count>
///     index
///     <prefix> TAB <offset> TAB <length> TAB <action count> TAB <service name>
///     ...
///     end
///     <sections, offsets counted in bytes from the byte after "end\n">
///
/// A section:
///
///     service TAB <prefix> TAB <name>
///     r TAB <type> TAB <ARN format> [SPACE <ARN format>...] TAB <condition keys, space-separated>
///     k TAB <condition key> TAB <type>
///     a TAB <action> TAB <L|R|W|T|P> TAB <resource types, a trailing ! when required> TAB <condition keys> TAB <dependent actions>
///
/// Documented for users in docs/catalog.md.
package enum CatalogFile {
    package static let formatVersion = 1
    package static let magic = "rolegen-catalog"

    package struct Metadata: Sendable, Equatable {
        package var source: String
        package var date: String
        package var serviceCount: Int
        package var actionCount: Int

        package init(source: String, date: String, serviceCount: Int, actionCount: Int) {
            self.source = source
            self.date = date
            self.serviceCount = serviceCount
            self.actionCount = actionCount
        }
    }

    package struct IndexEntry: Sendable, Equatable {
        package var prefix: String
        package var name: String
        package var offset: Int
        package var length: Int
        package var actionCount: Int
    }

    // MARK: - Writing

    /// The catalog file for these services, sorted by prefix: the same services give the same bytes.
    package static func render(_ services: [ServiceDefinition], source: String, date: String) -> [UInt8] {
        let sorted = services.sorted { $0.prefix < $1.prefix }
        var sections: [[UInt8]] = []
        for service in sorted {
            var text = "service\t\(service.prefix)\t\(clean(service.name))\n"
            for type in service.resourceTypes {
                text += "r\t\(type.name)\t\(type.arnFormats.joined(separator: " "))\t\(type.conditionKeys.joined(separator: " "))\n"
            }
            for key in service.conditionKeys {
                text += "k\t\(key.name)\t\(key.type)\n"
            }
            for action in service.actions {
                let resources = action.resourceTypes.map { $0.type + ($0.isRequired ? "!" : "") }.joined(separator: " ")
                text += "a\t\(action.name)\t\(action.accessLevel.code)\t\(resources)\t"
                    + "\(action.conditionKeys.joined(separator: " "))\t\(action.dependentActions.joined(separator: " "))\n"
            }
            sections.append(Array(text.utf8))
        }
        var header = "\(magic) \(formatVersion)\nsource \(clean(source))\ndate \(clean(date))\n"
        header += "services \(sorted.count)\nactions \(sorted.reduce(0) { $0 + $1.actions.count })\nindex\n"
        var offset = 0
        for (service, section) in zip(sorted, sections) {
            header += "\(service.prefix)\t\(offset)\t\(section.count)\t\(service.actions.count)\t\(clean(service.name))\n"
            offset += section.count
        }
        header += "end\n"
        return Array(header.utf8) + sections.flatMap { $0 }
    }

    /// Tabs and line breaks would break the format; names never need them.
    private static func clean(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    // MARK: - Reading

    /// Parses the header and index (`bytes`, the start of a file of `totalCount` bytes); sections
    /// stay unparsed until asked for.
    package static func readIndex(_ bytes: [UInt8], totalCount: Int) -> Result<(Metadata, [IndexEntry], bodyStart: Int), Reason> {
        var position = 0
        var lineNumber = 0
        func nextLine() -> String? {
            guard position < bytes.count, let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
            let line = String(decoding: bytes[position..<end], as: UTF8.self)
            position = end + 1
            lineNumber += 1
            return line
        }
        func fail(_ message: String) -> Result<(Metadata, [IndexEntry], bodyStart: Int), Reason> {
            .failure(Reason("line \(lineNumber): \(message)"))
        }
        guard let first = nextLine(), first.hasPrefix(magic + " ") else {
            return .failure(Reason("not a rolegen catalog: it does not start with '\(magic) \(formatVersion)'"))
        }
        guard let version = Int(first.dropFirst(magic.count + 1)) else { return fail("unreadable format version") }
        guard version == formatVersion else {
            return fail("catalog format version \(version); this rolegen reads version \(formatVersion)"
                + (version > formatVersion ? " (upgrade rolegen, or import the catalog again with this version)" : ""))
        }
        var fields: [String: String] = [:]
        for key in ["source", "date", "services", "actions"] {
            guard let line = nextLine() else { return .failure(Reason("the file is truncated: it ends before the '\(key)' line")) }
            guard line.hasPrefix(key + " ") else { return fail("expected '\(key) ...'") }
            fields[key] = String(line.dropFirst(key.count + 1))
        }
        guard let serviceCount = Int(fields["services"]!), let actionCount = Int(fields["actions"]!) else {
            return fail("unreadable counts")
        }
        guard nextLine() == "index" else { return fail("expected 'index'") }
        // Entry lines are read as bytes: this runs on every invocation, for 445 services.
        var entries: [IndexEntry] = []
        entries.reserveCapacity(serviceCount)
        while position < bytes.count, let end = bytes[position...].firstIndex(of: 0x0A) {
            let line = bytes[position..<end]
            position = end + 1
            lineNumber += 1
            if line.elementsEqual("end".utf8) {
                guard entries.count == serviceCount else {
                    return fail("the index lists \(entries.count) services, the header says \(serviceCount)")
                }
                let bodyStart = position
                let bodyLength = totalCount - bodyStart
                var expected = 0
                for entry in entries {
                    guard entry.offset == expected else { return .failure(Reason("the index of service '\(entry.prefix)' is inconsistent")) }
                    expected += entry.length
                }
                guard expected <= bodyLength else {
                    return .failure(Reason("the file is truncated: its services need \(expected) bytes after the index, "
                        + "it has \(bodyLength)"))
                }
                guard expected == bodyLength else {
                    return .failure(Reason("the file has \(bodyLength - expected) bytes after its last service"))
                }
                let metadata = Metadata(source: fields["source"]!, date: fields["date"]!, serviceCount: serviceCount,
                                        actionCount: actionCount)
                return .success((metadata, entries, bodyStart))
            }
            let parts = split(line, on: 0x09)
            guard parts.count == 5, !parts[0].isEmpty, let offset = number(parts[1]), let length = number(parts[2]),
                  let count = number(parts[3]), length > 0 else {
                return fail("malformed index entry")
            }
            let prefix = String(decoding: parts[0], as: UTF8.self)
            // Lookups go by prefix without case and suggestions by sorted prefix: both rely on this.
            guard prefix == prefix.lowercased(), entries.last.map({ $0.prefix < prefix }) ?? true else {
                return fail("service '\(prefix)' is not lower-case or not in order")
            }
            entries.append(IndexEntry(prefix: prefix, name: String(decoding: parts[4], as: UTF8.self), offset: offset,
                                      length: length, actionCount: count))
        }
        return .failure(Reason("the file is truncated: the index has no end"))
    }

    /// A service's section, read as far as a run needs: its resource types and condition keys
    /// are parsed, its action lines only located, since a run uses a handful of an EC2's 700.
    package struct Section: Sendable {
        package let resources: ServiceResources
        package let bytes: [UInt8]
        /// Each action line's bytes within `bytes`, with its line number in the section.
        package let actionLines: [(range: Range<Int>, line: Int)]

        /// The line of the action with this name (without case), found by binary search over the
        /// lines (sorted by lower-cased name, which `readSection` checks) without decoding them.
        package func actionLine(named name: String) -> (range: Range<Int>, line: Int)? {
            let wanted = Array(name.lowercased().utf8)
            var low = 0
            var high = actionLines.count
            while low < high {
                let middle = (low + high) / 2
                switch CatalogFile.compareLowercased(CatalogFile.nameField(of: bytes[actionLines[middle].range]), wanted[...]) {
                case .orderedSame: return actionLines[middle]
                case .orderedAscending: low = middle + 1
                case .orderedDescending: high = middle
                }
            }
            return nil
        }

        /// Every action's name, for suggestions.
        package var actionNames: [String] {
            actionLines.map { String(decoding: CatalogFile.nameField(of: bytes[$0.range]), as: UTF8.self) }
        }

        package func action(at entry: (range: Range<Int>, line: Int)) -> Result<ActionDefinition, Reason> {
            CatalogFile.parseAction(bytes[entry.range], service: resources.prefix, line: entry.line)
        }

        /// Every action, in the file's order (sorted by lower-cased name).
        package func definition() -> Result<ServiceDefinition, Reason> {
            var actions: [ActionDefinition] = []
            actions.reserveCapacity(actionLines.count)
            for entry in actionLines {
                switch action(at: entry) {
                case .success(let action): actions.append(action)
                case .failure(let reason): return .failure(reason)
                }
            }
            return .success(ServiceDefinition(resources: resources, sortedActions: actions))
        }
    }

    /// Reads one service's section. Works on bytes: it runs for every service a run touches,
    /// and `String.split` over characters made reading EC2's 700 actions take 12 ms.
    package static func readSection(_ bytes: [UInt8], entry: IndexEntry) -> Result<Section, Reason> {
        var actionLines: [(range: Range<Int>, line: Int)] = []
        actionLines.reserveCapacity(entry.actionCount)
        var resources: [ResourceTypeDefinition] = []
        var keys: [ConditionKeyDefinition] = []
        var prefix: String?
        var name = entry.name
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            let line = lineStart..<lineEnd
            lineStart = lineEnd + 1
            if bytes[line].starts(with: [UInt8(ascii: "a"), 0x09]) {
                if let previous = actionLines.last,
                   compareLowercased(nameField(of: bytes[previous.range]), nameField(of: bytes[line])) != .orderedAscending {
                    return .failure(Reason("service '\(entry.prefix)', line \(lineNumber) of its section: actions out of order"))
                }
                actionLines.append((line, lineNumber))
                continue
            }
            let fields = split(bytes[line], on: 0x09)
            guard let kind = fields.first, !kind.isEmpty else { continue }
            let kindText = String(decoding: kind, as: UTF8.self)
            var malformed: Reason { malformedLine(kindText, service: entry.prefix, line: lineNumber) }
            func text(_ index: Int) -> String { String(decoding: fields[index], as: UTF8.self) }
            switch kindText {
            case "r":
                guard fields.count == 4 else { return .failure(malformed) }
                resources.append(ResourceTypeDefinition(name: text(1), arnFormats: words(fields[2]), conditionKeys: words(fields[3])))
            case "k":
                guard fields.count == 3 else { return .failure(malformed) }
                keys.append(ConditionKeyDefinition(name: text(1), type: text(2)))
            case "service":
                guard fields.count == 3 else { return .failure(malformed) }
                prefix = text(1)
                name = text(2)
            default:
                return .failure(malformed)
            }
        }
        guard prefix == entry.prefix else {
            return .failure(Reason("the section at the index's offset for '\(entry.prefix)' is for '\(prefix ?? "nothing")'"))
        }
        let service = ServiceResources(prefix: entry.prefix, name: name, resourceTypes: resources, conditionKeys: keys)
        return .success(Section(resources: service, bytes: bytes, actionLines: actionLines))
    }

    /// `a TAB <action> TAB <level> TAB <resource types> TAB <condition keys> TAB <dependent actions>`.
    static func parseAction(_ line: ArraySlice<UInt8>, service: String, line lineNumber: Int) -> Result<ActionDefinition, Reason> {
        let fields = split(line, on: 0x09)
        guard fields.count == 6, fields[2].count == 1,
              let level = AccessLevel(code: Character(UnicodeScalar(fields[2][fields[2].startIndex]))) else {
            return .failure(malformedLine("a", service: service, line: lineNumber))
        }
        // A corpus lint decodes some 15,000 actions: most fields are empty or one word, so
        // those skip the split.
        let uses = fields[3].isEmpty ? [] : split(fields[3], on: 0x20).filter { !$0.isEmpty }.map { type -> ActionDefinition.ResourceUse in
            type.last == UInt8(ascii: "!")
                ? .init(type: String(decoding: type.dropLast(), as: UTF8.self), isRequired: true)
                : .init(type: String(decoding: type, as: UTF8.self), isRequired: false)
        }
        return .success(ActionDefinition(service: service, name: String(decoding: fields[1], as: UTF8.self), accessLevel: level,
                                         resourceTypes: uses, conditionKeys: words(fields[4]), dependentActions: words(fields[5])))
    }

    package enum Order { case orderedAscending, orderedSame, orderedDescending }

    /// Compares two ASCII names as their lower-cased forms compare (the order `ServiceDefinition`
    /// keeps actions in), byte by byte: Swift's `String <` on ASCII is the same order.
    static func compareLowercased(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Order {
        func lower(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte }
        for (x, y) in zip(a, b) where lower(x) != lower(y) {
            return lower(x) < lower(y) ? .orderedAscending : .orderedDescending
        }
        return a.count == b.count ? .orderedSame : (a.count < b.count ? .orderedAscending : .orderedDescending)
    }

    /// The second field of an action line: its name.
    static func nameField(of line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let start = line.index(line.startIndex, offsetBy: 2, limitedBy: line.endIndex) ?? line.endIndex
        return line[start..<(line[start...].firstIndex(of: 0x09) ?? line.endIndex)]
    }

    private static func malformedLine(_ kind: String, service: String, line: Int) -> Reason {
        Reason("service '\(service)', line \(line) of its section: malformed '\(kind)' entry")
    }

    private static func words(_ field: ArraySlice<UInt8>) -> [String] {
        if field.isEmpty { return [] }
        if !field.contains(0x20) { return [String(decoding: field, as: UTF8.self)] }
        return split(field, on: 0x20).filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// A decimal number of at most 12 digits.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 12 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private static func split(_ bytes: ArraySlice<UInt8>, on separator: UInt8) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == separator {
            parts.append(bytes[start..<index])
            start = index + 1
        }
        parts.append(bytes[start..<bytes.endIndex])
        return parts
    }
}
