import Foundation
import Scheduling
import SchedulingStore
import Testing

@testable import TerminalUI

/// A training sandbox on the demo data, made once per test run (the import takes seconds) and
/// copied for each test, with a clock fixed at Mon 2026-11-30 10:00 EST.
enum DemoSandboxFixture {
    static let start = ISO8601DateFormatter().date(from: "2026-11-30T15:00:00Z")!
    static let staff = "trainer"

    /// The demo store's first state: one rollback-journal file, copied by every test.
    static let template: Result<String, any Error> = {
        let fm = FileManager.default
        // Templates of earlier runs whose process is gone.
        for name in (try? fm.contentsOfDirectory(atPath: fm.temporaryDirectory.path)) ?? [] where name.hasPrefix("biosched-flows-") {
            if let pid = Int32(name.dropFirst("biosched-flows-".count)), kill(pid, 0) != 0 {
                try? fm.removeItem(at: fm.temporaryDirectory.appendingPathComponent(name))
            }
        }
        let dir = fm.temporaryDirectory.appendingPathComponent("biosched-flows-\(getpid())")
        try? fm.removeItem(at: dir)
        try? fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let built = dir.appendingPathComponent("built.sqlite").path
        let template = dir.appendingPathComponent("demo.sqlite").path
        do {
            do {
                let store = try SQLiteBookingStore.create(path: built, training: true, createdBy: staff, now: start)
                _ = try store.importDocument(DemoData.document(seed: 1, now: start), actor: Actor(role: .officer, id: staff), now: start)
                try store.snapshot(to: template)
            }
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: built + suffix) }
            return .success(template)
        } catch {
            return .failure(error)
        }
    }()

    static let stories: [TrainingStory] = DemoData.stories(now: start).map {
        TrainingStory(receipt: $0.receipt, title: $0.title, description: $0.description, role: Role(rawValue: $0.role)!, account: $0.account)
    }

    /// A fresh copy of the sandbox and a program on it, acting first as `actor` (an agent).
    struct Sandbox {
        let dir: URL
        let store: SQLiteBookingStore
        let clock: TrainingClock
        var program: Program
        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    static func sandbox(_ actor: Actor = Actor(role: .agent, id: staff), size: Size = Size(columns: 100, rows: 30)) throws -> Sandbox {
        let template = try template.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-flow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("sandbox.sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: path)
        let store = try SQLiteBookingStore(path: path)
        let clock = TrainingClock(start: start)
        let config = AppConfig(actor: actor, isTraining: true, window: try store.storeInfo().window, sessionID: "demo", canWriteFiles: false)
        var program = Program.sandbox(
            store: store, config: config, clock: clock,
            settings: TrainingSettings(staffID: staff, firstActor: actor, start: start, stories: stories),
            size: size, writeFile: nil, resetStore: { try store.restore(from: template) })
        program.send(.tick(start))
        return Sandbox(dir: dir, store: store, clock: clock, program: program)
    }

    /// The package's shipped flows (Flows/*.flow at the package root).
    static let flowsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Flows")
    static var shippedFlows: [String] { FlowLibrary.flows(in: flowsFolder).map(\.lastPathComponent) }
}

@Suite("Flow files: the format, and every shipped flow played headless")
struct FlowFileTests {
    // MARK: The format

    @Test("Every step parses; comments and blank lines are skipped; line numbers are kept")
    func parsesEveryStep() throws {
        let flow = try Flow.parse(
            """
            # A comment
            start 2026-11-30T10:00:00-05:00
            seed 7

            clock 2026-12-01T09:00-05:00
            clock +1h
            clock -1d2h30m
            clock before 13h
            clock after 1m
            clock start
            role agent
            role applicant maria.garcia
            open ioe-09-234-56781
            stories
            reset
            caption "She says \\"hello\\""
            caption Unquoted caption text
            key Enter Down Tab C-t F1 Space q
            type "Caller is in hospital"
            pause 1.5
            pause 500ms
            wait "Booked" 3s
            wait Booked
            expect "✔ ALLOWED"
            expect not "REFUSED"
            size 100x30
            click 5 40
            """, name: "all")
        #expect(flow.start == ISO8601DateFormatter().date(from: "2026-11-30T15:00:00Z"))
        #expect(flow.seed == 7)
        #expect(flow.steps.first?.line == 5)
        let actions = flow.steps.map(\.action)
        #expect(actions[0] == .clock(.at(ISO8601DateFormatter().date(from: "2026-12-01T14:00:00Z")!)))
        #expect(actions[1] == .clock(.by(3600)))
        let back: TimeInterval = 86_400 + 2 * 3600 + 30 * 60
        #expect(actions[2] == .clock(.by(-back)))
        #expect(actions[3] == .clock(.appointment(-46_800)))
        #expect(actions[4] == .clock(.appointment(60)))
        #expect(actions[5] == .clock(.start))
        #expect(actions[6] == .role(.agent, account: nil))
        #expect(actions[7] == .role(.applicant, account: "maria.garcia"))
        #expect(actions[8] == .open(try ReceiptNumber(parsing: "IOE0923456781")))
        #expect(actions[9] == .stories && actions[10] == .reset)
        #expect(actions[11] == .caption("She says \"hello\""))
        #expect(actions[12] == .caption("Unquoted caption text"))
        #expect(actions[13] == .keys([.enter, .down, .tab, .ctrl("t"), .function(1), .char(" "), .char("q")]))
        #expect(actions[14] == .type("Caller is in hospital"))
        #expect(actions[15] == .pause(1.5) && actions[16] == .pause(0.5))
        #expect(actions[17] == .wait("Booked", timeout: 3) && actions[18] == .wait("Booked", timeout: 5))
        #expect(actions[19] == .expect("✔ ALLOWED", present: true) && actions[20] == .expect("REFUSED", present: false))
        #expect(actions[21] == .size(Size(columns: 100, rows: 30)))
        #expect(actions[22] == .click(Point(row: 5, column: 40)))
    }

    @Test(
        "Errors name the file, the line and what is wrong",
        arguments: [
            ("caption \"ok\"\nfly away", 2, "unknown step \"fly\""),
            ("\n\nkey Enter Sideways", 3, "unknown key \"Sideways\""),
            ("clock tomorrow", 1, "`clock` needs an instant"),
            ("clock +1x", 1, "`clock` needs"),
            ("clock before", 1, "`clock` needs"),
            ("role pilot", 1, "`role` needs one of applicant"),
            ("open EAC24", 1, "`open`:"),
            ("caption \"no end", 1, "no closing \""),
            ("expect \"a\" b", 1, "unexpected \"b\""),
            ("# c\npause -1", 2, "`pause` needs seconds"),
            ("wait \"x\" soon", 1, "not a time-out"),
            ("size 100", 1, "`size` needs COLUMNSxROWS"),
            ("click 5", 1, "`click` needs a row and a column"),
            ("stories now", 1, "takes nothing after it"),
            ("start 2026-11-30\n", 1, "`start` needs an ISO 8601"),
            ("seed 1\nseed 2", 2, "`seed` is given twice"),
            ("key", 1, "`key` needs one or more key names")
        ])
    func errors(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try Flow.parse(text, name: "bad", file: "bad.flow")
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("bad.flow:\(line): "))
        }
    }

    @Test("Text with quotes, backslashes and line breaks survives quoting")
    func quoting() throws {
        let text = "a \"quoted\" \\ path\nand a tab\t東京"
        let flow = try Flow.parse("type \(Flow.quote(text))", name: "q")
        #expect(flow.steps[0].action == .type(text))
    }

    @Test("At least six flows ship, each covering a published rule, each with captions and expectations")
    func shipped() throws {
        let names = DemoSandboxFixture.shippedFlows
        #expect(names.count >= 6, "\(names)")
        for required in [
            "online-allowed.flow", "online-refused-within-12-hours.flow", "online-refused-limit.flow",
            "online-refused-passed.flow", "agent-within-12-hours.flow", "untimely-escalated-approved.flow"
        ] {
            #expect(names.contains(required), "missing \(required)")
        }
        for name in names {
            let flow = try Flow.load(DemoSandboxFixture.flowsFolder.appendingPathComponent(name))
            #expect(!flow.captions.isEmpty, "\(name) has no caption")
            #expect(flow.expectations >= 3, "\(name) checks too little")
        }
    }

    // MARK: Every shipped flow, headless: its `expect` steps are the assertions

    @Test(
        "Shipped flow plays headless on a fresh sandbox and every expectation holds",
        arguments: DemoSandboxFixture.shippedFlows)
    func playsHeadless(_ name: String) throws {
        let flow = try Flow.load(DemoSandboxFixture.flowsFolder.appendingPathComponent(name))
        // At the size the flow declares, 80x24 when none (as `demo --check` plays it).
        var box = try DemoSandboxFixture.sandbox(size: flow.playSize)
        defer { box.remove() }
        #expect(box.program.state.size == flow.playSize)
        let player = FlowPlayer.playAll(flow, on: &box.program)
        #expect(
            player.expectationsChecked
                == flow.steps.filter {
                    switch $0.action {
                    case .expect, .wait: true
                    default: false
                    }
                }.count)
        for f in player.failures {
            Issue.record("\(name) \(f)\nScreen:\n\(f.screen)")
        }
        #expect(player.captions == flow.captions)
        #expect(!box.program.state.quit)
    }
}
