import Testing
@testable import RolegenCore

/// The include/exclude globs of a directory scan (`--include`, `--exclude`), including the
/// literal-tail shortcut that rejects most files before the general match.
struct PathGlobTests {
    @Test(arguments: [
        ("**/*.json", "a.json", true),
        ("**/*.json", "team/ml/a.json", true),
        ("**/*.json", "a.yaml", false),
        ("**/*.json", "a.json.bak", false),
        ("**/*.json", ".json", true),
        ("**/*.json", "team/x.json/a.yaml", false),
        ("**/*", "team/ml/a", true),
        ("**/*a.json", "team/ba.json", true),
        ("**/*a.json", "team/a/b.json", false),
        ("*.json", "team/a.json", false),
        ("team/*.json", "team/a.json", true),
        ("team/*.json", "team/ml/a.json", false),
        ("team/**", "team/ml/a.json", true),
        ("**/ml/**", "team/ml/a.json", true),
        ("**/ml/**", "team/mlx/a.json", false),
        ("policies/?.json", "policies/a.json", true),
        ("policies/?.json", "policies/ab.json", false),
        ("policies/a?", "policies/ab", true),
        ("policies/a?", "policies/a/", false),
        ("exact.json", "exact.json", true),
        ("exact.json", "xexact.json", false),
        ("**", "anything/at/all", true),
        ("*", "", true),
        ("", "", true),
        ("", "a", false),
    ])
    func globsMatchPaths(pattern: String, path: String, expected: Bool) {
        #expect(PathGlob.matches(pattern, path) == expected, "\(pattern) against \(path)")
    }
}
