import RolegenCore

/// The strict JSON reader, then what is built from its tree: the evaluation model and IAM's
/// validation for every policy type.
func fuzzOne(_ bytes: [UInt8]) {
    guard case .success(let root) = JSONReader.parse(bytes, path: "fuzz.json") else { return }
    _ = EvaluationPolicy(root, name: "fuzz")
    for profile in [IAMValidator.Profile.identity, .resource, .trust, .scp] {
        _ = IAMValidator(profile: profile).validate(root)
    }
    _ = IAMValidator(profile: .identity).validate(bytes, path: "fuzz.json")
}
