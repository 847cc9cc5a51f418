// The libFuzzer driver, or (without -D FUZZING) the replay driver: see Fuzz/Support.
import FuzzSupport

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDriver.testOne(data, size, fuzzOne)
}

@_cdecl("FuzzLint_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv) { fuzzerTestOneInput($0, $1) }
}
#else
@main
struct Replay {
    static func main() { FuzzReplay.main("FuzzLint", fuzzOne) }
}
#endif
