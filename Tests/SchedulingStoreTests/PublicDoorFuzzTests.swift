import Foundation
import Scheduling
import Testing

@testable import SchedulingStore

/// Issue 20: a bounded fuzz run of each parser a stranger reaches, with a fixed seed so a failure
/// replays: the enroll dialogue (bytes of any kind on standard input) and the key lookup's
/// arguments (the C fast path and biosched must answer alike). The counts are small enough for
/// every run of the suite; docs/testing.md gives the figures of a longer run.
@Suite("The public door, fuzzed for a bounded time (issue 20)", .serialized)
struct PublicDoorFuzzTests {
    /// SplitMix64: the same sequence for the same seed on every machine.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func bytes<G: RandomNumberGenerator>(_ n: Int, _ g: inout G) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("EAC2414052317\n".utf8), Array("AAAA-BBBB-CCCC\n".utf8), [0x1B, 0x5B, 0x32, 0x4A], [0xFF, 0xFE],
            [0xC3], Array("\r\n".utf8), [0], Array(String(repeating: "9", count: 90).utf8), Array("\n".utf8)
        ]
        var out: [UInt8] = []
        while out.count < n {
            if Bool.random(using: &g) { out += pieces.randomElement(using: &g)! } else { out.append(UInt8.random(in: 0...255, using: &g)) }
        }
        return out
    }

    @Test("The enroll dialogue: 40 random inputs each end by themselves, print no raw control character, and leave the store whole")
    func enrollDialogue() throws {
        let (f, _, env) = try EnrollInputTests.setUp()
        defer { f.remove() }
        var g = Seeded(state: 20)
        var statuses: [Int32: Int] = [:]
        for i in 0..<40 {
            let input = Self.bytes(Int.random(in: 0...600, using: &g), &g)
            let p = try Spawned.start(EnrollInputTests.enroll(f, ["--idle-timeout", "1", "--session-timeout", "3"]), env: env)
            _ = p.feed(input, total: input.count, limit: 10)
            let ended = p.waitExit(limit: 15)
            let r = p.finish(killAfter: 5)
            statuses[r.status, default: 0] += 1
            #expect(ended, "run \(i) ended by itself")
            #expect([0, 2].contains(r.status), "run \(i): exit \(r.status): \(r.text.suffix(300))")
            #expect(!TerminalSafeOutputTests.hasRawControl(r.text), "run \(i): \(r.text.debugDescription)")
        }
        print("enroll fuzz: 40 runs, exit statuses \(statuses.sorted { $0.key < $1.key })")
        #expect(try f.count("SELECT count(*) FROM enrollment_throttle") <= 4)
        #expect(try f.count("SELECT count(*) FROM ssh_keys") == 0, "no random input linked a key")
    }

    @Test("The key lookup's arguments: 120 mutated requests get the same answer from the C fast path and from biosched")
    func keyLookupArguments() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let maria = KeyRegistryTests.key(60), unknown = KeyRegistryTests.key(61)
        try f.store.addKey(maria, for: .account("maria", .applicant), how: "officer", by: StoreFixture.officer, now: StoreFixture.now)
        f.store.close()
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        var g = Seeded(state: 2020)
        func mutate(_ s: String) -> String {
            var u = Array(s.utf8)
            switch Int.random(in: 0..<6, using: &g) {
            case 0 where !u.isEmpty: u.remove(at: Int.random(in: 0..<u.count, using: &g))
            case 1: u.insert(UInt8.random(in: 1...255, using: &g), at: Int.random(in: 0...u.count, using: &g))
            case 2 where !u.isEmpty:
                u[Int.random(in: 0..<u.count, using: &g)] = [UInt8(ascii: "="), UInt8(ascii: "/"), UInt8(ascii: "'"), 0x1B, 0xC3].randomElement(using: &g)!
            case 3: u += Array(String(repeating: "A", count: Int.random(in: 1...300, using: &g)).utf8)
            case 4: u = Array(u.prefix(Int.random(in: 0...u.count, using: &g)))
            default: break
            }
            return String(decoding: u.filter { $0 != 0 }, as: UTF8.self)
        }
        var same = 0
        for i in 0..<120 {
            let key = Bool.random(using: &g) ? maria : unknown
            var args = ["--db", f.path, me, key.type, key.blob]
            if Bool.random(using: &g) { args.insert("--enroll", at: 0) }
            if Int.random(in: 0..<4, using: &g) == 0 { args.insert(contentsOf: ["--now", mutate("2026-06-15T09:00:00Z")], at: 0) }
            let which = Int.random(in: 2..<args.count, using: &g)
            args[which] = mutate(args[which])
            let c = try Binary.run(args, executable: Binary.sibling("biosched-authorized-keys"))
            let swift = try Binary.run(["access", "authorized-keys"] + args)
            #expect(
                c.stdout == swift.stdout && c.status == swift.status,
                "run \(i) \(args.map(\.debugDescription)): \(c.status) \(c.stdout.debugDescription) vs \(swift.status) \(swift.stdout.debugDescription)")
            if c.stdout == swift.stdout { same += 1 }
        }
        print("key lookup fuzz: 120 mutated requests, \(same) answered alike")
    }
}
