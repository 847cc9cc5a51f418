import Foundation

/// The six fields of a resource string written in a policy, when it has them: unlike `ARN.parse`,
/// empty fields are kept (the rules say which are wrong) and wildcards are left as written.
struct ARNParts {
    let text: String
    let partition: Substring
    let service: Substring
    let region: Substring
    let account: Substring
    /// Everything after the fifth colon.
    let resource: Substring

    init?(_ text: String) {
        // Most resource strings are "*" or well-formed ARNs: find the five colons without allocating.
        guard text.utf8.starts(with: "arn:".utf8) else { return nil }
        var colons: [String.Index] = []
        colons.reserveCapacity(5)
        var index = text.startIndex
        while index < text.endIndex, colons.count < 5 {
            if text.utf8[index] == UInt8(ascii: ":") { colons.append(index) }
            index = text.utf8.index(after: index)
        }
        guard colons.count == 5 else { return nil }
        self.text = text
        partition = text[text.utf8.index(after: colons[0])..<colons[1]]
        service = text[text.utf8.index(after: colons[1])..<colons[2]]
        region = text[text.utf8.index(after: colons[2])..<colons[3]]
        account = text[text.utf8.index(after: colons[3])..<colons[4]]
        resource = text[text.utf8.index(after: colons[4])...]
    }

    /// Whether the Region or account holds a wildcard. IAM lets a `*` at the end of a field reach
    /// across the following colons (AWS's own AWSGlueServiceRole writes `arn:aws:logs:*:*:/aws-glue/*`),
    /// so such an ARN is matched as a whole rather than field by field.
    var spansFields: Bool { ActionText.hasWildcard(region) || ActionText.hasWildcard(account) }

    /// The service field in lower case (its case has its own rule).
    var serviceKey: String { service.lowercased() }

    /// The same ARN without a trailing `:*` (CloudWatch Logs writes log groups `log-group:NAME:*`).
    var withoutTrailingAny: ARNParts? {
        guard text.hasSuffix(":*"), resource.count > 2 else { return nil }
        return ARNParts(String(text.dropLast(2)))
    }

    /// Whether the text holds `${` (a policy variable or a template placeholder).
    static func hasVariable(_ text: some StringProtocol) -> Bool {
        var dollar = false
        for byte in text.utf8 {
            if dollar && byte == UInt8(ascii: "{") { return true }
            dollar = byte == UInt8(ascii: "$")
        }
        return false
    }
}

/// Every ARN format of the catalog, by the service its ARNs name (`arn:…:iam::…` formats come
/// from iam, but also from sts, ec2 and ssm), for the ARN rules. Built once per catalog; it also
/// remembers, for the whole run, which formats each resource string can name: policies repeat
/// the same ARNs, and tokenizing EC2's hundred formats again for every policy is most of the work.
/// Shared by the threads of a run, behind a lock.
final class ARNFormatIndex: @unchecked Sendable {
    /// A class: the index hands the same formats to every rule and thread, and fills in their
    /// compiled forms once the formats of their service field are all known.
    final class Format: @unchecked Sendable {
        /// As the catalog writes it: `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
        let raw: String
        /// The service field, lower-cased.
        let service: String
        let region: Substring
        let account: Substring
        /// The part after the fifth colon.
        let resource: Substring
        /// With partition, Region and account blanked, for `ARNFormatMatcher`.
        let normalized: String
        /// With the partition blanked, for ARNs whose wildcards reach across fields.
        let whole: String
        let typeName: String
        /// The catalog service that defines the type.
        let definedBy: String

        let regionField: Field
        let accountField: Field
        /// The literal start of the resource part, up to the first placeholder (`training-job/`).
        let literalStart: Substring
        /// Every placeholder a `*` (`arn:*:s3:::*/*`): the pattern naming every ARN of the format.
        let generalized: [UInt8]
        /// `normalized` and `whole` compiled against their siblings: set (under the index's lock)
        /// when the service field is complete, read-only afterwards.
        fileprivate(set) var compiledNormalized: ARNFormatMatcher.CompiledFormat?
        fileprivate(set) var compiledWhole: ARNFormatMatcher.CompiledFormat?

        init(raw: String, service: String, fields: [Substring], typeName: String, definedBy: String) {
            self.raw = raw
            self.service = service
            region = fields[3]
            account = fields[4]
            resource = fields[5]
            normalized = ARNFormatIndex.normalize(service: service, resource: fields[5])
            whole = "arn:_:\(service):\(fields[3]):\(fields[4]):\(fields[5])"
            self.typeName = typeName
            self.definedBy = definedBy
            regionField = Field(fields[3])
            accountField = Field(fields[4])
            literalStart = fields[5].prefix { $0 != "$" }
            generalized = ARNFormatIndex.generalize(raw)
        }
    }

    /// What a format's Region or account field accepts.
    enum Field: Equatable {
        /// Empty: the service's ARNs of this type have none.
        case none
        /// `${Region}`, `${Account}`: some non-empty value.
        case variable
        /// A literal `*` in the catalog: anything, empty included.
        case any
        /// A fixed value (`aws` for AWS-owned resources, `us-west-2`).
        case literal(String)

        init(_ text: Substring) {
            if text.isEmpty { self = .none } else if text == "*" { self = .any } else if ARNParts.hasVariable(text) { self = .variable } else {
                self = .literal(String(text))
            }
        }

        var acceptsEmpty: Bool { self == .none || self == .any }

        /// Whether a value without wildcards or variables can stand in this field.
        func accepts(_ value: Substring) -> Bool {
            switch self {
            case .none: value.isEmpty
            case .variable: !value.isEmpty
            case .any: true
            case .literal(let fixed): value == fixed
            }
        }
    }

    // Everything below is filled on demand, behind `lock`: a run that asks about S3 ARNs reads
    // the services that define S3 formats (found by `Catalog.formatOwners`), not all 445.
    private let catalog: Catalog
    private let owners: Catalog.FormatOwners
    /// ARN service field → its formats (complete for the fields in `completeFields`).
    private var formats: [String: [Format]] = [:]
    private var completeFields: Set<String> = []
    /// Catalog prefix + NUL + type name → the type's formats.
    private var byType: [String: [Format]] = [:]
    private var loadedPrefixes: Set<String> = []
    /// Catalog prefix + NUL + type for types with a format whose service is a placeholder: any ARN may be one.
    private var openTypes: Set<String> { owners.openTypes }

    // The run's memory, behind `lock`.
    // Matching happens outside it: the lock guards the tables, not the work.
    private let lock = MemoLock()
    private var candidateMemo: [String: (formats: [Format], matched: Bool)] = [:]
    private var fieldwiseMemo: [String: (formats: [Format], matched: Bool)] = [:]
    /// A resource string asked about a type: a key of three strings, not one joined string,
    /// so that asking costs no allocation (these memos are hit hundreds of thousands of times).
    private struct TypeQuestion: Hashable {
        let arn: String
        let prefix: String
        let type: String
    }

    private var coverMemo: [TypeQuestion: Bool] = Dictionary(minimumCapacity: 4096)
    private var particularMemo: [String: Bool] = [:]
    private var typeMemo: [TypeQuestion: Bool] = Dictionary(minimumCapacity: 16384)

    /// Catalog prefix → its position in the catalog.
    private let prefixOrder: [String: Int]

    private init(catalog: Catalog) {
        self.catalog = catalog
        owners = catalog.formatOwners
        prefixOrder = Dictionary(uniqueKeysWithValues: catalog.prefixes.enumerated().map { ($1, $0) })
    }

    /// Reads one catalog service's formats. Called with `lock` held.
    private func loadLocked(_ prefix: String) {
        guard loadedPrefixes.insert(prefix).inserted, let service = try? catalog.resources(of: prefix) else { return }
        for type in service.resourceTypes {
            var ofType: [Format] = []
            for raw in type.arnFormats {
                let fields = raw.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
                // `arn:${Partition}:${Vendor}:...` (AWS Backup recovery points) may be any service's ARN: an open type.
                guard fields.count == 6, !ARNParts.hasVariable(fields[2]) else { continue }
                let name = fields[2].lowercased()
                let format = Format(raw: raw, service: name, fields: fields, typeName: type.name, definedBy: prefix)
                ofType.append(format)
                formats[name, default: []].append(format)
            }
            byType[prefix + "\u{0}" + type.name] = ofType
        }
    }

    /// Every format of an ARN service field, in catalog order. Called with `lock` held.
    private func fieldLocked(_ field: String) -> [Format] {
        if !completeFields.contains(field) {
            for owner in owners.byServiceField[field] ?? [] { loadLocked(owner) }
            // Keep the catalog's order whatever order the services were read in.
            let order = prefixOrder
            formats[field] = (formats[field] ?? []).enumerated()
                .sorted { (order[$0.element.definedBy] ?? 0, $0.offset) < (order[$1.element.definedBy] ?? 0, $1.offset) }.map(\.element)
            let normalizedSiblings = formats[field]?.map(\.normalized) ?? []
            let wholeSiblings = formats[field]?.map(\.whole) ?? []
            for format in formats[field] ?? [] {
                format.compiledNormalized = ARNFormatMatcher.compile(format: format.normalized, siblings: normalizedSiblings)
                format.compiledWhole = ARNFormatMatcher.compile(format: format.whole, siblings: wholeSiblings)
            }
            completeFields.insert(field)
        }
        return formats[field] ?? []
    }

    /// The formats of an ARN service field (`s3`): every type of every service that ARNs of it may name.
    func formats(forServiceField field: String) -> [Format]? {
        let all = lock.withLock { fieldLocked(field) }
        return all.isEmpty ? nil : all
    }

    /// A format with every placeholder a `*`.
    static func generalize(_ format: String) -> [UInt8] {
        var result: [UInt8] = []
        var inside = false
        for byte in format.utf8 {
            if inside {
                if byte == UInt8(ascii: "}") { inside = false }
            } else if byte == UInt8(ascii: "{"), result.last == UInt8(ascii: "$") {
                result.removeLast()
                if result.last != UInt8(ascii: "*") { result.append(UInt8(ascii: "*")) }
                inside = true
            } else {
                result.append(byte)
            }
        }
        return result
    }

    static func normalize(service: String, resource: Substring) -> String {
        "arn:_:" + service + ":_:_:" + resource
    }

    /// The formats of a resource type of a catalog service.
    func formats(ofType type: String, in prefix: String) -> [Format] {
        lock.withLock { formatsLocked(ofType: type, in: prefix) }
    }

    private func formatsLocked(ofType type: String, in prefix: String) -> [Format] {
        loadLocked(prefix)
        return byType[prefix + "\u{0}" + type] ?? []
    }

    /// Whether the type has a format rolegen cannot match (any ARN may name it).
    func isOpen(type: String, in prefix: String) -> Bool { openTypes.contains(prefix + "\u{0}" + type) }

    /// The formats of the ARN's service that it can name; all of the service's formats when it
    /// can name none (the resource-format rule reports that), `nil` when the service is a
    /// wildcard or unknown. `fieldByField` ignores wildcards reaching across fields (what a
    /// reader of the ARN expects).
    func candidates(for arn: ARNParts, fieldByField: Bool = false) -> (formats: [Format], matched: Bool)? {
        guard !ActionText.hasWildcard(arn.service), !ARNParts.hasVariable(arn.service) else { return nil }
        let (all, known) = lock.withLock {
            (fieldLocked(arn.serviceKey), fieldByField ? fieldwiseMemo[arn.text] : candidateMemo[arn.text])
        }
        guard !all.isEmpty else { return nil }
        if let known { return known }
        let whole = arn.spansFields && !fieldByField
        let compiled = ARNFormatMatcher.compile(resource: Self.form(of: arn, whole: whole))
        let matching = all.filter { Self.canDenote(compiled, $0, whole: whole) }
        let result = matching.isEmpty ? (all, false) : (matching, true)
        lock.withLock {
            if fieldByField { fieldwiseMemo[arn.text] = result } else { candidateMemo[arn.text] = result }
        }
        return result
    }

    /// Whether the resource string names every ARN of the type: each of its formats with every
    /// placeholder a wildcard is within the pattern. A fixed partition counts as any (a policy
    /// lives in one partition).
    func namesEvery(type: String, of prefix: String, _ arn: ARNParts) -> Bool {
        let key = TypeQuestion(arn: arn.text, prefix: prefix, type: type)
        let (known, formats) = lock.withLock {
            let known = coverMemo[key]
            return (known, known == nil ? formatsLocked(ofType: type, in: prefix) : [])
        }
        if let known { return known }
        var general = Array(arn.text.utf8)
        if AWSPartitions.partitions.contains(String(arn.partition)) {
            general = Array("arn:*:".utf8) + Array(arn.text.utf8.dropFirst(5 + arn.partition.utf8.count))
        }
        let result = !formats.isEmpty && !isOpen(type: type, in: prefix) && formats.allSatisfy { Glob.covers(general, $0.generalized) }
        lock.withLock { coverMemo[key] = result }
        return result
    }

    /// Remembers `ResourceFacts.namesParticularResources` per resource string.
    func particular(_ arn: ARNParts, compute: (ARNParts) -> Bool) -> Bool {
        if let known = lock.withLock({ particularMemo[arn.text] }) { return known }
        let result = compute(arn)
        lock.withLock { particularMemo[arn.text] = result }
        return result
    }

    /// Whether the ARN can name a resource of the type (of a catalog service). CloudWatch Logs
    /// authorizes log-group actions on `log-group:NAME:*`, and some of them on
    /// `log-group:NAME:log-stream:` (its documentation; AWS's managed policies rely on both).
    func canName(_ arn: ARNParts, type: String, of prefix: String) -> Bool {
        let key = TypeQuestion(arn: arn.text, prefix: prefix, type: type)
        if let known = lock.withLock({ typeMemo[key] }) { return known }
        let alias = ResourceFacts.aliases[prefix + "\u{0}" + type]
        let ofType = lock.withLock {
            var ofType: [String: [Format]] = [:]
            for name in [type] + (alias.map { [$0] } ?? []) {
                let formats = formatsLocked(ofType: name, in: prefix)
                // Their fields complete, so that their compiled forms are set.
                for field in Set(formats.map(\.service)) { _ = fieldLocked(field) }
                ofType[name] = formats
            }
            return ofType
        }
        // Field by field first: it rejects most formats on their literal start. Only then the
        // slower whole-ARN match that lets a Region or account wildcard reach across colons.
        func names(_ arn: ARNParts, _ type: String) -> Bool {
            let formats = ofType[type] ?? []
            guard !formats.isEmpty else { return false }
            let fieldwise = ARNFormatMatcher.compile(resource: Self.form(of: arn, whole: false))
            if formats.contains(where: { Self.canDenote(fieldwise, $0, whole: false) }) { return true }
            guard arn.spansFields else { return false }
            let whole = ARNFormatMatcher.compile(resource: Self.form(of: arn, whole: true))
            return formats.contains { Self.canDenote(whole, $0, whole: true) }
        }
        var result = isOpen(type: type, in: prefix) || names(arn, type)
        if !result, let trimmed = arn.withoutTrailingAny { result = names(trimmed, type) }
        if !result, let alias { result = names(arn, alias) }
        lock.withLock { typeMemo[key] = result }
        return result
    }

    /// Whether the action can be authorized against the ARN: it must be able to name one of the
    /// action's resource types.
    func applies(_ action: ActionDefinition, to arn: ARNParts) -> Bool {
        action.resourceTypes.contains { canName(arn, type: $0.type, of: action.service) }
    }

    /// `resource` is the compiled `form(of:whole:)` of the ARN; the format's field is complete.
    private static func canDenote(_ resource: ARNFormatMatcher.CompiledResource, _ format: Format, whole: Bool) -> Bool {
        guard let compiled = whole ? format.compiledWhole : format.compiledNormalized else { return false }
        return ARNFormatMatcher.canDenote(resource, compiled)
    }

    /// The text compared with the formats' `whole` or `normalized` forms.
    private static func form(of arn: ARNParts, whole: Bool) -> String {
        whole ? "arn:_:\(arn.serviceKey):\(arn.region):\(arn.account):\(arn.resource)" : normalize(service: arn.serviceKey, resource: arn.resource)
    }

    // MARK: - One index per catalog

    private final class Entry {
        weak var catalog: Catalog?
        let index: ARNFormatIndex

        init(catalog: Catalog, index: ARNFormatIndex) {
            self.catalog = catalog
            self.index = index
        }
    }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var entries: [ObjectIdentifier: Entry] = [:]

    /// The index of a catalog, made on first use; it reads services as questions need them.
    static func shared(_ catalog: Catalog) throws -> ARNFormatIndex {
        let key = ObjectIdentifier(catalog)
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let entry = entries[key], entry.catalog === catalog { return entry.index }
        let index = ARNFormatIndex(catalog: catalog)
        entries = entries.filter { $0.value.catalog != nil }
        entries[key] = Entry(catalog: catalog, index: index)
        return index
    }
}

/// What the resource rules ask about a statement's resources.
enum ResourceFacts {
    /// Types a service also authorizes on the ARNs of another of its types (catalog prefix + NUL +
    /// type → the other type): CloudWatch Logs evaluates some log-group actions on
    /// `log-group:NAME:log-stream:`.
    static let aliases: [String: String] = ["logs\u{0}log-group": "log-stream"]

    /// Whether a resource names particular resources rather than every resource of a type: after
    /// the literal start of the format it follows (`training-job/`, `log-group:`), something else
    /// than wildcards and separators is left (`arn:aws:s3:::ml-data/*` does, `arn:aws:s3:::*` and
    /// `arn:aws:logs:*:*:log-group:*` do not). Services authorize actions that take no resource
    /// against ARNs of their own (s3:ListAllMyBuckets works on `arn:aws:s3:::*`), which only such
    /// broad patterns can match.
    static func namesParticularResources(_ arn: ARNParts, index: ARNFormatIndex) -> Bool {
        index.particular(arn) { arn in
            var rest = arn.resource.utf8
            if let (formats, matched) = index.candidates(for: arn, fieldByField: true), matched {
                var longest = 0
                for format in formats {
                    let literal = format.literalStart.utf8
                    if literal.count > longest && rest.starts(with: literal) { longest = literal.count }
                }
                rest = rest.dropFirst(longest)
            }
            return rest.contains { ![UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "/"), UInt8(ascii: ":")].contains($0) }
        }
    }


    /// Whether a resource string names every resource: `*`, or an ARN pattern such as `arn:*` or
    /// `arn:aws:*:*:*:*` (a policy lives in one partition, so a fixed partition counts as any).
    static func namesEverything(_ text: String) -> Bool {
        if Glob.isAllStars(text) { return true }
        guard text.hasPrefix("arn:") else { return false }
        var general = text
        if let arn = ARNParts(text), AWSPartitions.partitions.contains(String(arn.partition)) {
            general = "arn:*:\(arn.service):\(arn.region):\(arn.account):\(arn.resource)"
        }
        return Glob.covers(Array(general.utf8), Array("arn:*:*:*:*:*".utf8))
    }

    /// The formats of the types an action takes, for messages.
    static func formats(of action: ActionDefinition, index: ARNFormatIndex) -> [String] {
        action.resourceTypes.flatMap { index.formats(ofType: $0.type, in: action.service).map(\.raw) }
    }

    /// `s3:GetObject (object, accesspointobject)`.
    static func typeList(of action: ActionDefinition) -> String {
        action.resourceTypes.map(\.type).quotedList(conjunction: "or")
    }

    /// The bucket policy case: a resource policy known (or seen) to be attached to an S3 bucket,
    /// whose every resource names the bucket or its objects. S3 rejects such policies when a
    /// statement's action applies to none of its resources.
    static func isBucketPolicy(_ subject: RuleSubject) -> Bool {
        guard subject.type == .resource else { return false }
        if let kind = subject.input.resourceKind { return kind == "AWS::S3::Bucket" }
        var sawARN = false
        for statement in subject.view.statements {
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) where !Glob.isAllStars(resource.value) {
                guard let arn = ARNParts(resource.value), arn.service == "s3", arn.region.isEmpty, arn.account.isEmpty,
                      !arn.resource.hasPrefix("accesspoint/") else { return false }
                sawARN = true
            }
        }
        return sawARN
    }
}
