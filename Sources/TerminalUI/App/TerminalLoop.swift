import Foundation
import Scheduling

#if canImport(Glibc)
import Glibc
#endif

/// The full-screen loop over a terminal device.
@MainActor
public enum TerminalLoop {
    /// Where effects run: `inline` inside the loop (scripted devices, tests), `background` on an
    /// `EffectWorker` while the loop keeps reading keys and drawing (the real program).
    public enum Effects: Sendable { case inline, background }

    /// How often the loop looks for answers while an effect is in flight, on a device that has no
    /// waker (ms); a device with one is woken by the worker when an answer arrives.
    public static let answerPoll = 50
    /// How often the loop looks at a theme file that may be edited, where no file watch wakes it (ms).
    public static let themeWatch = 5000

    /// Runs until the person quits or the terminal hangs up. Returns why it ended.
    ///
    /// The loop sleeps in `nextInput` until a key, a resize, or the next thing that needs it: the
    /// next minute of the clock shown, the idle warning or time-out, a change of the theme file
    /// when the switcher watches it (`ThemeSwitcher.watches`: a file watch wakes the device;
    /// without one, a look every `themeWatch` ms), an answer of an effect in flight (the worker wakes
    /// the device; a device without a waker is polled every `answerPoll` ms); never
    /// longer than `tickMilliseconds`. A switcher that does not watch costs no thread, no inotify
    /// instance and no wake-up.
    ///
    /// Once a frame is presented with no effect in flight after a key, a click or an answer, the loop
    /// calls `giveBackMemory` (by default `giveBackFreeHeap`) before it sleeps: an idle session then
    /// holds no freed heap pages. The clock's tick does not call it.
    public static func run(
        _ program: inout Program, device: any TerminalDevice, theme: Theme,
        clock: @escaping @Sendable () -> Date, tickMilliseconds: Int = 60_000,
        idle: IdlePolicy? = nil, themes: ThemeSwitcher? = nil, effects: Effects = .inline,
        giveBackMemory: () -> Void = TerminalLoop.giveBackFreeHeap,
        onFrame: ((Screen) -> Void)? = nil
    ) -> String {
        if effects == .background { shareOneHeap() }
        let worker = effects == .background ? EffectWorker(runner: program.runner, wake: device.waker) : nil
        let answersWake = worker != nil && device.waker != nil
        defer { worker?.stop() }
        let wasDeferring = program.defersEffects
        program.defersEffects = worker != nil
        defer { program.defersEffects = wasDeferring }
        func send(_ event: Event) {
            program.send(event)
            for fx in program.takePending() { worker?.start(fx, actor: program.state.config.actor) }
        }
        for fx in program.takePending() { worker?.start(fx, actor: program.state.config.actor) }
        send(.resize(device.size))
        send(.tick(clock()))
        var lastInput = DispatchTime.now().uptimeNanoseconds
        var warned = false
        // Keys and clicks that came while a load was in flight: the screen they were meant for is
        // not drawn yet, so they wait for it (type-ahead). Writes do not hold keys: while a
        // booking waits for the store, help and quit still work.
        var held: [TerminalInput] = []
        // An edited theme file wakes the loop through the device (inotify) instead of a poll.
        let watch = themes?.watches == true ? device.waker.flatMap { FileWatch(changed: $0) } : nil
        // Something was handled (the start, a key, a click, an answer) since the heap was given back.
        var worked = true

        /// Handles one input; returns why the loop ends, if it does.
        func handle(_ input: TerminalInput) -> String? {
            switch input {
            case let .key(k):
                if let themes, Keymap.action(for: k, in: program.state.focusContext) == .cycleTheme {
                    themes.language = program.state.language
                    for n in themes.next() { send(.notice(n.level, n.text)) } // F2: the next theme
                } else {
                    send(.key(k))
                }
            case let .click(p):
                program.click(at: p)
                for fx in program.takePending() { worker?.start(fx, actor: program.state.config.actor) }
            case let .resize(size): send(.resize(size))
            case let .hangUp(reason): return reason
            }
            worked = true
            return nil
        }

        while true {
            watch?.watch(themes?.watchedFile)
            if watch?.takeChange() == true {
                themes?.language = program.state.language
                for n in themes?.poll(force: true) ?? [] { send(.notice(n.level, n.text)) } // an edited theme file
            }
            for answer in worker?.takeAnswers() ?? [] {
                send(answer)
                worked = true
            }
            while !held.isEmpty && !program.state.isLoading {
                if let end = handle(held.removeFirst()) { return end }
            }
            let screen = program.render()
            device.present(screen, theme: themes?.theme ?? theme)
            onFrame?(screen)
            if program.state.quit { return "quit" }
            if worked && worker?.isBusy != true && program.state.inFlight.isEmpty && held.isEmpty {
                giveBackMemory()
                worked = false
            }
            var wait = min(tickMilliseconds, millisecondsToNextMinute(clock()))
            if !answersWake && (worker?.isBusy == true || !program.state.inFlight.isEmpty) { wait = min(wait, answerPoll) }
            if themes?.watchedFile != nil && watch?.isWatching != true { wait = min(wait, themeWatch) }
            if let idle {
                let idleFor = TimeInterval(DispatchTime.now().uptimeNanoseconds - lastInput) / 1e9
                let next = warned ? idle.timeout : idle.timeout - idle.warning
                wait = min(wait, max(0, Int(((next - idleFor) * 1000).rounded(.up))))
                // While the warning shows it counts down: the loop wakes each second.
                if warned { wait = min(wait, max(1, 1000 - Int((idleFor * 1000).truncatingRemainder(dividingBy: 1000)))) }
            }
            guard let input = device.nextInput(timeoutMilliseconds: wait) else {
                send(.tick(clock()))
                if let themes, themes.watches {
                    themes.language = program.state.language
                    for n in themes.poll() { send(.notice(n.level, n.text)) } // an edited theme file
                }
                if let idle {
                    let idleFor = TimeInterval(DispatchTime.now().uptimeNanoseconds - lastInput) / 1e9
                    if idleFor >= idle.timeout { return program.state.t.idleEnded(Int(idle.timeout)) }
                    if !warned && idleFor >= idle.timeout - idle.warning {
                        warned = true
                        send(.notice(.warning, program.state.t.idleWarning(Int(idle.timeout - idleFor + 0.5))))
                    }
                    if warned {
                        let left = max(1, Int((idle.timeout - idleFor).rounded(.up)))
                        if program.state.idleSecondsLeft != left { send(.idle(secondsLeft: left)) }
                    }
                }
                continue
            }
            lastInput = DispatchTime.now().uptimeNanoseconds
            if warned {
                warned = false
                send(.idle(secondsLeft: nil))
                send(.notice(.info, program.state.t.stillHere))
            }
            switch input {
            case .key, .click:
                if program.state.isLoading || !held.isEmpty {
                    held.append(input)
                    continue
                }
            case .resize, .hangUp: break
            }
            if let end = handle(input) { return end }
        }
    }

    /// Gives the pages of freed heap memory back to the system (glibc's `malloc_trim`): what a
    /// session allocated to start, to open a case or to book, freed since, would otherwise stay
    /// resident for the rest of an idle session (about 0.17 MiB a session; docs/benchmarks.md,
    /// "Idle benchmark"). A few tens of microseconds, after the frame is on the terminal.
    nonisolated public static func giveBackFreeHeap() {
        #if canImport(Glibc)
        _ = mallocTrim?(0)
        giveBackStack()
        #endif
    }

    #if canImport(Glibc)
    /// The main thread's stack below where the loop now runs: pages a deep call (the first frame,
    /// opening a case) touched and nothing uses any more, given back to the system
    /// (`madvise(MADV_DONTNEED)`; read again they are zero pages, as stack below the pointer may
    /// be). 8 KiB under the current frame are kept for the calls and signal handlers to come.
    /// Only on the main thread's stack (`mainStack`), and only below where the loop runs.
    nonisolated static func giveBackStack() {
        guard let (bottom, top) = mainStack else { return }
        var here: UInt8 = 0
        let current = withUnsafeMutablePointer(to: &here) { UInt(bitPattern: $0) }
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        // On the main thread's stack only (a test may run the loop on a thread of its own).
        guard current < top, current > bottom + 8_192 + page else { return }
        let end = (current - 8_192) & ~(page - 1)
        _ = madvise(UnsafeMutableRawPointer(bitPattern: bottom), Int(end - bottom), MADV_DONTNEED)
    }

    /// The main thread's stack mapping (`[stack]` in /proc/self/maps, read once, at most 64 KiB of
    /// it): its lowest and highest address, or nil when it cannot be told.
    nonisolated private static let mainStack: (UInt, UInt)? = {
        guard let file = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 512)
        var read = 0
        while read < 65_536, fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            read += text.utf8.count
            guard text.hasSuffix("[stack]\n") else { continue }
            let range = text.prefix { $0 != " " }.split(separator: "-")
            guard range.count == 2, let low = UInt(range[0], radix: 16), let high = UInt(range[1], radix: 16) else { return nil }
            return (low, high)
        }
        return nil
    }()
    #endif

    /// Has every thread allocate from one heap (glibc's `mallopt(M_ARENA_MAX, 1)`): the effect
    /// worker would otherwise get an arena of its own, about 0.18 MiB resident for the rest of the
    /// session that `malloc_trim` does not give back (docs/benchmarks.md, "Idle benchmark"). Two
    /// threads, one of them mostly asleep, never contend for it.
    nonisolated static func shareOneHeap() {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-8, 1) // M_ARENA_MAX (malloc.h)
        #endif
    }

    #if canImport(Glibc)
    /// glibc's `malloc_trim` (not in Swift's Glibc module), looked up once; nil on another C library.
    nonisolated private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif

    /// From `now` to just past the next whole minute of the clock (the header shows minutes).
    static func millisecondsToNextMinute(_ now: Date) -> Int {
        let intoMinute = now.timeIntervalSince1970.truncatingRemainder(dividingBy: 60)
        return Int(((60 - intoMinute) * 1000).rounded(.up)) + 5
    }
}
