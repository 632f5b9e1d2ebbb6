// What every libFuzzer target shares: the hand-over to libFuzzer's driver and the invariant check.
// SwiftPM links an executable's entry point as `<Module>_main` on Linux; each target defines that
// symbol with @_cdecl and calls `runLibFuzzer` (see Scripts/fuzz). Compiled only with -DGEOMAP_FUZZ.
#if GEOMAP_FUZZ
#if canImport(Glibc)
import Glibc
#endif

public typealias FuzzArguments = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
public typealias FuzzTestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzTestOneInput
) -> Int32

/// Runs libFuzzer over `testOneInput` with the process's own arguments.
public func runLibFuzzer(_ argc: Int32, _ argv: FuzzArguments, _ testOneInput: FuzzTestOneInput) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, testOneInput)
}

/// Stops the run when an invariant is broken, naming the target; libFuzzer keeps the input.
public func fuzzCheck(_ condition: Bool, _ target: StaticString, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    let line = "\(target): invariant broken: \(message())\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    abort()
}
#endif
