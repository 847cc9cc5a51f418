import Testing
@testable import RolegenCore

@Suite struct SuggestionsTests {
    @Test(arguments: [
        ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "abc", 0), ("recieve", "receive", 1), ("ab", "ba", 1),
    ])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(Suggestions.editDistance(a, b) == expected)
    }

    @Test func suggestsCloseNamesOnly() {
        let names = ["sagemaker-ml-jobs", "sagemaker-models", "s3-bucket-read"]
        #expect(Suggestions.didYouMean("sagemaker-ml-job", in: names) == "; did you mean 'sagemaker-ml-jobs'?")
        #expect(Suggestions.didYouMean("SageMaker-Models", in: names) == "; did you mean 'sagemaker-models'?")
        #expect(Suggestions.didYouMean("ecr-pull", in: names) == "")
    }

    @Test func prefixMatchesCanBeTurnedOff() {
        #expect(Suggestions.closest(to: "execution_role_arn", in: ["studio_execution_role_arn"]) == ["studio_execution_role_arn"])
        #expect(Suggestions.closest(to: "execution_role_arn", in: ["studio_execution_role_arn"], matchAffixes: false).isEmpty)
    }
}
