// swift-tools-version: 6.2
import PackageDescription

// Shared settings for every target of ours. Must stay above `package`: declared below it,
// the array is read before it is initialised and silently comes out empty.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "rolegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rolegen", targets: ["rolegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        // The engine: loading, validation, composition, rendering. Never prints.
        .target(
            name: "RolegenCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            // The AWS authorization catalog (docs/catalog.md), built by scripts/catalog/build.
            resources: [.copy("Resources/catalog.rolegen")],
            swiftSettings: strictSettings
        ),
        // The command-line front end: argument parsing, file output, diagnostics rendering.
        .target(
            name: "RolegenCLI",
            dependencies: [
                "RolegenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "rolegen",
            dependencies: ["RolegenCLI"],
            swiftSettings: strictSettings
        ),
        // Fuzzing (docs/fuzzing.md): built normally, each is a replay tool for saved inputs;
        // scripts/fuzz/run builds them with -D FUZZING -sanitize=fuzzer,address for libFuzzer.
        .target(
            name: "FuzzSupport",
            dependencies: ["RolegenCore"],
            path: "Fuzz/Support",
            swiftSettings: strictSettings
        ),
    ] + ["FuzzJSONPolicy", "FuzzYAMLLibrary", "FuzzLint", "FuzzEvaluator", "FuzzDiff"].map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", "RolegenCore"],
            path: "Fuzz/\(name)",
            swiftSettings: strictSettings
        )
    } + [
        .target(
            name: "RolegenTestSupport",
            dependencies: ["RolegenCore"],
            path: "Tests/RolegenTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RolegenCoreTests",
            dependencies: ["RolegenCore", "RolegenTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RolegenCLITests",
            // `rolegen` is listed so that `swift test` builds the binary the process tests run.
            // and the fuzz targets' replay drivers, which FuzzRegressionTests runs on saved inputs.
            dependencies: ["RolegenCLI", "RolegenCore", "RolegenTestSupport", "rolegen",
                           "FuzzJSONPolicy", "FuzzYAMLLibrary", "FuzzLint", "FuzzEvaluator", "FuzzDiff"],
            swiftSettings: strictSettings
        ),
    ]
)
