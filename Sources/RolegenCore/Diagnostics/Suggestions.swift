/// "Did you mean" suggestions for misspelt names.
package enum Suggestions {
    /// The candidates closest to `name`, best first, when they are close enough to be a typo.
    ///
    /// Close enough means an edit distance of at most a third of the name's length (at least 1,
    /// at most 3), compared without case, or `name` being a prefix or suffix of the candidate.
    package static func closest(
        to name: String, in candidates: some Sequence<String>, limit: Int = 1, matchAffixes: Bool = true
    ) -> [String] {
        let target = name.lowercased()
        guard !target.isEmpty else { return [] }
        let threshold = min(3, max(1, target.count / 3))
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in Set(candidates) {
            let lowered = candidate.lowercased()
            if lowered == target {
                scored.append((0, candidate))
                continue
            }
            let distance = editDistance(target, lowered, limit: threshold)
            if distance <= threshold {
                scored.append((distance, candidate))
            } else if matchAffixes && target.count >= 4 && (lowered.hasPrefix(target) || lowered.hasSuffix(target)) {
                scored.append((threshold + 1, candidate))
            }
        }
        return scored.sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .prefix(limit).map(\.candidate)
    }

    /// "; did you mean 'x'?" or the empty string.
    package static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        guard let best = closest(to: name, in: candidates).first else { return "" }
        return "; did you mean '\(best)'?"
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), which
    /// counts the common `recieve` typo as one edit. Stops early once every path exceeds `limit`.
    package static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
