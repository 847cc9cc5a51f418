// The libFuzzer driver, or (without -D FUZZING) the replay driver: see Fuzz/Support.
import FuzzSupport

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

// SwiftPM links an executable's entry point as `FuzzJSONPolicy`_main, so libFuzzer's own main is not
// used: this one hands the command line to libFuzzer's driver (scripts/fuzz/run links with
// --allow-multiple-definition, so whichever main the linker keeps runs the same fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("FuzzJSONPolicy_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzerTestOneInput(data, size) }
}
#else
@main
struct Replay {
    static func main() {
        let count = FuzzReplay.run(Array(CommandLine.arguments.dropFirst()), fuzzOne)
        print("FuzzJSONPolicy: \(count) inputs replayed, no crash")
    }
}
#endif
