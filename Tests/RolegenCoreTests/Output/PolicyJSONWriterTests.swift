import Testing
@testable import RolegenCore

@Suite struct PolicyJSONWriterTests {
    @Test func writesIAMKeyOrderAndArrays() {
        var condition = ConditionSet()
        condition.set(operator: "StringEquals", key: "iam:PassedToService", values: ["sagemaker.amazonaws.com"])
        condition.set(operator: "ArnLike", key: "aws:SourceArn", values: ["b", "a"])
        let document = PolicyDocument(statements: [
            PolicyStatement(sid: "Pass", effect: .allow, principal: Principal(["Service": ["sagemaker.amazonaws.com"]]),
                            actions: ["iam:PassRole"], resources: ["arn:aws:iam::111122223333:role/x"], condition: condition),
        ])
        #expect(PolicyJSONWriter.render(document) == """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "Pass",
                  "Effect": "Allow",
                  "Principal": {
                    "Service": "sagemaker.amazonaws.com"
                  },
                  "Action": [
                    "iam:PassRole"
                  ],
                  "Resource": [
                    "arn:aws:iam::111122223333:role/x"
                  ],
                  "Condition": {
                    "ArnLike": {
                      "aws:SourceArn": [
                        "a",
                        "b"
                      ]
                    },
                    "StringEquals": {
                      "iam:PassedToService": "sagemaker.amazonaws.com"
                    }
                  }
                }
              ]
            }

            """)
    }

    @Test func notActionAndEmptyStatementList() {
        let deny = PolicyStatement(sid: "D", effect: .deny, actions: ["iam:*"], actionsAreExcluded: true, resources: ["*"])
        #expect(PolicyJSONWriter.render(PolicyDocument(statements: [deny])).contains("\"NotAction\": ["))
        #expect(PolicyJSONWriter.render(PolicyDocument(statements: [])) == "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n")
    }

    @Test func escapesOnlyWhatJSONRequires() {
        #expect(PolicyJSONWriter.quote("a/b \"q\" \\ é \n\u{01}") == "\"a/b \\\"q\\\" \\\\ é \\n\\u0001\"")
    }

    @Test func quotaSizeIgnoresWhiteSpace() {
        #expect(PolicyJSONWriter.quotaSize(of: "{\n  \"a\": [ 1 ]\n}\n") == 9)
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == digest)
    }

    @Test func millionAs() {
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
