import FuzzSupport
import RolegenCore

/// The semantic diff: the input is two policies (strict JSON) separated by a blank line
/// pair ("\n\n\n"), compared in both directions with the bundled catalog.
func fuzzOne(_ bytes: [UInt8]) {
    guard let catalog = fuzzCatalog else { return }
    let separator: [UInt8] = [10, 10, 10]
    guard let cut = bytes.indices.dropLast(2).first(where: { Array(bytes[$0..<($0 + 3)]) == separator }) else { return }
    guard case .success(let old) = JSONReader.parse(Array(bytes[..<cut]), path: "old.json"),
          case .success(let new) = JSONReader.parse(Array(bytes[(cut + 3)...]), path: "new.json") else { return }
    _ = try? SemanticDiff(catalog: catalog).compare(old: [EvaluationPolicy(old, name: "old")], new: [EvaluationPolicy(new, name: "new")])
}
