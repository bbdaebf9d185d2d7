// swift-tools-version:6.1
import PackageDescription

// Module layout follows ../shared/design/ARCHITECTURE.md: every module depends downward only.
let package = Package(
    name: "svcwiz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "svcwiz", targets: ["svcwiz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "ServiceModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(name: "ServiceStore", dependencies: ["ServiceModel"]),
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "TerminalUI", dependencies: ["CNCurses"]),
        .target(name: "SvcWizApp", dependencies: ["TerminalUI", "ServiceStore", "ServiceModel"]),
        .executableTarget(
            name: "svcwiz",
            dependencies: [
                "SvcWizApp", "ServiceStore", "ServiceModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ServiceModelTests", dependencies: ["ServiceModel"]),
        .testTarget(name: "ServiceStoreTests", dependencies: ["ServiceStore", "ServiceModel"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "SvcWizAppTests", dependencies: ["SvcWizApp", "TerminalUI", "ServiceStore", "ServiceModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["svcwiz", "ServiceModel"]),
    ],
    swiftLanguageModes: [.v6]
)
