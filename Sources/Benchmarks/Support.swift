import Foundation
import SchedulingStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CLOCK_MONOTONIC in nanoseconds: one clock for every process of a run (the C program uses it too).
/// This process's CPU time so far, user and system (getrusage).
func processCPUNS() -> UInt64 {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    func ns(_ t: timeval) -> UInt64 { UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_usec) * 1_000 }
    return ns(u.ru_utime) + ns(u.ru_stime)
}

func monotonicNS() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// The benchmarks draw from the same deterministic generator as the demo data.
typealias BenchRandom = SplitMix64

/// Nearest-rank percentile of nanosecond samples (`p` in 0...100).
func percentile(_ samples: [UInt64], _ p: Double) -> UInt64 {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
}

func ms(_ ns: UInt64) -> Double { Double(ns) / 1_000_000 }

func fmt(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

/// Progress and diagnostics go to stderr; the table goes to stdout.
func note(_ s: String) { try? FileHandle.standardError.write(contentsOf: Data((s + "\n").utf8)) }

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// The path of this executable (to start workers of the same binary, and find `rawsqlite` beside it).
func executablePath() -> String {
    #if os(Linux)
    if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments[0]
}

/// A child process with a pipe on stdin and stdout. stderr is shared with ours.
final class Child {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    let label: String

    init(_ executable: String, _ arguments: [String], label: String) {
        self.label = label
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
    }

    func start() throws { try process.run() }

    /// Reads one line of stdout (byte by byte, so nothing after the newline is consumed).
    func readLine() -> String? {
        let fd = output.fileHandleForReading.fileDescriptor
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    /// Writes a line to its stdin and closes it.
    func send(_ line: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
        try? input.fileHandleForWriting.close()
    }

    /// The rest of stdout, after the process ended.
    func finish() throws -> String {
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchFailure("\(label) exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// What one reschedule worker (biosched or raw C) reports on its `RESULT` line.
struct WorkerResult {
    var booked = 0
    var other = 0
    var errors = 0
    var startNS: UInt64 = 0
    var endNS: UInt64 = 0
    /// The first reschedule of the process (cold caches), lock wait included.
    var firstNS: UInt64 = 0
    /// One per transaction, in order.
    var waits: [UInt64] = []
    /// Why the first reschedule that did not book did not (the `PROBLEM` line), if one did not.
    var problem: String?
    /// Round trips to the database, summed over the reschedules (0 where the store has none).
    var roundTrips = 0
    /// The process's CPU time (user and system) over the reschedules.
    var cpuNS: UInt64 = 0

    /// The `PROBLEM` line (when one did not book) and the `RESULT` line.
    var lines: String { (problem.map { "PROBLEM \($0)\n" } ?? "") + line }

    var line: String {
        "RESULT booked=\(booked) other=\(other) errors=\(errors) start_ns=\(startNS) end_ns=\(endNS) first_ns=\(firstNS) round_trips=\(roundTrips) cpu_ns=\(cpuNS) waits="
            + waits.map(String.init).joined(separator: ",")
    }

    init() {}

    init(parsing output: String, from label: String) throws {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }) else {
            throw BenchFailure("\(label) printed no RESULT line: \(output.prefix(300))")
        }
        if let p = output.split(separator: "\n").first(where: { $0.hasPrefix("PROBLEM ") }) { problem = String(p.dropFirst(8)) }
        for field in line.dropFirst(7).split(separator: " ") {
            let kv = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2 else { continue }
            let v = kv[1]
            switch kv[0] {
            case "booked": booked = Int(v) ?? -1
            case "other": other = Int(v) ?? -1
            case "errors": errors = Int(v) ?? -1
            case "start_ns": startNS = UInt64(v) ?? 0
            case "end_ns": endNS = UInt64(v) ?? 0
            case "first_ns": firstNS = UInt64(v) ?? 0
            case "round_trips": roundTrips = Int(v) ?? 0
            case "cpu_ns": cpuNS = UInt64(v) ?? 0
            case "waits": waits = v.split(separator: ",").compactMap { UInt64($0) }
            default: break
            }
        }
    }
}

/// A text table with aligned columns.
func table(_ rows: [[String]]) -> String {
    guard let header = rows.first else { return "" }
    var widths = header.map(\.count)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
    func line(_ r: [String]) -> String {
        "| " + r.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - c.count) }.joined(separator: " | ") + " |"
    }
    var out = [line(header), "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"]
    out += rows.dropFirst().map(line)
    return out.joined(separator: "\n")
}

/// Reads `--name value` options for a benchmark's `init(_ args:)`.
struct OptionReader {
    let args: [String]
    let usage: String
    private(set) var index = 0
    init(_ args: [String], usage: String) {
        self.args = args
        self.usage = usage
    }

    /// The option at hand, or nil at the end.
    var current: String? { index < args.count ? args[index] : nil }
    mutating func advance() { index += 1 }

    mutating func value() throws -> String {
        index += 1
        guard index < args.count else { throw BenchFailure("\(args[index - 1]) needs a value\n\(usage)") }
        return args[index]
    }

    mutating func number() throws -> Int {
        let v = try value()
        guard let n = Int(v), n > 0 else { throw BenchFailure("\(args[index - 1]) \(v): expected a positive number") }
        return n
    }

    func unknown() -> BenchFailure {
        BenchFailure(current == "-h" || current == "--help" ? usage : "unknown option \(current ?? "")\n\(usage)")
    }
}
