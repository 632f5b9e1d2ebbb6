// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GeoMap",
    products: [
        .executable(name: "geomap", targets: ["GeoMapCLI"]),
        .library(name: "GeoMap", targets: ["GeoMap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGeos",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]
        ),
        .systemLibrary(
            name: "CProj",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        // gzip input (`.gz` files), inflated as they are read.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // A C API over GeographicLib's MGRS and UTM conversions (C++), so Swift needs no C++ interop.
        .target(
            name: "CGeographicLib",
            linkerSettings: [.linkedLibrary("GeographicLib")]
        ),
        // Header-only: a cache prefetch hint, inlined into the recognizer's lookups.
        .target(name: "CPrefetch"),
        .target(
            name: "GeoMap",
            dependencies: ["CGeos", "CProj", "CPrefetch", "CGeographicLib", "CZlib"]
        ),
        // `geomap serve`: HTTP/JSON routes over the library; the library itself knows nothing of HTTP.
        .target(
            name: "GeoMapServer",
            dependencies: [
                "GeoMap",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "GeoMapCLI",
            dependencies: [
                "GeoMap",
                "GeoMapServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets: stubs in a plain build; Scripts/fuzz builds the real ones.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzTextPipeline", dependencies: ["GeoMap", "FuzzSupport"]),
        .executableTarget(name: "FuzzReaders", dependencies: ["GeoMap", "FuzzSupport"]),
        .executableTarget(name: "FuzzIndex", dependencies: ["GeoMap", "FuzzSupport"]),
        .executableTarget(name: "FuzzDirectoryName", dependencies: ["GeoMap", "FuzzSupport"]),
        .testTarget(
            name: "GeoMapTests",
            dependencies: ["GeoMap"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GeoMapServerTests",
            dependencies: ["GeoMap", "GeoMapServer"]
        ),
    ]
)
