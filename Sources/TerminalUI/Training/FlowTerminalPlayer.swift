import Foundation
import Scheduling

/// A flow's caption as the terminal shows it, over the bottom of the screen.
public struct Caption: Sendable, Hashable {
    public var text: String
    public var title: String
    public var footer: String
    public var isError: Bool
    public init(text: String, title: String, footer: String, isError: Bool = false) {
        self.text = text
        self.title = title
        self.footer = footer
        self.isError = isError
    }

    /// Draws the caption in a box just above the hint bar, across the whole width.
    public func draw(on scr: inout Screen) {
        let size = scr.size
        guard size.columns >= 20, size.rows >= 8 else { return }
        let lines = Array(wrap(text, width: size.columns - 4).prefix(max(1, min(5, size.rows / 3))))
        let height = lines.count + 2
        let r = Rect(row: size.rows - 1 - height, column: 0, width: size.columns, height: height)
        scr.fill(r, style: .dialog)
        scr.box(r, title: title, style: .dialog, titleStyle: .dialogTitle)
        for (i, l) in lines.enumerated() {
            scr.put(l, row: r.row + 1 + i, column: 2, style: isError ? .statusError : .dialog, maxWidth: size.columns - 4)
        }
        if !footer.isEmpty, footer.displayWidth + 6 < size.columns {
            scr.put(" \(footer) ", row: r.row + height - 1, column: size.columns - footer.displayWidth - 4, style: .dialogTitle)
        }
    }
}

/// A terminal seen through the trainer's tools: captions drawn over each frame, every frame also
/// written to an asciicast, every input also given to a flow recorder.
@MainActor
public final class TrainingDevice: TerminalDevice {
    public let base: any TerminalDevice
    public var caption: Caption?
    /// Clears the caption at the next key (the note at the end of a flow).
    public var captionUntilKey = false
    public var cast: AsciicastFile?
    public var recorder: FlowRecorder?
    /// The last frame the program drew (without the caption).
    public private(set) var lastScreen: Screen?
    /// The frame shown before the last input: with `--record`, the screen a recording plays back to.
    public private(set) var screenBeforeLastInput: Screen?
    private var lastTheme: Theme?

    public init(base: any TerminalDevice) { self.base = base }

    public var size: Size { base.size }

    public var waker: (@Sendable () -> Void)? { base.waker }

    public func present(_ screen: Screen, theme: Theme) {
        lastScreen = screen
        lastTheme = theme
        var shown = screen
        caption?.draw(on: &shown)
        base.present(shown, theme: theme)
        cast?.frame(shown)
    }

    /// Draws the last frame again (the caption changed).
    public func redraw() {
        if let s = lastScreen, let t = lastTheme { present(s, theme: t) }
    }

    public func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        let shown = lastScreen
        guard let input = base.nextInput(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        screenBeforeLastInput = shown
        recorder?.record(input)
        if captionUntilKey, case .key = input {
            caption = nil
            captionUntilKey = false
        }
        return input
    }
}

/// Plays a flow in the terminal with its captions: step by step (Space for the next caption's
/// scene) or on its own (`auto`), at `speed` times the normal pace. Esc or q stops the flow and
/// leaves the program live.
@MainActor
public enum FlowTerminalPlayer {
    public struct Pace: Sendable {
        public var auto: Bool
        public var speed: Double
        public init(auto: Bool, speed: Double = 1) {
            self.auto = auto
            self.speed = max(0.01, speed)
        }
        /// A key press of a `key` step, a character of a `type` step, any other step.
        var key: Double { 0.4 / speed }
        var character: Double { 0.07 / speed }
        var step: Double { 0.7 / speed }
        func reading(_ text: String) -> Double { min(9, max(2.5, 1.5 + Double(text.count) * 0.05)) / speed }
    }

    public enum Ending: Sendable, Equatable { case finished, stopped(line: Int), hungUp(String) }

    enum Wake { case timeout, next, stop, hangUp(String) }

    /// Plays `flow` on `program`; returns the player (its captions and failures) and how it ended.
    public static func play(
        _ flow: Flow, program: inout Program, device: TrainingDevice, theme: Theme,
        clock: @Sendable () -> Date, pace: Pace
    ) -> (FlowPlayer, Ending) {
        var player = FlowPlayer(flow: flow)
        var auto = pace.auto
        let scenes = max(1, flow.captions.count)
        var scene = 0
        var captionText: String?
        var captionError = false

        func footer() -> String { program.state.t.playerFooter(auto: auto) }
        func showCaption() {
            guard let text = captionText else {
                device.caption = nil
                return
            }
            device.caption = Caption(text: text, title: "\(flow.name) · \(scene)/\(scenes)", footer: footer(), isError: captionError)
        }
        func present() {
            showCaption()
            device.present(program.render(), theme: theme)
        }

        /// Waits `seconds` (nil: until Space) while answering the player's keys.
        func idle(_ seconds: Double?) -> Wake {
            let deadline = seconds.map { Date().addingTimeInterval($0) }
            while true {
                var wait = 250
                if let deadline {
                    let left = deadline.timeIntervalSinceNow
                    if left <= 0 { return .timeout }
                    wait = max(1, min(250, Int(left * 1000)))
                }
                guard let input = device.nextInput(timeoutMilliseconds: wait) else { continue }
                switch input {
                case .key(.char(" ")), .key(.enter), .key(.right): return .next
                case .key(.char("a")), .key(.char("A")):
                    auto.toggle()
                    present()
                    if auto && seconds == nil { return .next }
                case .key(.escape), .key(.char("q")), .key(.ctrl("c")): return .stop
                case let .resize(size):
                    program.send(.resize(size))
                    present()
                case let .hangUp(reason): return .hangUp(reason)
                default: break
                }
            }
        }

        program.send(.resize(device.size))
        program.send(.tick(clock()))
        present()
        steps: while let step = player.next {
            var wake = Wake.timeout
            switch step.action {
            case let .caption(text):
                player.step(&program)
                scene += 1
                captionText = text
                captionError = false
                present()
                wake = idle(auto ? pace.reading(text) : nil)
            case .keys, .type:
                player.skip()
                let isType: Bool = if case .type = step.action { true } else { false }
                for k in step.action.inputKeys ?? [] {
                    program.send(.key(k))
                    present()
                    wake = idle(isType ? pace.character : pace.key)
                    if case .timeout = wake {} else if case .next = wake {} else { break }
                }
            case let .pause(seconds):
                player.skip()
                wake = idle(seconds / pace.speed)
            case let .wait(text, timeout):
                let deadline = Date().addingTimeInterval(timeout)
                while !FlowPlayer.shows(program.render(), text) && Date() < deadline {
                    if case .hangUp(let r) = idle(0.1) { return (player, .hungUp(r)) }
                    program.send(.tick(clock()))
                    present()
                }
                player.step(&program)
            case .expect:
                let before = player.failures.count
                player.step(&program)
                if player.failures.count > before, let f = player.failures.last {
                    captionText = "✖ Line \(f.line): \(f.message)"
                    captionError = true
                    present()
                    wake = idle(auto ? 4 / pace.speed + 1 : nil)
                }
            case .size:
                player.skip() // the terminal's own size stands
            default:
                player.step(&program)
                present()
                wake = idle(pace.step)
            }
            switch wake {
            case .stop:
                device.caption = Caption(
                    text: program.state.t.flowStopped(player.next?.line ?? step.line),
                    title: flow.name, footer: program.state.t.anyKeyClosesFooter)
                device.captionUntilKey = true
                device.present(program.render(), theme: theme)
                return (player, .stopped(line: step.line))
            case let .hangUp(reason):
                return (player, .hungUp(reason))
            case .timeout, .next:
                break
            }
            if program.state.quit { break steps }
        }
        let failed = player.failures.count
        let t = program.state.t
        let summary =
            failed == 0
            ? t.flowHeld(flow.name, player.expectationsChecked)
            : t.flowFailedSummary(flow.name, failed, player.expectationsChecked, player.failures[0].line)
        device.caption = Caption(text: summary, title: t.flowDoneTitle(flow.name), footer: t.anyKeyClosesFooter, isError: failed > 0)
        device.captionUntilKey = true
        device.present(program.render(), theme: theme)
        return (player, .finished)
    }
}
