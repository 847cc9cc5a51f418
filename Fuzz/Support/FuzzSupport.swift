package import RolegenCore

/// What every fuzz target shares: reading inputs for the replay driver. A target is built two
/// ways (docs/fuzzing.md): with `-D FUZZING -sanitize=fuzzer,address` it is a libFuzzer binary
/// (`LLVMFuzzerTestOneInput`); without, an ordinary executable that runs the files and
/// directories it is given through the same function, to replay a corpus or a crash.
package enum FuzzReplay {
    /// Runs `body` on every file named in `arguments` (directories: their files, sorted), and
    /// returns how many it ran.
    package static func run(_ arguments: [String], _ body: ([UInt8]) -> Void) -> Int {
        let fileSystem = LocalFileSystem()
        var count = 0
        for path in arguments {
            let files: [String]
            if fileSystem.kind(of: path) == .directory {
                files = ((try? fileSystem.listDirectory(path)) ?? []).map { joinPath(path, $0) }.filter { fileSystem.kind(of: $0) == .file }
            } else {
                files = [path]
            }
            for file in files {
                guard let bytes = try? fileSystem.readFile(file, limit: 16 << 20) else { continue }
                body(bytes)
                count += 1
            }
        }
        return count
    }
}

extension FuzzReplay {
    /// The replay executable's `main`: runs the files and directories on the command line.
    package static func main(_ product: String, _ body: ([UInt8]) -> Void) {
        let count = run(Array(CommandLine.arguments.dropFirst()), body)
        print("\(product): \(count) inputs replayed, no crash")
    }
}

#if FUZZING
/// libFuzzer's own driver, linked from its runtime.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// What the libFuzzer build of a target needs besides its `fuzzOne`: each target declares
/// `LLVMFuzzerTestOneInput` and `<Product>_main` (C names must be literal) and calls these.
package enum FuzzDriver {
    /// One input, as libFuzzer hands it over.
    package static func testOne(_ data: UnsafePointer<UInt8>?, _ size: Int, _ body: ([UInt8]) -> Void) -> CInt {
        body(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    /// SwiftPM links an executable's entry point as `<Product>_main`, so libFuzzer's own main is
    /// not used: this hands the command line to libFuzzer's driver (scripts/fuzz/run links with
    /// --allow-multiple-definition, so whichever main the linker keeps runs the same fuzzer).
    package static func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments, callback)
    }
}
#endif

/// The bundled catalog, loaded once per process.
package let fuzzCatalog: Catalog? = try? Catalog.bundled().get()
