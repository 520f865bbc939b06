import Foundation
import Scheduling
import SchedulingStore
import Testing

@testable import TerminalUI

/// The trainer's tools in the UI: the clock, roles, stories, reset, recording and asciicasts.
@Suite("Training sandbox: clock, roles, stories, reset, record and cast")
struct TrainingTests {
    /// David Kim's appointment starts exactly 12 hours after the sandbox's start.
    static let twelveHours = "EAC2414052317"

    func open(_ p: inout Program, _ receipt: String) throws {
        p.send(.training(.command(.open(try ReceiptNumber(parsing: receipt)))))
    }

    @Test("R3a The trainer panel's clock keys move the clock; the verdict on screen follows at once")
    func clockKeys() throws {
        var box = try DemoSandboxFixture.sandbox(Actor(role: .applicant, id: "david.kim"))
        defer { box.remove() }
        try open(&box.program, Self.twelveHours)
        #expect(box.program.state.verdict?.codes == [.within12Hours])
        #expect(box.program.render().text.contains("Training clock, at start"))
        box.program.press(.ctrl("t"))
        #expect(box.program.state.focusContext == .trainer)
        #expect(box.program.render().text.contains("Trainer (Esc closes)"))
        #expect(box.program.render().text.contains("13 h before appt"))
        box.program.press(.char("-")) // an hour back: 13 hours remain
        #expect(box.clock.now() == DemoSandboxFixture.start.addingTimeInterval(-3600))
        #expect(box.program.state.now == box.clock.now())
        #expect(box.program.state.verdict?.decision == .allowed)
        #expect(box.program.render().text.contains("✔ ALLOWED"))
        box.program.press(.char("+"), .char("+")) // an hour past the start: 11 hours remain
        #expect(box.program.state.verdict?.codes == [.within12Hours])
        box.program.press(.char(">")) // a day later: passed
        #expect(box.program.state.verdict?.codes.contains(.appointmentPassed) == true)
        #expect(box.program.state.flags.contains(.abandonmentRisk))
        box.program.press(.char("<"), .char("1")) // 13 hours before the appointment
        let start = try #require(box.program.state.snapshot?.appointment.start)
        #expect(box.clock.now() == start.addingTimeInterval(-13 * 3600))
        #expect(box.program.render().text.contains("Appointment in 13 h"))
        box.program.press(.char("2"))
        #expect(box.clock.now() == start.addingTimeInterval(-11 * 3600))
        box.program.press(.char("3"))
        #expect(box.clock.now() == start.addingTimeInterval(60))
        #expect(box.program.render().text.contains("Appointment started 1 m ago"))
        box.program.press(.char("0"))
        #expect(box.clock.now() == DemoSandboxFixture.start)
        box.program.press(.escape)
        #expect(box.program.state.training?.panel == nil)
        #expect(box.program.state.focusContext == .refusal, "at the start she is within 12 hours: told so, no calendar")
        box.program.press(.ctrl("t"), .char("1"), .escape) // 13 hours before: the calendar is back
        #expect(box.program.state.focusContext == .calendar)
    }

    @Test("R14 A booking made after the clock moved is checked at the moved time by the store")
    func storeSeesMovedClock() throws {
        var box = try DemoSandboxFixture.sandbox(Actor(role: .applicant, id: "maria.garcia"))
        defer { box.remove() }
        try open(&box.program, "IOE0923456781")
        // A time a week later, medical, email, confirm.
        box.program.press(.char("t"), .down, .enter, .enter, .enter, .enter, .tab, .enter)
        #expect(box.program.state.phase == .confirm)
        #expect(box.program.state.verdict?.decision == .allowed)
        // The clock object moves to 11 hours before the appointment; the screen has not been told.
        let start = try #require(box.program.state.snapshot?.appointment.start)
        box.clock.set(start.addingTimeInterval(-11 * 3600))
        box.program.press(.enter)
        #expect(box.program.state.outcome.answer?.result == .refused)
        #expect(box.program.state.outcome.answer?.verdict.codes == [.within12Hours])
    }

    @Test("R5 The role switcher shows the same case from each side, skipping a role the case has not")
    func roles() throws {
        var box = try DemoSandboxFixture.sandbox()
        defer { box.remove() }
        try open(&box.program, Self.twelveHours)
        #expect(box.program.state.verdict?.decision == .allowed) // an agent, within 12 hours (R7)
        box.program.press(.ctrl("t"), .char("r")) // → officer
        #expect(box.program.state.config.actor == Actor(role: .officer, id: "trainer"))
        box.program.press(.char("r")) // → applicant: the case's own account
        #expect(box.program.state.config.actor == Actor(role: .applicant, id: "david.kim"))
        #expect(box.program.state.verdict?.codes == [.within12Hours])
        #expect(box.program.render().text.contains("as applicant, online"))
        box.program.press(.char("r")) // no representative: skipped → agent
        #expect(box.program.state.config.actor.role == .agent)
        #expect(box.program.state.messages.contains { $0.text.contains("Skipped representative") })
        #expect(box.program.state.phase == .picking)
        // The attorney's client: every role exists.
        try open(&box.program, "LIN2509876543")
        box.program.send(.training(.command(.role(.representative, account: nil))))
        #expect(box.program.state.config.actor == Actor(role: .representative, id: "attorney.lee"))
        #expect(box.program.state.snapshot?.caseFile.receipt.value == "LIN2509876543")
        #expect(box.program.render().text.contains("as representative, online"))
        // Someone else's account is refused and nothing about the case stays on screen (R5).
        box.program.send(.training(.command(.role(.applicant, account: "maria.garcia"))))
        #expect(box.program.state.snapshot == nil)
        #expect(box.program.state.phase == .caseList)
        #expect(!box.program.render().text.contains("LIN2509876543 I-485"))
    }

    @Test("The story list shows each story's description and opens it as the story's person")
    func stories() throws {
        var box = try DemoSandboxFixture.sandbox()
        defer { box.remove() }
        box.program.press(.ctrl("t"), .char("s"))
        #expect(box.program.state.focusContext == .stories)
        var screen = box.program.render().text
        #expect(screen.contains("Training stories"))
        #expect(screen.contains("Eligible online (María García)"))
        #expect(screen.contains("IOE0923456781, opens as applicant maria.garcia"))
        box.program.press(.down)
        screen = box.program.render().text
        #expect(screen.contains("EAC2414052317, opens as applicant david.kim"))
        #expect(screen.contains("R3a"))
        box.program.press(.enter)
        #expect(box.program.state.training?.panel == nil)
        #expect(box.program.state.config.actor == Actor(role: .applicant, id: "david.kim"))
        #expect(box.program.state.snapshot?.caseFile.receipt.value == Self.twelveHours)
        #expect(box.program.state.verdict?.codes == [.within12Hours])
        // A click on a row selects it; a second click opens it.
        box.program.press(.ctrl("t"), .char("s"))
        let row = try #require(box.program.render().hotspots.last { $0.target == .listRow(3) })
        box.program.click(at: Point(row: row.rect.row, column: row.rect.column + 2))
        #expect(box.program.state.training?.storyIndex == 3)
        box.program.click(at: Point(row: row.rect.row, column: row.rect.column + 2))
        #expect(box.program.state.snapshot?.caseFile.receipt.value == DemoSandboxFixture.stories[3].receipt)
    }

    @Test("Reset puts the store, the clock and the session back to their first state")
    func reset() throws {
        var box = try DemoSandboxFixture.sandbox()
        defer { box.remove() }
        try open(&box.program, "IOE0923456781")
        box.program.press(.char("t"), .enter, .enter, .enter)
        box.program.type("hospital")
        box.program.press(.tab, .tab, .enter, .enter)
        #expect(box.program.state.outcome.answer?.result == .booked)
        #expect(try box.store.caseSnapshot(ReceiptNumber(parsing: "IOE0923456781"), for: Actor(role: .agent, id: "x")).appointment.priorReschedules == 1)
        box.program.press(.ctrl("t"), .char("+"), .char("r"), .char("R"))
        #expect(box.clock.now() == DemoSandboxFixture.start)
        #expect(box.program.state.now == DemoSandboxFixture.start)
        #expect(box.program.state.config.actor == Actor(role: .agent, id: "trainer"))
        #expect(box.program.state.phase == .findCase)
        #expect(box.program.state.snapshot == nil)
        #expect(box.program.state.messages.map(\.text) == ["Sandbox reset: the store and the clock are back to their first state."])
        #expect(try box.store.caseSnapshot(ReceiptNumber(parsing: "IOE0923456781"), for: Actor(role: .agent, id: "x")).appointment.priorReschedules == 0)
        // The same request id books again on the fresh store.
        try open(&box.program, "IOE0923456781")
        box.program.press(.char("t"), .enter, .enter, .enter)
        box.program.type("hospital")
        box.program.press(.tab, .tab, .enter, .enter)
        #expect(box.program.state.outcome.answer?.result == .booked)
        #expect(box.program.state.outcome.answer?.replayed == false)
    }

    @Test("The trainer's keys are shown in the hint bar and help only in a sandbox, and do nothing elsewhere")
    func onlyInSandbox() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var plain = try f.program(UIFixture.agent)
        #expect(!plain.render().text.contains("C-t"))
        plain.press(.ctrl("t"))
        #expect(plain.state.training == nil)
        #expect(plain.state.focusContext == .findCase)
        #expect(!Keymap.helpLines.contains { $0.label == "trainer" })
        #expect(Keymap.helpLines(training: true).contains { $0.keys == "C-t" && $0.label == "trainer" })
        #expect(Keymap.action(for: .char("1"), in: .trainer) == nil)
        #expect(Keymap.action(for: .char("1"), in: .trainer, training: true) == .clockBefore13)
        plain.send(.training(.command(.clock(.by(3600)))))
        #expect(plain.state.now == UIFixture.now)
        #expect(plain.state.messages.last?.text.contains("only in a training sandbox") == true)

        var box = try DemoSandboxFixture.sandbox()
        defer { box.remove() }
        #expect(box.program.render().text.contains("C-t trainer"))
        box.program.press(.char("?"))
        #expect(box.program.render().text.contains("trainer"))
    }

    // MARK: Recording

    @MainActor
    final class ScriptedDevice: TerminalDevice {
        var size: Size
        var inputs: [TerminalInput]
        var presented = 0
        init(size: Size, inputs: [TerminalInput]) {
            self.size = size
            self.inputs = inputs
        }
        func present(_ screen: Screen, theme: Theme) { presented += 1 }
        func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
            inputs.isEmpty ? .hangUp(reason: "script ended") : inputs.removeFirst()
        }
    }

    @Test("A recording made with --record plays back to the same final screen")
    @MainActor
    func recordThenPlay() throws {
        let size = Size(columns: 100, rows: 30)
        var recording = try DemoSandboxFixture.sandbox(size: size)
        defer { recording.remove() }
        // What a trainer does: picks a story from the list, moves the clock, switches role, books.
        var script: [TerminalInput] = [.key(.down), .key(.down), .key(.up), .key(.enter)] // David Kim's story
        script += [.key(.ctrl("t")), .key(.char("-")), .key(.char("-")), .key(.char("r")), .key(.char("r")), .key(.escape)]
        script += [.resize(Size(columns: 110, rows: 32)), .resize(size)]
        script += [.key(.char("t")), .key(.enter), .key(.enter), .key(.enter)]
        script += "Has surgery that morning".map { .key(.char($0)) }
        script += [.key(.tab), .key(.tab), .key(.enter)]
        script += [.key(.char("q")), .key(.char("y"))] // quit, confirmed
        let device = TrainingDevice(base: ScriptedDevice(size: size, inputs: script))
        recording.program.send(.training(.command(.showStories)))
        device.recorder = FlowRecorder(
            start: DemoSandboxFixture.start, seed: 1, size: size,
            actor: recording.program.state.config.actor, storiesOpen: true)
        let ended = TerminalLoop.run(&recording.program, device: device, theme: .builtInDefault, clock: recording.clock.closure)
        #expect(ended == "quit")
        var recorder = try #require(device.recorder)
        recorder.dropLast() // the key that quit
        let text = recorder.text()
        #expect(text.contains("start 2026-11-30T15:00:00Z\nseed 1\nsize 100x30\nrole agent\nstories\n"))
        #expect(text.contains("type \"Has surgery that morning\""))
        #expect(text.contains("key Down Down Up Enter C-t - - r r Esc\n"))
        #expect(text.contains("size 110x32\nsize 100x30"))
        let expected = try #require(device.screenBeforeLastInput)
        #expect(expected.text.contains("Quit?")) // the screen before `y`
        #expect(expected.text.contains("Confirm the new appointment"))

        let flow = try Flow.parse(text, name: "recorded")
        #expect(flow.start == DemoSandboxFixture.start && flow.seed == 1)
        var replay = try DemoSandboxFixture.sandbox(size: Size(columns: 80, rows: 24))
        defer { replay.remove() }
        let player = FlowPlayer.playAll(flow, on: &replay.program)
        #expect(player.failures.isEmpty)
        #expect(replay.program.render().golden == expected.golden)
        #expect(replay.clock.now() == recording.clock.now())
    }

    // MARK: Asciicast

    @Test("An asciicast is a v2 header and one JSON event per changed frame")
    func asciicast() throws {
        var box = try DemoSandboxFixture.sandbox(size: Size(columns: 80, rows: 24))
        defer { box.remove() }
        var writer = AsciicastWriter(size: Size(columns: 80, rows: 24), theme: .builtInDefault)
        let header = AsciicastWriter.header(size: Size(columns: 80, rows: 24), timestamp: DemoSandboxFixture.start, title: "demo \"1\"")
        let h = try #require(try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any])
        #expect(h["version"] as? Int == 2 && h["width"] as? Int == 80 && h["height"] as? Int == 24)
        #expect(h["title"] as? String == "demo \"1\"")
        var frames = writer.frame(box.program.render(), at: 0)
        #expect(frames.count == 1)
        #expect(writer.frame(box.program.render(), at: 0.5).isEmpty) // nothing changed
        box.program.type("IOE")
        frames += writer.frame(box.program.render(), at: 1)
        frames += writer.frame(Screen(size: Size(columns: 60, rows: 20)), at: 2)
        var output = ""
        for line in frames {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3)
            if event[1] as? String == "o" { output += event[2] as? String ?? "" }
        }
        #expect(frames.count == 4) // first, changed, resize + redraw
        #expect(frames[2].contains("\"r\", \"60x20\""))
        #expect(output.contains("\u{1b}[2J"))
        #expect(output.contains("TRAINING"))
        #expect(output.contains("\u{1b}[\(writer.sgr(.trainingBanner))m")) // the banner in its colors
        // The second frame redraws only the rows that changed (the typed field and the hint bar).
        let second = try #require(try JSONSerialization.jsonObject(with: Data(frames[1].utf8)) as? [Any])
        let redrawn = ((second[2] as? String) ?? "").components(separatedBy: ";1H").count - 1
        #expect(redrawn > 0 && redrawn < 24)
    }
}
