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
        // A C API over GeographicLib's MGRS and UTM conversions (C++), so Swift needs no C++ interop.
        .target(
            name: "CGeographicLib",
            linkerSettings: [.linkedLibrary("GeographicLib")]
        ),
        // Header-only: a cache prefetch hint, inlined into the recognizer's lookups.
        .target(name: "CPrefetch"),
        .target(
            name: "GeoMap",
            dependencies: ["CGeos", "CProj", "CPrefetch", "CGeographicLib"]
        ),
        .executableTarget(
            name: "GeoMapCLI",
            dependencies: [
                "GeoMap",
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
    ]
)
