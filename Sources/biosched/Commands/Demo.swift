import ArgumentParser
import CNcursesw
import CursesScreen
import Foundation
import Scheduling
import SchedulingStore
import TerminalUI

#if PostgreSQL
import PostgresStore
#endif

/// `biosched demo`: the terminal UI on a training sandbox, for trainers. A fresh store full of story
/// cases (a temporary file unless --db), a clock the trainer moves, role switching, reset; flows
/// that play (--play, with --cast for an asciicast), record (--record) and check themselves (--check).
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Training: a sandbox store with story cases, a clock you move, role switching, and flows that play, record and test themselves.",
        discussion: """
            Opens the terminal UI on a training sandbox filled with story cases, one for each situation of the rules. \
            It never opens a production store: without --db the sandbox is a temporary file, removed at the end (or the \
            PostgreSQL training store that $BIOSCHED_DB names, if it names one; anything else there is said and left alone); with --db \
            it is that file (created with demo data if it does not exist; refused if it is a production store), or that \
            PostgreSQL database (postgresql://user@host/db, or postgres for the libpq environment: filled with demo data if it \
            is empty, as createdb makes it). Reset puts back the store as it was when demo started, on either store.

            In the UI, Ctrl-T opens the trainer panel: move the clock (- + an hour, < > a day; 1 13 hours before the open \
            case's appointment, 2 11 hours before, 3 just after its start, 0 back to the start), r switches the role \
            (applicant, representative, agent, officer) on the open case, s lists the stories, R resets the sandbox.

            Flows (README, "Training"): --play FLOW plays one with its captions, step by step (Space for the next \
            caption) or on its own with --auto; --cast FILE also writes an asciicast v2 recording; --record FILE writes what \
            you do as a flow; --check FLOW plays one headless and reports its expectations (exit 1 if one fails). \
            FLOW is a file, or the name of a shipped flow (--list shows them).
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The sandbox store: a file, created with demo data if missing, or a postgresql:// database, filled with demo data if empty (createdb); never a production store. Default: a temporary file.",
            valueName: "path|url"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The sandbox's first instant (the story cases are placed relative to it), ISO 8601 with offset. Default: a recorded flow's `start`, else now.",
            valueName: "datetime"))
    var now: String?

    @Option(name: .long, help: ArgumentHelp("The demo data's seed (default 1, or a recorded flow's `seed`).", valueName: "n"))
    var seed: UInt64?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who acts first: applicant, representative, agent (default) or officer.", valueName: "role"))
    var role: String?

    @Option(name: .long, help: ArgumentHelp("The account for --as applicant or representative.", valueName: "id"))
    var account: String?

    @Option(name: .long, help: ArgumentHelp("Play a flow in the UI, with its captions.", valueName: "flow"))
    var play: String?

    @Option(name: .long, help: ArgumentHelp("With --play: also write an asciicast v2 recording (asciinema play FILE).", valueName: "file"))
    var cast: String?

    @Flag(name: .long, help: "With --play: run on its own instead of waiting for Space at each caption.")
    var auto = false

    @Option(name: .long, help: ArgumentHelp("With --play: the pace, as a multiple of the normal one (e.g. 2 for twice as fast).", valueName: "factor"))
    var speed: Double = 1

    @Option(name: .long, help: ArgumentHelp("Write what you do into a flow file that plays back the same.", valueName: "file"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("Play a flow headless: report each failed `expect` and the final screen; exit 1 if one failed.", valueName: "flow"))
    var check: String?

    @Flag(name: .long, help: "List the shipped flows and the story cases, then exit.")
    var list = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The language of the screens and the story titles: en or es. Default: $LANGUAGE, $LC_ALL, $LC_MESSAGES or $LANG, else English.", valueName: "code"))
    var lang: String?

    @OptionGroup var themeOptions: ThemeOptions

    var banner: String { "[\(t.trainingBanner)]" }

    /// `--lang`, else the environment's, else English (an unknown code is refused in `validate`).
    var language: Language { lang.flatMap(Language.parse) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) ?? .en }
    var t: Catalog { Catalog(language) }

    func validate() throws {
        if let lang, Language.parse(lang) == nil { throw ValidationError(Language.unknownMessage(lang, what: "--lang")) }
        if [play != nil, record != nil, check != nil].filter({ $0 }).count > 1 {
            throw ValidationError(t.demoAlternatives)
        }
        if play == nil && (cast != nil || auto) { throw ValidationError(t.demoCastAuto) }
        guard speed > 0, speed <= 100 else { throw ValidationError(t.demoSpeed) }
    }

    func run() throws {
        let dir = FlowLibrary.directory()
        if list { return printList(dir) }
        var flow: Flow?
        if let name = play ?? check { flow = try Demo.loadFlow(name, dir: dir, t) }
        let user = Session.currentUser()
        let chosen = db ?? environmentSandbox()
        let sandbox = try DemoSandbox.open(
            db: chosen, now: try now.map { (text: String) throws(Failure) in try Session.parseNow(text, t) },
            seed: seed, flow: flow, user: user, t)
        defer { sandbox.remove() }
        let actor = try firstActor(sandbox.store, user: user)
        // --check plays a flow at the size it declares, 80x24 when it declares none (where classes run it).
        var program = sandbox.program(
            actor: actor, staffID: user, size: check != nil ? (flow?.playSize ?? Flow.defaultSize) : Size(columns: 100, rows: 30),
            language: language)

        if let flow, check != nil {
            program.send(.tick(sandbox.start))
            let player = FlowPlayer.playAll(flow, on: &program)
            print(banner)
            print(t.demoChecked(flow.name, flow.steps.count, player.expectationsChecked, player.failures.count))
            for f in player.failures { print("✖ \(f)") }
            print(t.demoFinalScreen("\(program.state.size)"))
            print(program.render().text)
            if !player.failures.isEmpty { throw Failure(.refused, "") }
            return
        }

        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw Failure(.badInput, t.demoNeedsTerminal)
        }
        let result = try MainActor.assumeIsolated { () throws(Failure) -> FullScreenResult in
            try runFullScreen(&program, sandbox: sandbox, flow: flow, actor: actor)
        }
        var lines = [banner]
        if let p = result.player {
            let f = p.failures
            lines.append(t.demoPlayed(p.flow.name, p.expectationsChecked, f.count))
            lines += f.map { "✖ \($0)" }
        }
        if let record, let count = result.recorded { lines.append(t.demoRecorded(count, record)) }
        let castFailure = result.castFailure
        if let cast { lines.append(castFailure.map { t.demoCastIncomplete(cast, $0) } ?? t.demoCastWritten(cast)) }
        if result.ended != "quit" { lines.append(t.endedBecause(result.ended)) }
        StandardStreams.err(lines.joined(separator: "\n") + "\n")
        if !(result.player?.failures.isEmpty ?? true) { throw Failure(.refused, "") }
        if castFailure != nil { throw Failure(.badInput, "") }
    }

    /// Without --db: the PostgreSQL training store that $BIOSCHED_DB names, if it is one (several
    /// hosts' trainers share it). Anything else there (a production store, a file, no store, a
    /// server that does not answer) leaves the sandbox a temporary file, and a line says why.
    func environmentSandbox(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let named = environment["BIOSCHED_DB"], !named.isEmpty, StoreBackends.isPostgres(named) else { return nil }
        let say = { (line: String) in StandardStreams.err("\(banner) \(line)\n") }
        #if PostgreSQL
        let location: PostgresLocation
        do { location = try PostgresLocation.parse(named) } catch {
            say(t.demoEnvironmentUnusable(Echo.show(named, limit: 200), error.message(in: t.language)))
            return nil
        }
        do {
            switch try PostgresBookingStore.holdsTrainingStore(location) {
            case true?: break
            case false?:
                say(t.demoEnvironmentNotTraining(location.display))
                return nil
            case nil:
                say(t.demoEnvironmentNoStore(location.display))
                return nil
            }
        } catch {
            say(t.demoEnvironmentUnusable(location.display, error.message(in: t.language)))
            return nil
        }
        say(t.demoUsingEnvironmentStore(location.display))
        return named
        #else
        say(t.demoEnvironmentUnusable(Echo.show(named, limit: 200), StoreBackends.withoutPostgres.message(in: t.language)))
        return nil
        #endif
    }

    struct FullScreenResult {
        var ended: String
        var player: FlowPlayer?
        var recorded: Int?
        /// Why the asciicast stopped being written, if it did.
        var castFailure: String?
    }

    @MainActor
    func runFullScreen(_ program: inout Program, sandbox: DemoSandbox, flow: Flow?, actor: Actor) throws(Failure) -> FullScreenResult {
        // The terminal handles SIGHUP while it runs and afterwards restores what was there before:
        // ignoring it, so the hang-up of a closed terminal, which may come after the program saw
        // the terminal go, cannot end the process before the sandbox is removed.
        signal(SIGHUP, SIG_IGN)
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch { throw Failure(.badInput, t.cannotStartUI("\(error)")) }
        defer { terminal.stop() }
        let themes = ThemeOptions.switcher(
            request: themeOptions.request, depth: terminal.depth, language: language,
            watches: themeOptions.watches(always: true))
        for n in themes.startupNotices { program.send(.notice(n.level, n.text)) }
        if let note = sandbox.clockNote { program.send(.notice(.info, note)) }
        let theme = themes.theme
        let device = TrainingDevice(base: terminal)
        let clock = sandbox.clock.closure
        if let cast {
            do {
                device.cast = try AsciicastFile(
                    path: cast, size: terminal.size, theme: theme,
                    title: "biosched demo" + (flow.map { ": \($0.name)" } ?? "")) // not for a person: the recording's title, a command name
            } catch { throw Failure(.badInput, t.demoCannotWriteCast(cast, error.localizedDescription)) }
        }
        defer { device.cast?.close() }
        var result = FullScreenResult(ended: "quit")
        func finished(_ r: FullScreenResult) -> FullScreenResult {
            var r = r
            r.castFailure = device.cast?.failure
            return r
        }
        if let flow {
            let (player, ending) = FlowTerminalPlayer.play(
                flow, program: &program, device: device, theme: theme, clock: clock,
                pace: .init(auto: auto, speed: speed))
            result.player = player
            if case let .hungUp(reason) = ending {
                result.ended = reason
                return finished(result)
            }
            if program.state.quit { return finished(result) }
        } else {
            program.send(.training(.command(.showStories)))
            if record != nil {
                device.recorder = FlowRecorder(start: sandbox.start, seed: sandbox.seed, size: terminal.size, actor: actor, storiesOpen: true)
            }
        }
        result.ended = TerminalLoop.run(&program, device: device, theme: themes.theme, clock: clock, themes: themes, effects: .background)
        terminal.stop()
        if let record, var recorder = device.recorder {
            if result.ended == "quit" { recorder.dropLast() }
            do { try Data(recorder.text().utf8).write(to: URL(fileURLWithPath: record)) } catch {
                throw Failure(.badInput, t.demoCannotWriteFlow(record, error.localizedDescription))
            }
            result.recorded = recorder.count
        }
        return finished(result)
    }

    /// Who acts first: --as and --account (any role: this is a training store), else an agent.
    func firstActor(_ store: any TrainingSandbox, user: String) throws(Failure) -> Actor {
        guard let r = role else { return Actor(role: .agent, id: user) }
        guard let parsed = Role(rawValue: r.lowercased()) else {
            throw Failure(.badInput, t.badRole(Echo.show(r)))
        }
        if parsed.isStaff { return Actor(role: parsed, id: user) }
        guard let account, !account.isEmpty else { throw Failure(.badInput, t.demoNeedsAccount(parsed.rawValue)) }
        let accountRole: Role?
        do { accountRole = try store.accountRole(account) } catch { throw Failure(storeError: error) }
        guard accountRole == parsed else { throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): " + t.noSuchAccount(parsed, account)) }
        return Actor(role: parsed, id: account)
    }

    static func loadFlow(_ name: String, dir: URL?, _ t: Catalog = .en) throws(Failure) -> Flow {
        guard let url = FlowLibrary.resolve(name, in: dir) else {
            let shipped = dir.map { FlowLibrary.flows(in: $0).map { $0.deletingPathExtension().lastPathComponent } } ?? []
            throw Failure(.badInput, t.demoNoFlow(name, shipped))
        }
        do { return try Flow.load(url, t) } catch { throw Failure(.badInput, "\(error)") }
    }

    func printList(_ dir: URL?) {
        print(banner)
        if let dir {
            print(t.demoShippedFlows(dir.path))
            for url in FlowLibrary.flows(in: dir) {
                let name = url.deletingPathExtension().lastPathComponent
                let first = (try? Flow.load(url, t))?.captions.first ?? ""
                print("  \(name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(first)")
            }
        } else {
            print(t.demoNoFlowsFolder)
        }
        print(t.demoStoryCases)
        let stories = DemoData.stories(now: Date(), language)
        let width = max(42, (stories.map(\.title.count).max() ?? 0) + 1)
        for s in stories {
            print("  \(s.receipt)  \(s.title.padding(toLength: width, withPad: " ", startingAt: 0)) \(s.role)\(s.account.map { " " + $0 } ?? "")")
        }
    }
}

/// The sandbox behind `biosched demo`: its store (`DemoSandboxStore`, SchedulingStore: a SQLite
/// file or a PostgreSQL database, its first state for reset), the clock the trainer moves, the stories.
struct DemoSandbox {
    let base: DemoSandboxStore
    let clock: TrainingClock
    let stories: [TrainingStory]
    /// Said in the status pane when the clock starts at the prepared store's moment.
    let clockNote: String?
    var store: any TrainingSandbox { base.store }
    var info: StoreInfo { base.info }
    var start: Date { base.start }
    var seed: UInt64 { base.seed }
    var created: Bool { base.created }

    static func open(db: String?, now: Date?, seed: UInt64?, flow: Flow?, user: String, _ t: Catalog = .en) throws(Failure) -> DemoSandbox {
        let seed = seed ?? flow?.seed ?? 1
        let hooks = DemoSandboxStore.Hooks(
            isDatabase: StoreBackends.isPostgres,
            openDatabase: { url, start, seed throws(StoreError) in try DemoStore.openOrCreatePostgres(url, user: user, now: start, seed: seed, t) },
            creating: { StandardStreams.err(t.creatingDemoStore($0) + "\n") },
            guardFolder: { cn_guard_temporary_folder($0) },
            unguardFolder: { cn_unguard_temporary_folder() })
        let base: DemoSandboxStore
        do {
            base = try DemoSandboxStore.open(
                db: db, now: now, flowStart: flow?.start, seed: seed, user: user,
                template: DemoTemplate(seed: seed, version: BioschedVersion.current), hooks: hooks)
        } catch {
            switch error {
            case .noTemporaryFolder: throw Failure(.storeError, error.message(t))
            case let .store(e): throw Failure(storeError: e)
            case .notTraining: throw Failure(.refused, error.message(t))
            }
        }
        let stories = DemoData.stories(now: base.storiesPlacedAt, t.language).map {
            TrainingStory(
                receipt: $0.receipt, title: $0.title, description: $0.description,
                role: Role(rawValue: $0.role) ?? .agent, account: $0.account)
        }
        return DemoSandbox(
            base: base, clock: TrainingClock(start: base.start), stories: stories,
            clockNote: base.fromTemplate ? t.demoClockNote(JSONOutput.iso(base.start)) : nil)
    }

    /// A program on the sandbox: its clock, its reset, its stories.
    func program(actor: Actor, staffID: String, size: Size, language: Language = .en) -> Program {
        let env = ProcessInfo.processInfo.environment
        let canWriteFiles = env["SSH_CONNECTION"] == nil && env["SSH_CLIENT"] == nil && env["SSH_TTY"] == nil
        let config = AppConfig(
            actor: actor, isTraining: info.isTraining, window: info.window,
            sessionID: created ? "demo" : String(UUID().uuidString.prefix(8)).lowercased(),
            canWriteFiles: canWriteFiles, language: language)
        let store = self.store, pristine = base.pristine
        return Program.sandbox(
            store: store, config: config, clock: clock,
            settings: TrainingSettings(staffID: staffID, firstActor: actor, start: start, stories: stories),
            size: size, writeFile: canWriteFiles ? EffectRunner.writingFiles(protecting: store.protectedFile) : nil,
            resetStore: { try store.reset(to: pristine) })
    }

    /// Forgets the first state and removes the temporary folder (and with it the sandbox, unless it
    /// is a --db file or database).
    func remove() { base.remove() }
}
