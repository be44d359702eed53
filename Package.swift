// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Scorecard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scorecard", targets: ["scorecard"]),
        .library(name: "ScorecardKit", targets: ["ScorecardKit"]),
        .library(name: "Postgres", targets: ["Postgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // The C boundary: a module map over libpq-fe.h, nothing else.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Swift over libpq: connections, parameterised queries, COPY, locks, the embedded cluster.
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The domain: dataset, methodology, scoring, reports, workspaces.
        .target(
            name: "ScorecardKit",
            dependencies: [
                "Postgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedResources"]
        ),
        // Generates ScorecardKit's EmbeddedResources.swift (the SQL, the default methodology,
        // the workspace templates) with scripts/embed-resources on every build.
        .plugin(name: "EmbedResources", capability: .buildTool()),
        .executableTarget(
            name: "scorecard",
            dependencies: [
                "ScorecardKit",
                "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Postgres", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "TestSupport"]
        ),
        .testTarget(
            name: "ScorecardKitTests",
            dependencies: ["ScorecardKit", "Postgres", "TestSupport"]
        ),
    ]
)
