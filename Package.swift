// swift-tools-version:6.0
import PackageDescription

/// The layers, each a target so the compiler keeps the arrows pointing one way:
/// AWSCore <- Telemetry <- Recording <- Demo; Telemetry <- Panels; Panels, Recording <- ConsoleCore <- opsdeck.
/// Members are visible only from modules a file imports itself, so Foundation's (which TOMLKit imports) cannot creep
/// into code that imports FoundationEssentials alone.
let strictImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "opsdeck",
    products: [
        .executable(name: "opsdeck", targets: ["opsdeck"]),
        .executable(name: "opsdeck-bench", targets: ["opsdeck-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses", providers: [.apt(["libncursesw5-dev"])]),
        // libcurl loaded on first use (dlopen), so the demo and replays never map it and the libraries it brings.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // SigV4, credentials, the libcurl transport, the call model, errors, retry, paging, XML/JSON readers, private files.
        .target(name: "AWSCore", dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")], swiftSettings: strictImports),
        // Service clients, the snapshot model, config.toml (read by TOMLKit) and the poller.
        .target(name: "Telemetry", dependencies: ["AWSCore", .product(name: "Logging", package: "swift-log"), .product(name: "TOMLKit", package: "TOMLKit")], swiftSettings: strictImports),
        // Recordings: codec, recorder, replay through the poller's parsers, the replay clock.
        .target(name: "Recording", dependencies: ["Telemetry", "CZlib"], swiftSettings: strictImports),
        // The demo story's platform and the recording made of it.
        // The demo recording, linked in by the assembler (so no resource bundle and no Foundation Bundle).
        .target(name: "CDemoRecording", cSettings: [.headerSearchPath("../Demo/Resources")]),
        .target(name: "Demo", dependencies: ["Recording", "CDemoRecording"], exclude: ["Resources"], swiftSettings: strictImports),
        // Panels drawn into a pure cell buffer; they read the model only.
        .target(name: "Panels", dependencies: ["Telemetry"], swiftSettings: strictImports),
        // The console without a terminal: state reducer, event loop, key table, themes, triage.
        .target(name: "ConsoleCore", dependencies: ["Panels", "Recording"], swiftSettings: strictImports),
        // The thin executable: the command line and the ncurses backend (the only code that touches ncurses).
        .executableTarget(
            name: "opsdeck",
            dependencies: ["CNCurses", "ConsoleCore", "Demo", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictImports
        ),
        .executableTarget(name: "opsdeck-bench", dependencies: ["Demo", "Panels"], path: "Sources/Bench", swiftSettings: strictImports),
        .testTarget(name: "TelemetryTests", dependencies: ["AWSCore", "Telemetry", "Recording", "Demo"], exclude: ["Resources/README.md"],
                    resources: [.copy("Resources/sigv4"), .copy("Resources/sigv4-crt"), .copy("Resources/responses"), .copy("Resources/flowlogs")]),
        .testTarget(name: "PanelsTests", dependencies: ["Panels", "Telemetry", "Demo"], exclude: ["__Snapshots__"]),
        .testTarget(name: "ConsoleTests", dependencies: ["opsdeck", "ConsoleCore", "Panels", "Telemetry", "Recording", "Demo"]),
    ]
)
