import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `biosched-bench terminal`: the real `biosched tui` binary on a 120x40 pseudo-terminal, and
/// calcurse holding 5,000 appointments on the same terminal, measured the same way: launch to
/// first complete frame, bytes and key-to-last-byte time of calendar keys, anonymous resident
/// memory when idle. Prints figures; asserts nothing (README, "Terminal benchmark").
enum TerminalBenchmark {
    struct Options {
        var biosched: String?
        var calcurse: String?
        var withCalcurse = true
        var launches = 10
        var keys = 200
        var gapMS = 50
        var launchQuietMS = 200
        var idleMS = 1_000
        var columns = 120
        var rows = 40
        var appointments = 5_000
        var receipt = "IOE0923456781"
        var now = "2026-11-30T15:00:00Z"
        var cache = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("biosched-bench")
        var explain = false
        /// Also explain every key whose response is over this many bytes.
        var explainOver: Int?
        var marker = "quit"

        static let usage = """
            usage: biosched-bench terminal [--biosched PATH] [--calcurse PATH | --no-calcurse] [--launches N] [--keys N]
                                           [--gap MS] [--launch-quiet MS] [--appointments N] [--receipt R] [--marker TEXT]
                                           [--cache DIR] [--explain] [--explain-over BYTES]
            """

        init(_ args: [String]) throws {
            var options = OptionReader(args, usage: Self.usage)
            func value() throws -> String { try options.value() }
            func number() throws -> Int { try options.number() }
            while let option = options.current {
                switch option {
                case "--biosched": biosched = try value()
                case "--calcurse": calcurse = try value()
                case "--no-calcurse": withCalcurse = false
                case "--launches": launches = try number()
                case "--keys": keys = try number()
                case "--gap": gapMS = try number()
                case "--launch-quiet": launchQuietMS = try number()
                case "--appointments": appointments = try number()
                case "--receipt": receipt = try value()
                case "--cache": cache = URL(fileURLWithPath: try value())
                case "--explain": explain = true
                case "--explain-over": explainOver = try number()
                case "--marker": marker = try value()
                default: throw options.unknown()
                }
                options.advance()
            }
        }
    }

    // MARK: keys

    enum Key: Equatable {
        case right, left, up, down, pageUp, pageDown, text(String), control(Character)

        /// What xterm sends for the key: cursor keys follow DECCKM (ESC O x once the program asked
        /// for application cursor keys, as curses programs do with keypad(), else ESC [ x).
        func bytes(applicationCursorKeys app: Bool) -> [UInt8] {
            let p = app ? "\u{1B}O" : "\u{1B}["
            switch self {
            case .right: return Array((p + "C").utf8)
            case .left: return Array((p + "D").utf8)
            case .up: return Array((p + "A").utf8)
            case .down: return Array((p + "B").utf8)
            case .pageUp: return Array("\u{1B}[5~".utf8)
            case .pageDown: return Array("\u{1B}[6~".utf8)
            case let .text(s): return Array(s.utf8)
            case let .control(c): return [c.asciiValue! & 0x1F]
            }
        }

        var name: String {
            switch self {
            case .right: "Right"
            case .left: "Left"
            case .up: "Up"
            case .down: "Down"
            case .pageUp: "PgUp"
            case .pageDown: "PgDn"
            case let .text(s): "'\(s)'"
            case let .control(c): "^\(c.uppercased())"
            }
        }
    }

    /// One kind of calendar move: `forward` is measured `run` times in a row, then `reset` (sent
    /// the same way, not measured) goes back to the starting day, until `keys` are measured.
    struct Move {
        let label: String
        let forward: Key
        let run: Int
        let reset: Key
    }

    struct Subject {
        let name: String
        let executable: String
        let arguments: [String]
        /// Text on the bottom row once the first frame is complete.
        let marker: String
        /// Called before every launch (a fresh data directory).
        let prepare: () throws -> Void
        /// From the first frame to the calendar, with the day at the start of the runs selected.
        let enterCalendar: (Session) throws -> Void
        let moves: [Move]
    }

    // MARK: one session on a pty

    struct KeySample {
        var bytes = 0
        var latencyNS: UInt64 = 0
        var firstByteNS: UInt64 = 0
        var changedCells = 0
        var writtenCells = 0
        var changed = false
        var kinds = [Int](repeating: 0, count: VTScreen.Kind.allCases.count)
        var rowBytes: [Int] = []
        /// read() calls that returned the response (about the program's write() calls).
        var reads = 0
        /// Bytes that came after the quiet gap (found just before the next key).
        var late = 0
    }

    final class Session {
        let pty: PtyProcess
        var screen: VTScreen
        let options: Options

        init(_ subject: Subject, options: Options, environment: [String: String]) throws {
            self.options = options
            screen = VTScreen(columns: options.columns, rows: options.rows)
            pty = try PtyProcess(
                executable: subject.executable, arguments: subject.arguments, environment: environment,
                columns: options.columns, rows: options.rows)
        }

        private func take(_ bytes: ArraySlice<UInt8>, at: UInt64) {
            screen.feed(bytes)
            if !screen.replies.isEmpty {
                pty.write(screen.replies)
                screen.replies = []
            }
        }

        /// Reads until `quietMS` pass with no byte (waiting up to `firstByteMS` for the first one).
        /// Returns the bytes read and the time of the last one.
        @discardableResult
        func readUntilQuiet(quietMS: Int, firstByteMS: Int = 0, limitMS: Int = 10_000) throws -> (bytes: Int, first: UInt64?, last: UInt64?, reads: Int) {
            let start = monotonicNS()
            var total = 0
            var reads = 0
            var first: UInt64?
            var last: UInt64?
            while true {
                let wait = UInt64(last == nil ? max(quietMS, firstByteMS) : quietMS) * 1_000_000
                let from = last ?? start
                let now = monotonicNS()
                let left = from + wait > now ? from + wait - now : 0
                guard let chunk = pty.read(timeoutNS: left) else { return (total, first, last, reads) }
                if chunk.bytes.isEmpty {
                    throw BenchFailure("the terminal closed (the program ended?); screen:\n\(screen.screenText)")
                }
                take(chunk.bytes, at: chunk.at)
                total += chunk.bytes.count
                reads += 1
                if first == nil { first = chunk.at }
                last = chunk.at
                if chunk.at - start > UInt64(limitMS) * 1_000_000 {
                    throw BenchFailure("output did not go quiet for \(quietMS) ms within \(limitMS) ms")
                }
            }
        }

        /// Launch to first complete frame: reads until the bottom row shows `marker`, then until
        /// `quietMS` pass with no byte. Returns (time of the last byte before that quiet gap −
        /// spawn time, bytes).
        func firstFrame(marker: String, quietMS: Int) throws -> (ns: UInt64, bytes: Int) {
            let deadline = pty.spawnedAt + 10_000_000_000
            var complete = false
            var total = 0
            var last: UInt64 = pty.spawnedAt
            while true {
                let now = monotonicNS()
                let wait: UInt64 =
                    complete
                    ? (last + UInt64(quietMS) * 1_000_000 > now ? last + UInt64(quietMS) * 1_000_000 - now : 0)
                    : (deadline > now ? deadline - now : 0)
                guard let chunk = pty.read(timeoutNS: wait) else {
                    if complete { return (last - pty.spawnedAt, total) }
                    throw BenchFailure("no complete first frame (\"\(marker)\" on the bottom row) within 10 s; screen:\n\(screen.screenText)")
                }
                if chunk.bytes.isEmpty {
                    throw BenchFailure("the terminal closed before the first frame; screen:\n\(screen.screenText)")
                }
                take(chunk.bytes, at: chunk.at)
                total += chunk.bytes.count
                last = chunk.at
                if !complete && screen.text(row: screen.rows - 1).contains(marker) { complete = true }
            }
        }

        /// Sends one key and measures its response: bytes until `gapMS` pass with no byte, and the
        /// time from just before write() to the read() that returned the last byte.
        func press(_ key: Key) throws -> KeySample {
            var sample = KeySample()
            let before = screen.cells
            screen.resetCounters()
            let at = pty.write(key.bytes(applicationCursorKeys: screen.applicationCursorKeys))
            let r = try readUntilQuiet(quietMS: options.gapMS, firstByteMS: 2_000)
            sample.bytes = r.bytes
            sample.reads = r.reads
            if let last = r.last, let first = r.first {
                sample.latencyNS = last - at
                sample.firstByteNS = first - at
            }
            sample.kinds = screen.bytesByKind
            sample.rowBytes = screen.bytesByRow
            sample.writtenCells = screen.written.lazy.filter { $0 }.count
            var changed = 0
            for (a, b) in zip(before, screen.cells) where a != b { changed += 1 }
            sample.changedCells = changed
            sample.changed = changed > 0
            return sample
        }

        /// Bytes that arrived since the last read (none expected): read without waiting.
        func lateBytes() throws -> Int {
            var n = 0
            while let chunk = pty.read(timeoutNS: 0) {
                if chunk.bytes.isEmpty { throw BenchFailure("the terminal closed (the program ended?)") }
                take(chunk.bytes, at: chunk.at)
                n += chunk.bytes.count
            }
            return n
        }

        /// Waits until the program has written nothing for `idleMS`, then reads smaps_rollup.
        func idleMemory(idleMS: Int) throws -> [String: Int] {
            try readUntilQuiet(quietMS: idleMS, limitMS: 20_000)
            return pty.memory()
        }

        func stop() { pty.stop { [self] bytes in screen.feed(bytes) } }

        /// CPU time of all the program's threads so far (ns), from /proc/PID/task/*/schedstat.
        func cpuNS() -> UInt64 {
            let dir = "/proc/\(pty.pid)/task"
            guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return 0 }
            var total: UInt64 = 0
            for t in tasks {
                guard let text = try? String(contentsOfFile: "\(dir)/\(t)/schedstat", encoding: .utf8),
                    let first = text.split(separator: " ").first, let v = UInt64(first)
                else { continue }
                total += v
            }
            return total
        }
    }

    // MARK: results

    struct MoveResult {
        let move: Move
        var samples: [KeySample] = []
        var unchanged = 0
        var lateKeys = 0
        var lateBytes = 0
        var seconds = 0.0
        /// The program's CPU time per key sent (measured and reset keys alike).
        var cpuPerKeyNS: UInt64 = 0

        func bytes(_ p: Double) -> Int { Int(percentile(samples.map { UInt64($0.bytes) }, p)) }
        var maxBytes: Int { samples.map(\.bytes).max() ?? 0 }
        func latency(_ p: Double) -> Double { ms(percentile(samples.map(\.latencyNS), p)) }
        func firstByte(_ p: Double) -> Double { ms(percentile(samples.map(\.firstByteNS), p)) }
        func changed(_ p: Double) -> Int { Int(percentile(samples.map { UInt64($0.changedCells) }, p)) }
        func written(_ p: Double) -> Int { Int(percentile(samples.map { UInt64($0.writtenCells) }, p)) }
        func reads(_ p: Double) -> Int { Int(percentile(samples.map { UInt64($0.reads) }, p)) }
    }

    struct SubjectResult {
        let name: String
        var launchNS: [UInt64] = []
        var launchBytes: [Int] = []
        var memoryAtStart: [String: Int] = [:]
        var memoryAfterKeys: [String: Int] = [:]
        var moves: [MoveResult] = []
        var exampleScreens: [String] = []

        var firstFrameMS: Double { ms(percentile(launchNS, 50)) }
    }

    // MARK: run

    static func run(_ args: [String]) throws {
        let o = try Options(args)
        setlocale(LC_CTYPE, "C.UTF-8")
        let started = monotonicNS()
        let loadBefore = loadAverage()
        let work = o.cache.appendingPathComponent("terminal-run-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let home = work.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "TMPDIR": work.path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
            "XDG_DATA_HOME": home.appendingPathComponent(".local/share").path
        ]
        if let user = ProcessInfo.processInfo.environment["USER"] { environment["USER"] = user }

        // biosched and its demo store.
        let biosched = try findBiosched(o)
        let store = try demoStore(biosched: biosched, o: o, work: work)
        let bioSubject = Subject(
            name: "biosched", executable: biosched,
            arguments: ["tui", "--db", store, "--now", o.now, "--as", "agent"],
            marker: o.marker,
            prepare: {},
            enterCalendar: { s in
                s.pty.write(Array((o.receipt + "\r").utf8))
                try s.readUntilQuiet(quietMS: 300, firstByteMS: 2_000)
                guard s.screen.text(row: s.screen.rows - 1).contains("PgUp/PgDn") else {
                    throw BenchFailure("biosched did not open the calendar for \(o.receipt); screen:\n\(s.screen.screenText)")
                }
            },
            moves: [
                // 't' (first free day) selects the first day of the booking window again, where the
                // calendar opened: 29 days forward stay in the window (Dec 1 to Dec 30).
                Move(label: "next day", forward: .right, run: 29, reset: .text("t")),
                Move(label: "next week", forward: .down, run: 4, reset: .text("t")),
                Move(label: "next month", forward: .pageDown, run: 1, reset: .text("t"))
            ])
        note("biosched: \(biosched) (built \(modified(biosched))), demo store \(store), --now \(o.now), receipt \(o.receipt)")

        var results: [SubjectResult] = []
        results.append(try measure(bioSubject, o: o, environment: environment))

        // calcurse with N appointments.
        var calcurseVersion = ""
        var calcurseNote = ""
        if o.withCalcurse {
            if let calcurse = findCalcurse(o) {
                calcurseVersion = versionLine(calcurse)
                let data = work.appendingPathComponent("calcurse-template")
                let (apts, first, last) = try writeCalcurseData(at: data, appointments: o.appointments)
                let launchDir = work.appendingPathComponent("calcurse")
                let subject = Subject(
                    name: "calcurse", executable: calcurse, arguments: ["-D", launchDir.path],
                    marker: "OtherCmd",
                    prepare: {
                        try? FileManager.default.removeItem(at: launchDir)
                        try FileManager.default.copyItem(at: data, to: launchDir)
                    },
                    enterCalendar: { s in
                        // calcurse starts with its calendar panel selected, on today.
                        guard s.screen.screenText.contains("l Right") else {
                            throw BenchFailure("calcurse's calendar panel is not selected; screen:\n\(s.screen.screenText)")
                        }
                    },
                    moves: [
                        // ^G goes to today, where calcurse opened.
                        Move(label: "next day", forward: .right, run: 29, reset: .control("g")),
                        Move(label: "next week", forward: .down, run: 4, reset: .control("g")),
                        Move(label: "next month", forward: .text("m"), run: 1, reset: .control("g"))
                    ])
                note("calcurse: \(calcurse) (\(calcurseVersion)), \(apts) appointments from \(first) to \(last)")
                results.append(try measure(subject, o: o, environment: environment))
            } else {
                calcurseNote = "calcurse is not installed and `apt-get install -y calcurse` did not install it: its columns are empty."
                note(calcurseNote)
            }
        }

        report(
            results, o: o, calcurseVersion: calcurseVersion, calcurseNote: calcurseNote,
            loads: (loadBefore, loadAverage()), seconds: Double(monotonicNS() - started) / 1e9)
    }

    static func measure(_ subject: Subject, o: Options, environment: [String: String]) throws -> SubjectResult {
        var result = SubjectResult(name: subject.name)
        note("\(subject.name): \(o.launches) launches to the first complete frame ...")
        for _ in 0..<o.launches {
            try subject.prepare()
            let s = try Session(subject, options: o, environment: environment)
            let f = try s.firstFrame(marker: subject.marker, quietMS: o.launchQuietMS)
            result.launchNS.append(f.ns)
            result.launchBytes.append(f.bytes)
            s.stop()
        }
        note("\(subject.name): launch times (ms): " + result.launchNS.map { fmt(ms($0), 1) }.joined(separator: " "))

        try subject.prepare()
        let s = try Session(subject, options: o, environment: environment)
        defer { s.stop() }
        _ = try s.firstFrame(marker: subject.marker, quietMS: o.launchQuietMS)
        result.memoryAtStart = try s.idleMemory(idleMS: o.idleMS)
        try subject.enterCalendar(s)
        if o.explain { result.exampleScreens.append("\(subject.name), calendar before the keys:\n" + s.screen.screenText) }

        for move in subject.moves {
            note("\(subject.name): \(o.keys) × \(move.forward.name) (\(move.label)), \(move.reset.name) back to the start every \(move.run) ...")
            var r = MoveResult(move: move)
            let t0 = monotonicNS()
            let cpu0 = s.cpuNS()
            var sentKeys = 0
            var explained = false
            // The sample of the key sent last; nil when that was a reset key.
            var lastMeasured: Int?
            func checkLate() throws {
                let late = try s.lateBytes()
                guard late > 0 else { return }
                r.lateBytes += late
                if let i = lastMeasured {
                    r.samples[i].late += late
                    r.lateKeys += 1
                }
            }
            while r.samples.count < o.keys {
                for _ in 0..<move.run where r.samples.count < o.keys {
                    try checkLate()
                    let beforeText = o.explain && !explained || o.explainOver != nil ? s.screen.screenText : ""
                    let sample = try s.press(move.forward)
                    sentKeys += 1
                    if !sample.changed { r.unchanged += 1 }
                    if o.explain && !explained || o.explainOver.map({ sample.bytes > $0 }) == true {
                        explained = true
                        result.exampleScreens.append(explainKey(subject.name, move, before: beforeText, after: s.screen.screenText, sample: sample))
                    }
                    r.samples.append(sample)
                    lastMeasured = r.samples.count - 1
                }
                try checkLate()
                _ = try s.press(move.reset)
                sentKeys += 1
                lastMeasured = nil
            }
            try checkLate()
            r.cpuPerKeyNS = (s.cpuNS() - cpu0) / UInt64(max(1, sentKeys))
            r.seconds = Double(monotonicNS() - t0) / 1e9
            result.moves.append(r)
        }
        result.memoryAfterKeys = try s.idleMemory(idleMS: o.idleMS)
        return result
    }

    static func explainKey(_ name: String, _ move: Move, before: String, after: String, sample: KeySample) -> String {
        let a = before.split(separator: "\n", omittingEmptySubsequences: false)
        let b = after.split(separator: "\n", omittingEmptySubsequences: false)
        var lines = [
            "\(name), first \(move.forward.name) (\(move.label)): \(sample.bytes) bytes, \(sample.changedCells) cells changed, \(sample.writtenCells) written; rows that changed (text only):"
        ]
        for i in 0..<min(a.count, b.count) where a[i] != b[i] {
            lines.append(String(format: "  %2d - ", i) + a[i])
            lines.append(String(format: "  %2d + ", i) + b[i])
        }
        let rows = sample.rowBytes.enumerated().filter { $0.element > 0 }.map { "\($0.offset):\($0.element)" }
        lines.append("  bytes by row: " + rows.joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    // MARK: report

    static func report(
        _ results: [SubjectResult], o: Options, calcurseVersion: String, calcurseNote: String,
        loads: (String, String), seconds: Double
    ) {
        let bio = results[0]
        let cal = results.count > 1 ? results[1] : nil
        func ratio(_ a: Double, _ b: Double?) -> String {
            guard let b, b > 0 else { return "" }
            return fmt(a / b, 2) + "×"
        }
        func met(_ ok: Bool?) -> String { ok.map { $0 ? "yes" : "no" } ?? "" }
        var rows: [[String]] = [["metric", "biosched", "calcurse", "ratio", "target", "met?"]]
        let calFirst = cal?.firstFrameMS
        rows.append([
            "first complete frame, median of \(o.launches) launches (ms)", fmt(bio.firstFrameMS, 1),
            calFirst.map { fmt($0, 1) } ?? "", ratio(bio.firstFrameMS, calFirst), "≤ 0.2× calcurse",
            met(calFirst.map { bio.firstFrameMS <= 0.2 * $0 })
        ])
        rows.append([
            "first frame bytes (median)", "\(Int(percentile(bio.launchBytes.map { UInt64($0) }, 50)))",
            cal.map { "\(Int(percentile($0.launchBytes.map { UInt64($0) }, 50)))" } ?? "",
            ratio(Double(percentile(bio.launchBytes.map { UInt64($0) }, 50)), cal.map { Double(percentile($0.launchBytes.map { UInt64($0) }, 50)) }),
            "—", ""
        ])
        for (i, m) in bio.moves.enumerated() {
            let c = cal?.moves[safe: i]
            let keys = "\(m.move.label) (\(m.move.forward.name)" + (c.map { $0.move.forward != m.move.forward ? " / \($0.move.forward.name)" : "" } ?? "") + ")"
            rows.append([
                "\(keys): bytes per key, median", "\(m.bytes(50))", c.map { "\($0.bytes(50))" } ?? "",
                ratio(Double(m.bytes(50)), c.map { Double($0.bytes(50)) }), "≤ 300", met(m.bytes(50) <= 300)
            ])
            rows.append([
                "\(keys): bytes per key, p99 / max", "\(m.bytes(99)) / \(m.maxBytes)",
                c.map { "\($0.bytes(99)) / \($0.maxBytes)" } ?? "", ratio(Double(m.maxBytes), c.map { Double($0.maxBytes) }),
                "≤ 300", met(m.maxBytes <= 300)
            ])
            rows.append([
                "\(keys): key to last byte, median (ms)", fmt(m.latency(50)), c.map { fmt($0.latency(50)) } ?? "",
                ratio(m.latency(50), c?.latency(50)), "≤ 2 ms", met(m.latency(50) <= 2)
            ])
            rows.append([
                "\(keys): key to last byte, p99 (ms)", fmt(m.latency(99)), c.map { fmt($0.latency(99)) } ?? "",
                ratio(m.latency(99), c?.latency(99)), "≤ 5 ms", met(m.latency(99) <= 5)
            ])
        }
        func anon(_ m: [String: Int]) -> Double { Double(m["Anonymous"] ?? 0) / 1024 }
        rows.append([
            "anonymous memory, idle after launch (MiB)", fmt(anon(bio.memoryAtStart), 1),
            cal.map { fmt(anon($0.memoryAtStart), 1) } ?? "", ratio(anon(bio.memoryAtStart), cal.map { anon($0.memoryAtStart) }),
            "≤ 8 MiB", met(anon(bio.memoryAtStart) <= 8)
        ])
        rows.append([
            "anonymous memory, idle in the calendar after the keys (MiB)", fmt(anon(bio.memoryAfterKeys), 1),
            cal.map { fmt(anon($0.memoryAfterKeys), 1) } ?? "", ratio(anon(bio.memoryAfterKeys), cal.map { anon($0.memoryAfterKeys) }),
            "≤ 8 MiB", met(anon(bio.memoryAfterKeys) <= 8)
        ])

        print("")
        print(
            "Terminal benchmark: \(o.columns)x\(o.rows) pty, TERM=xterm-256color, LANG=C.UTF-8; \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loads.0) before, \(loads.1) after"
        )
        print(
            "biosched: tui --as agent on the demo store, --now \(o.now), calendar of \(o.receipt). "
                + (cal != nil ? "calcurse: \(calcurseVersion), \(o.appointments) appointments, calendar panel, today." : calcurseNote))
        print(table(rows))
        print("")
        print(
            "Definitions: first complete frame = from just before posix_spawn to the read() that returned the last byte before \(o.launchQuietMS) ms with no output, counted once the bottom row shows the hint/status bar (the quiet period itself is not counted). Key to last byte = from just before write() of the key to the read() that returned the last byte of the response, the response ending at the first \(o.gapMS) ms with no output (first byte awaited up to 2 s). Each move key is measured \(o.keys) times in runs from the day the calendar opened on (biosched: 29 days, 4 weeks or 1 month forward within the 30-day booking window, then 't' back to its first day; calcurse: the same runs from today, then ^G), the key to go back sent and awaited the same way but not measured. Anonymous memory = `Anonymous:` of /proc/PID/smaps_rollup (resident anonymous pages: heap, stacks, anonymous mmaps; file-backed pages, shareable between sessions, excluded) after \(o.idleMS) ms with no output."
        )
        print("")
        var detail: [[String]] = [
            [
                "", "key", "keys", "screen unchanged", "late bytes (keys)", "cells changed p50", "cells written p50",
                "reads p50", "first byte p50 (ms)", "CPU per key (ms)", "bytes: text / SGR / motion / erase / scroll / other",
                "rows with most bytes (share)"
            ]
        ]
        for r in results {
            for m in r.moves {
                var kinds = [Int](repeating: 0, count: VTScreen.Kind.allCases.count)
                var perRow = [Int](repeating: 0, count: o.rows)
                for s in m.samples {
                    for (i, k) in s.kinds.enumerated() { kinds[i] += k }
                    for (i, b) in s.rowBytes.enumerated() where i < perRow.count { perRow[i] += b }
                }
                let total = max(1, kinds.reduce(0, +))
                let shares = kinds.map { "\(Int((Double($0) * 100 / Double(total)).rounded()))%" }.joined(separator: " / ")
                let topRows = perRow.enumerated().sorted { $0.element > $1.element }.prefix(4).filter { $0.element > 0 }
                    .map { "\($0.offset) (\(Int((Double($0.element) * 100 / Double(total)).rounded()))%)" }.joined(separator: ", ")
                detail.append([
                    r.name, "\(m.move.label) \(m.move.forward.name)", "\(m.samples.count)", "\(m.unchanged)",
                    "\(m.lateBytes) (\(m.lateKeys))", "\(m.changed(50))", "\(m.written(50))", "\(m.reads(50))",
                    fmt(m.firstByte(50)), fmt(ms(m.cpuPerKeyNS)), shares, topRows
                ])
            }
        }
        print(table(detail))
        print("")
        for r in results {
            func mib(_ m: [String: Int], _ k: String) -> String { fmt(Double(m[k] ?? 0) / 1024, 1) }
            let m = r.memoryAfterKeys
            let priv = Double((m["Private_Clean"] ?? 0) + (m["Private_Dirty"] ?? 0)) / 1024
            print(
                "\(r.name) memory after the keys (MiB): Rss \(mib(m, "Rss")), Pss \(mib(m, "Pss")), Private_Clean+Private_Dirty \(fmt(priv, 1)), Private_Dirty \(mib(m, "Private_Dirty")), Anonymous \(mib(m, "Anonymous")); launches (ms): "
                    + r.launchNS.map { fmt(ms($0), 1) }.joined(separator: " "))
        }
        if o.explain || o.explainOver != nil {
            for r in results {
                for e in r.exampleScreens {
                    print("")
                    print(e)
                }
            }
        }
        print("Total run \(fmt(seconds, 1)) s.")
    }

    // MARK: setting up

    static func findBiosched(_ o: Options) throws -> String {
        if let p = o.biosched {
            guard FileManager.default.isExecutableFile(atPath: p) else { throw BenchFailure("--biosched \(p): not an executable") }
            return p
        }
        let candidates = [
            URL(fileURLWithPath: executablePath()).deletingLastPathComponent().appendingPathComponent("biosched").path,
            FileManager.default.currentDirectoryPath + "/.build-bench/release/biosched",
            FileManager.default.currentDirectoryPath + "/.build/release/biosched"
        ]
        if let p = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return p }
        throw BenchFailure(
            "no biosched binary beside this one or in .build-bench/release or .build/release: build it with `swift build -c release --product biosched` (or pass --biosched PATH)"
        )
    }

    static func demoStore(biosched: String, o: Options, work: URL) throws -> String {
        let dir = o.cache.appendingPathComponent("terminal")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cached = dir.appendingPathComponent("demo.sqlite").path
        let copy = work.appendingPathComponent("demo.sqlite").path
        for attempt in 0..<2 {
            if attempt == 1 || !FileManager.default.fileExists(atPath: cached) {
                for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cached + s) }
                note("Creating the demo store \(cached) ...")
                let r = runProcess(biosched, ["init", "--demo", "--db", cached, "--now", o.now])
                guard r.status == 0 else { throw BenchFailure("biosched init --demo failed (\(r.status)): \(r.output)") }
            }
            for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + s) }
            try FileManager.default.copyItem(atPath: cached, toPath: copy)
            // The store must open with this binary and hold the receipt; else it is made again once.
            let check = runProcess(biosched, ["status", o.receipt, "--db", copy, "--now", o.now, "--as", "agent"])
            if check.status == 0 { return copy }
            if attempt == 1 { throw BenchFailure("biosched status \(o.receipt) on a new demo store failed (\(check.status)): \(check.output)") }
            note("The cached demo store does not work with this binary (\(check.status)); making it again.")
        }
        return copy
    }

    static func findCalcurse(_ o: Options) -> String? {
        if let p = o.calcurse { return FileManager.default.isExecutableFile(atPath: p) ? p : nil }
        func search() -> String? {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            return path.split(separator: ":").map { "\($0)/calcurse" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if let p = search() { return p }
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get") else { return nil }
        note("calcurse is missing: apt-get install -y calcurse ...")
        var r = runProcess("/usr/bin/apt-get", ["install", "-y", "calcurse"])
        if r.status != 0 {
            _ = runProcess("/usr/bin/apt-get", ["update"])
            r = runProcess("/usr/bin/apt-get", ["install", "-y", "calcurse"])
        }
        if r.status != 0 { note("apt-get install -y calcurse failed (\(r.status)): \(r.output.suffix(500))") }
        return search()
    }

    /// calcurse's data directory: `apts` with N appointments, 40 a day from 60 days before today
    /// (so every day the keys reach holds some), each day at its own times (07:00 to 18:55, 5 to 60
    /// minutes) and with its own descriptions, drawn with a fixed seed; `conf` with calcurse's
    /// defaults but for the notify bar, turned off: its thread redraws the bar once a second (the
    /// clock; after a key, a cursor move), output that would land in some keys' responses.
    static func writeCalcurseData(at dir: URL, appointments: Int) throws -> (Int, String, String) {
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let today = calendar.startOfDay(for: Date())
        let start = calendar.date(byAdding: .day, value: -60, to: today)!
        var random = BenchRandom(seed: 7)
        var lines: [String] = []
        lines.reserveCapacity(appointments)
        var firstDay = "", lastDay = ""
        let centers = ["BOS", "NYC", "PHI", "ATL", "CHI", "DAL", "DEN", "PHX", "LAX", "SEA", "HNL"]
        let names = [
            "María García", "David Kim", "Amina Yusuf", "Jordan Lee", "Wei Zhang", "Olga Petrova", "Luis Fernández",
            "Fatima Khan", "John Smith", "Nguyen Van An", "Priya Patel", "Samuel Okafor"
        ]
        let perDay = 40
        var day = 0
        while lines.count < appointments {
            let date = calendar.date(byAdding: .day, value: day, to: start)!
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let d = String(format: "%02d/%02d/%04d", c.month!, c.day!, c.year!)
            let iso = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            if day == 0 { firstDay = iso }
            lastDay = iso
            let starts = (0..<min(perDay, appointments - lines.count)).map { _ in 7 * 60 + 5 * random.int(144) }.sorted()
            for minute in starts {
                let end = min(minute + 5 * (1 + random.int(12)), 23 * 60 + 59)
                let digits = String(random.int(10_000_000_000))
                let receipt = "IOE" + String(repeating: "0", count: 10 - digits.count) + digits
                lines.append(
                    "\(d) @ \(String(format: "%02d:%02d", minute / 60, minute % 60)) -> \(d) @ \(String(format: "%02d:%02d", end / 60, end % 60))"
                        + " |Biometrics \(receipt) \(random.pick(names)), \(random.pick(centers)) station \(1 + random.int(4))")
            }
            day += 1
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("apts"))
        try Data().write(to: dir.appendingPathComponent("todo"))
        try Data("appearance.notifybar=no\n".utf8).write(to: dir.appendingPathComponent("conf"))
        return (lines.count, firstDay, lastDay)
    }

    static func runProcess(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return (-1, "\(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func versionLine(_ executable: String) -> String {
        let r = runProcess(executable, ["--version"])
        return r.output.split(separator: "\n").first.map { String($0.split(separator: " -- ").first ?? $0) } ?? "version unknown"
    }

    static func modified(_ path: String) -> String {
        guard let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return "?" }
        return ISO8601DateFormatter().string(from: date)
    }

    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
