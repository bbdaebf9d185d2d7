// swift-tools-version:6.1
import PackageDescription

// Module layout: docs/design/architecture.md. Every module depends downward only.
let package = Package(
    name: "svcwiz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "svcwiz", targets: ["svcwiz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.60.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.25.0"),
    ],
    targets: [
        // LibYAML's parser, compiled in (Sources/CLibYAML/README.md says where it came from).
        .target(name: "CLibYAML", exclude: ["LICENSE", "README.md"], cSettings: [.define("YAML_DECLARE_STATIC")]),
        .target(name: "ServiceModel", dependencies: ["CLibYAML"]),
        .target(name: "ServiceStore", dependencies: ["ServiceModel"]),
        // Child processes started the one safe way (exec plugins, $EDITOR, tests' tmux).
        .target(name: "ProcessSupport"),
        .target(
            name: "KubeClient",
            dependencies: [
                "ServiceStore", "ServiceModel", "ProcessSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "KubeTestServer",
            dependencies: [
                "ServiceModel", "ProcessSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "TerminalUI", dependencies: ["CNCurses"]),
        // The commit the binary was built from, linked in by scripts/build-release.sh.
        .target(name: "SvcWizBuildInfo"),
        .target(name: "SvcWizApp", dependencies: ["TerminalUI", "ServiceStore", "ServiceModel", "ProcessSupport"]),
        .executableTarget(
            name: "svcwiz",
            dependencies: [
                "SvcWizApp", "TerminalUI", "ServiceStore", "ServiceModel", "KubeClient", "SvcWizBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The performance harness (docs/performance.md); not a product, never installed.
        .executableTarget(
            name: "svcwiz-bench",
            dependencies: ["SvcWizApp", "TerminalUI", "ServiceStore", "ServiceModel", "KubeClient", "KubeTestServer"]
        ),
        .testTarget(name: "ServiceModelTests", dependencies: ["ServiceModel"]),
        .testTarget(name: "ServiceStoreTests", dependencies: ["ServiceStore", "ServiceModel"]),
        .testTarget(
            name: "KubeClientTests",
            dependencies: [
                "KubeClient", "KubeTestServer", "ServiceStore", "ServiceModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "SvcWizAppTests",
            dependencies: ["SvcWizApp", "TerminalUI", "ServiceStore", "ServiceModel", "KubeClient", "KubeTestServer"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["svcwiz", "ServiceModel", "TerminalUI", "KubeTestServer", "ProcessSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (scripts/fuzz.sh, docs/reliability.md): libFuzzer entry points, declared only
// when SVCWIZ_FUZZ is set, since they link only with -sanitize=fuzzer (libFuzzer's main).
if Context.environment["SVCWIZ_FUZZ"] != nil {
    let fuzzers: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzManifest", ["ServiceModel"]),
        ("FuzzKubeconfig", ["KubeClient"]),
        ("FuzzKeys", ["TerminalUI"]),
        ("FuzzWatch", ["KubeClient", "ServiceModel", .product(name: "NIOCore", package: "swift-nio")]),
        ("FuzzIndexCache", ["ServiceStore", "ServiceModel"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"))
    package.targets += fuzzers.map {
        .executableTarget(name: $0.name, dependencies: $0.dependencies + ["FuzzSupport"], path: "Fuzz/\($0.name)",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
}
