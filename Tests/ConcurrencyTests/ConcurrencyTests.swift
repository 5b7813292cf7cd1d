import Concurrency
import Foundation
import SystemInterface
import Testing

@Suite struct ParallelMapTests {
    @Test func resultsComeInInputOrderWhateverTheScheduling() {
        let input = Array(0..<2_000)
        let output = ParallelMap.map(input) { value in
            // Uneven work so that later elements often finish first.
            var x = value
            for _ in 0..<(value % 7) * 500 { x = (x &* 31 &+ 7) % 1_000_003 }
            return (value, x)
        }
        #expect(output.map(\.0) == input)
        #expect(
            output.map(\.1)
                == input.map { value in
                    var x = value
                    for _ in 0..<(value % 7) * 500 { x = (x &* 31 &+ 7) % 1_000_003 }
                    return x
                })
        #expect(ParallelMap.map([Int]()) { $0 }.isEmpty)
        #expect(ParallelMap.map([5]) { $0 * 2 } == [10])
    }
}

@Suite struct SubprocessTests {
    @Test func bothStreamsAndTheStatusArrive() throws {
        let child = try Subprocess("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"])
        let outcome = child.wait()
        #expect(outcome.status == 3)
        #expect(outcome.stdout == "out\n")
        #expect(outcome.stderr == "err\n")
        #expect(child.wait().status == 3, "a second wait returns the same outcome")
    }

    /// Much output on stderr must not block the child (it is not read through a pipe).
    @Test func muchOutputOnBothStreamsDoesNotDeadlock() throws {
        let child = try Subprocess("/bin/sh", ["-c", "i=0; while [ $i -lt 20000 ]; do echo 0123456789abcdef >&2; echo x; i=$((i+1)); done"])
        // A hang guard (a deadlock would otherwise stall the suite), far above the ~1 s it takes.
        let outcome = child.wait(timeout: 300)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.count == 20_000 * 17)
        #expect(outcome.stdout.count == 20_000 * 2)
    }

    @Test func inputIsSentOnStandardInput() throws {
        let child = try Subprocess("/bin/cat", [], input: true)
        child.send(Data("Größe\n".utf8))
        #expect(child.wait().stdout == "Größe\n")
    }

    /// The child never ends by itself, so the time-out is the only way out, on any machine:
    /// the status says it was killed, and no clock of the test's decides the outcome.
    @Test func aChildPastItsTimeoutIsKilled() throws {
        let child = try Subprocess("/bin/sh", ["-c", "while :; do sleep 60; done"])
        let outcome = child.wait(timeout: 0.3)
        #expect(outcome.status == 128 + SIGKILL)
    }

    @Test func aMissingExecutableIsALaunchErrorNamingIt() {
        let error = #expect(throws: Subprocess.LaunchError.self) { _ = try Subprocess("no-such-tool-\(getpid())", []) }
        #expect(error?.description.hasPrefix("cannot start no-such-tool-") == true)
        #expect(Subprocess.which("sh") != nil)
        #expect(Subprocess.which("no-such-tool-\(getpid())") == nil)
    }
}

@Suite struct ChildProcessTests {
    @Test func statusCPUAndPeakMemoryAreMeasured() throws {
        let run = try ChildProcess.run("/bin/sh", ["-c", "echo hi; exit 4"])
        #expect(run.status == 4)
        #expect(run.stdout == "hi\n")
        #expect(run.peakMiB > 0.1 && run.peakMiB < 1_000, "a shell's peak memory in MiB, not KiB or bytes: \(run.peakMiB)")
        #expect(run.wallSeconds >= 0 && run.cpuSeconds >= 0)
    }

    @Test func maxRSSIsConvertedPerPlatform() {
        #if canImport(Darwin)
            #expect(ChildProcess.mebibytes(maxRSS: 1_048_576) == 1)
        #else
            #expect(ChildProcess.mebibytes(maxRSS: 1024) == 1)
        #endif
    }
}

@Suite struct BufferedFileWriterTests {
    @Test func aFileLargerThanTheBufferIsWrittenWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("buffered-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try #require(BufferedFileWriter(path: path, chunkSize: 64))
        var expected = ""
        for i in 0..<1_000 {
            writer.append("Zeile \(i) – äöü\r\n")
            expected += "Zeile \(i) – äöü\r\n"
        }
        #expect(writer.close() == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs Linux's /dev/full"))
    func aFullDiskIsReportedByClose() throws {
        let writer = try #require(BufferedFileWriter(path: "/dev/full", chunkSize: 16))
        writer.append(String(repeating: "x", count: 100))
        #expect(writer.close() == ENOSPC)
    }
}
