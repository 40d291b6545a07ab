// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "opsdeck",
    products: [
        .executable(name: "opsdeck", targets: ["opsdeck"]),
        .executable(name: "opsdeck-bench", targets: ["opsdeck-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Telemetry",
            dependencies: ["CCurl", "CZlib", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/demo-recording.jsonl.gz")]
        ),
        .target(name: "Panels", dependencies: ["Telemetry"]),
        .executableTarget(
            name: "opsdeck",
            dependencies: [
                "CNCurses", "Telemetry", "Panels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/Console"
        ),
        .executableTarget(name: "opsdeck-bench", dependencies: ["Telemetry", "Panels"], path: "Sources/Bench"),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry"], exclude: ["Resources/README.md"], resources: [.copy("Resources/sigv4"), .copy("Resources/sigv4-crt"), .copy("Resources/responses"), .copy("Resources/flowlogs")]),
        .testTarget(name: "PanelsTests", dependencies: ["Panels", "Telemetry"], exclude: ["__Snapshots__"]),
        .testTarget(name: "ConsoleTests", dependencies: ["opsdeck", "Panels", "Telemetry"]),
    ]
)
