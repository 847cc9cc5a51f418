// The libFuzzer entry point, or (without -D FUZZING) the replay driver: see Fuzz/Support.
import FuzzSupport

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct Replay {
    static func main() {
        let count = FuzzReplay.run(Array(CommandLine.arguments.dropFirst()), fuzzOne)
        print("FuzzDiff: \(count) inputs replayed, no crash")
    }
}
#endif
