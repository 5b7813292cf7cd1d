import Foundation
import FuzzTargets

#if FUZZING
    /// libFuzzer's entry point (built by `make fuzz` with `-sanitize=fuzzer,address -D FUZZING`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
        FuzzIngest.run(Array(UnsafeRawBufferPointer(start: data, count: size)))
        return 0
    }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    // (the name of libFuzzer's C entry point)
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
    ) -> CInt

    /// SwiftPM links executables with `main` renamed to `<target>_main`; hand over to libFuzzer.
    @_cdecl("FuzzIngest_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
    }
#else
    /// Without the fuzzer: replays the given files or folders through the target, to check
    /// that saved crashers stay fixed.
    @main
    struct ReplayFuzzInputs {
        static func main() {
            var count = 0
            for argument in CommandLine.arguments.dropFirst() {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { continue }
                let files =
                    isDirectory.boolValue
                    ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                    : [argument]
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    FuzzIngest.run([UInt8](data))
                    count += 1
                }
            }
            print("replayed \(count) input(s) without a crash")
        }
    }
#endif
