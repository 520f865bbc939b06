import CNcursesw
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the full-screen terminal could not start (no terminal, TERM unset or unknown).
public struct CursesTerminalError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// The terminal through ncursesw: the only code in biosched that knows about curses.
///
/// `present` draws a `Screen` with `FrameWriter` (terminfo's strings, only what changed); `nextInput` decodes keys,
/// clicks, resizes, the quit signals and a terminal that went away. Call `stop()` on every exit
/// path (it is idempotent); an atexit handler and a fatal-signal handler restore the terminal if
/// the program leaves without it.
@MainActor
public final class CursesTerminal: TerminalDevice {
    /// True from a successful `init` until `stop()`.
    public private(set) var isActive = false
    /// Whether the locale is UTF-8. Without it box lines use the terminal's line-drawing set and
    /// other non-ASCII characters an ASCII look-alike.
    public let isUnicode: Bool
    /// Whether the theme's colors are used (false without color support or with `NO_COLOR`):
    /// then the theme's monochrome attributes are.
    public var usesColor: Bool { depth != .none }

    /// What this session's terminal shows (`TERM` and its terminfo colors, `COLORTERM`,
    /// `NO_COLOR`): each color of a theme is drawn at this depth.
    public let depth: ColorDepth
    /// The terminfo entry in use: `TERM`, or its direct-color sibling under `COLORTERM=truecolor`.
    public let terminalName: String
    private let mouseEnabled: Bool
    private let defaultColorsAvailable: Bool
    private var needsErase = true
    /// Draws frames with terminfo's strings and keeps a copy of what the terminal shows: only
    /// cells that differ are drawn again, so a key costs bytes in proportion to what it changes.
    private var writer: FrameWriter
    private var cursorVisible: Bool?
    private var buttonDown = false
    private var failingSince: ContinuousClock.Instant?
    private var lastSize = Size(columns: 80, rows: 24)
    /// A pipe whose read end `nextInput` waits on beside the terminal: `waker` writes a byte. It
    /// stays open for the life of the process (a waker may still be called from another thread),
    /// two descriptors for the one terminal a process has.
    private let wakeRead: Int32
    private let wakeWrite: Int32

    /// Takes over the terminal: stdin/stdout when both are terminals, else /dev/tty.
    /// - Parameters:
    ///   - escDelayMilliseconds: how long curses waits after Esc for the rest of a key sequence
    ///     (the `ESCDELAY` environment variable wins when set).
    ///   - mouse: report button-1 clicks (the terminal's own selection then needs Shift).
    /// - Throws: `CursesTerminalError` when there is no terminal or TERM is unset or unknown.
    public init(escDelayMilliseconds: Int = 25, mouse: Bool = true) throws {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for fd in ends {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        wakeRead = ends[0]
        wakeWrite = ends[1]
        isUnicode = cn_setup_locale() != 0
        // Before newterm: curses installs its own SIGINT/SIGTERM handlers only over the default
        // disposition, and stop() puts back exactly what was there before.
        cn_install_signal_handlers()
        var message = [CChar](repeating: 0, count: 512)
        let environment = ColorMapping.environment()
        // COLORTERM=truecolor with a 256-color TERM: the direct-color entry if there is one.
        var opened: OpaquePointer?
        var name = environment["TERM"] ?? ""
        if let direct = ColorDepth.directTerminfoName(environment: environment) {
            opened = message.withUnsafeMutableBufferPointer { cn_open_terminal_named(direct, $0.baseAddress, $0.count) }
            if opened != nil { name = direct }
        }
        if opened == nil {
            opened = message.withUnsafeMutableBufferPointer { cn_open_terminal($0.baseAddress, $0.count) }
        }
        terminalName = name
        guard opened != nil else {
            cn_restore_signal_handlers()
            let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw CursesTerminalError(message: text)
        }

        if let value = getenv("ESCDELAY").flatMap({ Int32(String(cString: $0)) }), value >= 0 {
            set_escdelay(value)
        } else {
            set_escdelay(Int32(clamping: max(0, escDelayMilliseconds)))
        }
        let window = cn_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        CursesTerminal.defineBothCursorModes()

        mouseEnabled = mouse
        if mouse {
            mouseinterval(0)
            mousemask(cn_button1_pressed() | cn_button1_released() | cn_button1_clicked(), nil)
        }

        if has_colors() && !ColorDepth.noColor(environment) {
            start_color()
            defaultColorsAvailable = use_default_colors() == OK
            depth = ColorDepth.detect(environment: environment, terminfoColors: Int(cn_colors()), hasColors: true)
        } else {
            defaultColorsAvailable = true
            depth = .none
        }
        var rows: Int32 = 0, columns: Int32 = 0
        cn_getmaxyx(cn_stdscr(), &rows, &columns)
        lastSize = Size(columns: Int(columns), rows: Int(rows))
        // After nonl(): without ONLCR a line feed moves straight down, the shortest motion there.
        var modes = termios()
        let lineFeedKeepsColumn =
            tcgetattr(cn_output_fd(), &modes) == 0
            && (modes.c_oflag & tcflag_t(OPOST) == 0 || modes.c_oflag & tcflag_t(ONLCR) == 0)
        writer = FrameWriter(
            capabilities: TerminalCapabilities(term: nil) ?? TerminalCapabilities(), depth: depth,
            isUnicode: isUnicode, defaultColorsAvailable: defaultColorsAvailable,
            lineFeedKeepsColumn: lineFeedKeepsColumn, size: lastSize)
        cn_guard_activate(mouse ? 1 : 0)
        isActive = true
    }

    isolated deinit {
        stop()
    }

    /// Gives the terminal back: echo, line mode and a visible cursor, the shell's screen, and the
    /// previous signal handlers. Safe to call more than once.
    public func stop() {
        guard isActive else { return }
        lastSize = size
        isActive = false
        if mouseEnabled { mousemask(0, nil) }
        curs_set(1)
        cn_close_terminal()
        cn_restore_signal_handlers()
    }

    public var size: Size {
        guard isActive else { return lastSize }
        var rows: Int32 = 0, columns: Int32 = 0
        cn_getmaxyx(cn_stdscr(), &rows, &columns)
        return Size(columns: Int(columns), rows: Int(rows))
    }

    // MARK: output

    public func present(_ screen: Screen, theme: Theme) {
        guard isActive else { return }
        let terminal = size
        if needsErase || writer.size != terminal {
            // The first frame, or after a resize (the terminal may have reflowed its contents):
            // curses clears the screen once, and its own copy is then left alone (nothing is drawn
            // into it, so reading a key never repaints it).
            let window = cn_stdscr()
            werase(window)
            clearok(cn_curscr(), true)
            leaveok(window, true)
            wnoutrefresh(window)
            doupdate()
            needsErase = false
            writer.cleared(size: terminal)
        }
        let bytes = writer.frame(screen, theme: theme)
        let cursorShown = screen.cursor.map { $0.row >= 0 && $0.row < terminal.rows && $0.column >= 0 && $0.column < terminal.columns } ?? false
        if !cursorShown { setCursorVisible(false) }
        writeAll(bytes)
        if cursorShown { setCursorVisible(true) }
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    /// Writes a frame to the terminal (curses has flushed its own output by then). A terminal
    /// that went away drops it: reading input reports the hang-up.
    private func writeAll(_ bytes: [UInt8]) {
        let fd = cn_output_fd()
        guard fd >= 0, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) {
                    var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&p, 1, 100)
                } else {
                    return
                }
            }
        }
    }

    // MARK: input

    public nonisolated var waker: (@Sendable () -> Void)? {
        let fd = wakeWrite
        guard fd >= 0 else { return nil }
        return {
            var byte: UInt8 = 1
            _ = write(fd, &byte, 1)
        }
    }

    public func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        guard isActive else { return nil }
        if let reason = takeSignal() { return .hangUp(reason: reason) }
        if timeoutMilliseconds > 0 && wakeRead >= 0 {
            // What curses holds already (a key read after an Esc) comes first, without waiting.
            wtimeout(cn_stdscr(), 0)
            var code: wint_t = 0
            let status = wget_wch(cn_stdscr(), &code)
            if let reason = takeSignal() { return .hangUp(reason: reason) }
            if status != ERR, let input = decode(status: status, code: code) {
                failingSince = nil
                return input
            }
            // Then sleep until input, a wake-up, a signal (a resize) or the time-out.
            var fds = [pollfd(fd: cn_input_fd(), events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, Int32(clamping: timeoutMilliseconds))
            let interrupted = ready < 0 && errno == EINTR
            if let reason = takeSignal() { return .hangUp(reason: reason) }
            if ready == 0 { return nil }
            // A resize interrupted this wait, not curses' own: curses would not notice it, so the
            // new size is read from the terminal and handed to curses here.
            if interrupted, let resized = resizedTerminal() { return resized }
            if ready > 0 && fds[1].revents != 0 {
                var sink = [UInt8](repeating: 0, count: 64)
                while read(wakeRead, &sink, sink.count) > 0 {}
                if fds[0].revents == 0 { return nil }
            }
            // Input (or a hang-up, or a signal): curses reads it below at once.
        }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = timeoutMilliseconds >= 0 ? start + .milliseconds(timeoutMilliseconds) : nil
        let window = cn_stdscr()
        while true {
            var wait: Int32 = -1
            if let deadline {
                let left = clock.now.duration(to: deadline).components
                wait = Int32(clamping: max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000))
            }
            wtimeout(window, wait)
            let asked = clock.now
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if let reason = takeSignal() { return .hangUp(reason: reason) }

            if status == ERR {
                if cn_terminal_gone(cn_input_fd()) != 0 { return .hangUp(reason: "terminal closed") }
                let waited = asked.duration(to: clock.now)
                if wait >= 0 && waited >= .milliseconds(Int(wait)) - .milliseconds(5) {
                    failingSince = nil // an ordinary time-out
                    return nil
                }
                // ERR before the time-out: an interrupted read, or a terminal that is going away.
                let now = clock.now
                if let since = failingSince {
                    if since.duration(to: now) > .seconds(2) { return .hangUp(reason: "terminal closed") }
                } else {
                    failingSince = now
                }
                napms(10)
            } else {
                failingSince = nil
                if let input = decode(status: status, code: code) { return input }
            }
            if let deadline, clock.now >= deadline { return nil }
        }
    }

    private func takeSignal() -> String? {
        let signal = cn_pending_signal()
        guard signal != 0 else { return nil }
        cn_clear_pending_signal()
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        default: return "signal \(signal)"
        }
    }

    /// The terminal's size when it differs from curses' idea of it (curses is told), else nil.
    private func resizedTerminal() -> TerminalInput? {
        var ws = winsize()
        guard ioctl(cn_input_fd(), UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0 else { return nil }
        let now = Size(columns: Int(ws.ws_col), rows: Int(ws.ws_row))
        guard now != size else { return nil }
        resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
        needsErase = true
        return .resize(size)
    }

    private func decode(status: Int32, code: wint_t) -> TerminalInput? {
        if status == KEY_CODE_YES {
            switch Int32(bitPattern: code) {
            case KEY_RESIZE:
                needsErase = true
                return .resize(size)
            case KEY_MOUSE:
                return mouseClick()
            case let keyCode:
                return KeyDecoding.key(keyCode: keyCode).map(TerminalInput.key)
            }
        }
        return KeyDecoding.key(character: code).map(TerminalInput.key)
    }

    /// One click per press: a press (or a click) reports; the release that follows it does not.
    private func mouseClick() -> TerminalInput? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let at = TerminalInput.click(Point(row: Int(event.y), column: Int(event.x)))
        if event.bstate & cn_button1_pressed() != 0 {
            buttonDown = true
            return at
        }
        if event.bstate & cn_button1_clicked() != 0 {
            buttonDown = false
            return at
        }
        if event.bstate & cn_button1_released() != 0 {
            defer { buttonDown = false }
            return buttonDown ? nil : at
        }
        return nil
    }
}

extension CursesTerminal {
    /// Keys typed while the program starts arrive before curses switches the terminal to its
    /// application cursor mode (`smkx`): an arrow then comes as `ESC [ B`, not the `ESC O B` the
    /// terminfo entry names, and curses would read Esc and two letters. Both forms of the arrows,
    /// Home and End are made known, so a key pressed at any moment arrives whole.
    static func defineBothCursorModes() {
        let keys: [(String, Int32)] = [("A", KEY_UP), ("B", KEY_DOWN), ("C", KEY_RIGHT), ("D", KEY_LEFT), ("H", KEY_HOME), ("F", KEY_END)]
        for (final, code) in keys {
            for prefix in ["\u{1B}[", "\u{1B}O"] {
                let sequence = prefix + final
                if key_defined(sequence) == 0 { define_key(sequence, code) }
            }
        }
    }
}
