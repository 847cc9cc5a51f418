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
        var entries: [IndexEntry] = []
        while let line = nextLine() {
            if line == "end" {
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
            let parts = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, let offset = Int(parts[1]), let length = Int(parts[2]), let count = Int(parts[3]),
                  offset >= 0, length > 0 else {
                return fail("malformed index entry")
            }
            entries.append(IndexEntry(prefix: String(parts[0]), name: String(parts[4]), offset: offset, length: length,
                                      actionCount: count))
        }
        return .failure(Reason("the file is truncated: the index has no end"))
    }

    /// Parses one service's section. Works on bytes: it runs for every service a run touches,
    /// and `String.split` over characters made reading EC2's 700 actions take 12 ms.
    package static func parseSection(_ bytes: ArraySlice<UInt8>, entry: IndexEntry) -> Result<ServiceDefinition, Reason> {
        var actions: [ActionDefinition] = []
        actions.reserveCapacity(entry.actionCount)
        var resources: [ResourceTypeDefinition] = []
        var keys: [ConditionKeyDefinition] = []
        var prefix: String?
        var name = entry.name
        var lineNumber = 0
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            lineNumber += 1
            let fields = split(bytes[lineStart..<lineEnd], on: 0x09)
            lineStart = lineEnd + 1
            guard let kind = fields.first, !kind.isEmpty else { continue }
            let malformed = Reason("service '\(entry.prefix)', line \(lineNumber) of its section: "
                + "malformed '\(String(decoding: kind, as: UTF8.self))' entry")
            func text(_ index: Int) -> String { String(decoding: fields[index], as: UTF8.self) }
            func list(_ index: Int) -> [String] {
                split(fields[index], on: 0x20).filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) }
            }
            switch kind.first {
            case UInt8(ascii: "a") where kind.count == 1:
                guard fields.count == 6, fields[2].count == 1, let level = AccessLevel(code: Character(UnicodeScalar(fields[2].first!))) else {
                    return .failure(malformed)
                }
                let uses = split(fields[3], on: 0x20).filter { !$0.isEmpty }.map { type -> ActionDefinition.ResourceUse in
                    type.last == UInt8(ascii: "!")
                        ? .init(type: String(decoding: type.dropLast(), as: UTF8.self), isRequired: true)
                        : .init(type: String(decoding: type, as: UTF8.self), isRequired: false)
                }
                actions.append(ActionDefinition(service: entry.prefix, name: text(1), accessLevel: level, resourceTypes: uses,
                                                conditionKeys: list(4), dependentActions: list(5)))
            case UInt8(ascii: "r") where kind.count == 1:
                guard fields.count == 4 else { return .failure(malformed) }
                resources.append(ResourceTypeDefinition(name: text(1), arnFormats: list(2), conditionKeys: list(3)))
            case UInt8(ascii: "k") where kind.count == 1:
                guard fields.count == 3 else { return .failure(malformed) }
                keys.append(ConditionKeyDefinition(name: text(1), type: text(2)))
            default:
                guard fields.count == 3, String(decoding: kind, as: UTF8.self) == "service" else { return .failure(malformed) }
                prefix = text(1)
                name = text(2)
            }
        }
        guard prefix == entry.prefix else {
            return .failure(Reason("the section at the index's offset for '\(entry.prefix)' is for '\(prefix ?? "nothing")'"))
        }
        return .success(ServiceDefinition(prefix: entry.prefix, name: name, actions: actions, resourceTypes: resources,
                                          conditionKeys: keys, alreadySorted: true))
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
