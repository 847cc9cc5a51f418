/// The six fields of an Amazon Resource Name: `arn:partition:service:region:account:resource`.
package struct ARN: Hashable, Sendable {
    package var partition: String
    package var service: String
    package var region: String
    package var account: String
    /// Everything after the fifth colon; it may contain colons and slashes itself.
    package var resource: String

    /// Splits an ARN, or says which part is missing.
    package static func parse(_ text: String) -> Result<ARN, Reason> {
        guard text.hasPrefix("arn:") else { return .failure(Reason("ARNs start with 'arn:'")) }
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6 else {
            return .failure(Reason("expected six ':'-separated fields (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE), found \(fields.count)"))
        }
        guard !fields[1].isEmpty else { return .failure(Reason("the partition field is empty")) }
        guard !fields[2].isEmpty else { return .failure(Reason("the service field is empty")) }
        guard !fields[5].isEmpty else { return .failure(Reason("the resource field is empty")) }
        return .success(ARN(partition: fields[1], service: fields[2], region: fields[3], account: fields[4], resource: fields[5]))
    }
}
