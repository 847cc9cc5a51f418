/// A value after references are resolved, each piece remembering where it was written:
/// in a persona, a values file, a template default or on the command line.
package struct BoundScalar: Hashable, Sendable {
    package var text: String
    /// Where the text (or the value it came from) was written.
    package var origin: SourceLocation

    package init(_ text: String, origin: SourceLocation) {
        self.text = text
        self.origin = origin
    }
}

package struct TagEntry: Hashable, Sendable {
    package var key: BoundScalar
    package var value: BoundScalar

    package init(key: BoundScalar, value: BoundScalar) {
        self.key = key
        self.value = value
    }
}

package enum BoundValue: Hashable, Sendable {
    case scalar(BoundScalar)
    case list([BoundScalar], origin: SourceLocation)
    case tags([TagEntry], origin: SourceLocation)

    package var origin: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.origin
        case .list(_, let origin), .tags(_, let origin): origin
        }
    }

    /// The value as strings: a scalar is one, a list is its items; tags have none.
    package var strings: [BoundScalar]? {
        switch self {
        case .scalar(let scalar): [scalar]
        case .list(let items, _): items
        case .tags: nil
        }
    }

    package var kindDescription: String {
        switch self {
        case .scalar: "a single value"
        case .list: "a list"
        case .tags: "tags (a mapping)"
        }
    }
}

/// The names a string may refer to, and what they hold.
package struct Scope: Sendable {
    package var values: [String: BoundValue]
    /// For messages: "the parameters of template 'x'".
    package var description: String

    package init(_ values: [String: BoundValue] = [:], description: String) {
        self.values = values
        self.description = description
    }

    package subscript(name: String) -> BoundValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    package var names: [String] { values.keys.sorted() }
}
