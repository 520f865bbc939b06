import Foundation
import Scheduling

/// Training: flow files (their parse errors), the flow players, `biosched demo`, and the terminal
/// UI's rarer messages. Step names (`clock`, `expect`), key names and codes stay as they are.
extension Catalog {
    // The terminal UI's rarer messages.
    public var noKeyRegistry: String { tr(en: "SSH keys are not kept in this store.", es: "Este sistema no guarda llaves SSH.") }
    public var onlyContactCenterCodes: String {
        tr(
            en: "Only the Contact Center issues enrollment codes; a new one comes with each appointment notice.",
            es: "Solo el Centro de Contacto emite códigos de inscripción; cada aviso de cita trae uno nuevo.")
    }
    public var notASandbox: String {
        tr(
            en: "This is not a training sandbox: the clock and the store stay as they are.",
            es: "Esto no es un sistema de práctica: el reloj y el sistema se quedan como están.")
    }
    public func idleEnded(_ seconds: Int) -> String { tr(en: "idle for \(seconds) s", es: "sin actividad durante \(seconds) s") }

    // Flow files.
    public func flowUnreadable(_ why: String) -> String { tr(en: "cannot read the flow file: \(why)", es: "no se puede leer el archivo del flujo: \(why)") }
    public func flowNoArgs(_ word: String, _ rest: String) -> String {
        tr(en: "`\(word)` takes nothing after it, found \"\(rest)\"", es: "`\(word)` no lleva nada después, pero hay \"\(rest)\"")
    }
    public func flowNeeds(_ word: String, _ what: String) -> String {
        tr(en: "`\(word)` needs \(what), e.g. \(word) \"Booked\"", es: "`\(word)` necesita \(what), por ejemplo \(word) \"Booked\"")
    }
    public func flowAfterQuote(_ after: String) -> String {
        tr(en: "unexpected \"\(after)\" after the quoted text", es: "sobra \"\(after)\" después del texto entre comillas")
    }
    public func flowRole(_ rest: String) -> String {
        tr(
            en: "`role` needs one of applicant, representative, agent, officer (and for the first two, optionally an account), found \"\(rest)\"",
            es: "`role` necesita uno de applicant, representative, agent, officer (y para los dos primeros, si quiere, una cuenta), pero hay \"\(rest)\"")
    }
    public func flowRoleArgs(_ rest: String) -> String {
        tr(en: "`role` takes a role and at most one account, found \"\(rest)\"", es: "`role` lleva un papel y como máximo una cuenta, pero hay \"\(rest)\"")
    }
    public var flowOpen: String {
        tr(en: "`open` needs one receipt number, e.g. open IOE0923456781", es: "`open` necesita un número de recibo, por ejemplo open IOE0923456781")
    }
    /// `open`: and why the receipt number is wrong (already in the catalog's language).
    public func flowOpenBad(_ why: String) -> String { "`open`: \(why)" }
    public func flowLang(_ list: String, _ rest: String) -> String {
        tr(en: "`lang` needs one language code: \(list), found \"\(rest)\"", es: "`lang` necesita un código de idioma: \(list), pero hay \"\(rest)\"")
    }
    public var flowACaption: String { tr(en: "a caption", es: "un subtítulo") }
    public var flowType: String {
        tr(
            en: "`type` needs the text to type, e.g. type \"Caller is in hospital\"",
            es: "`type` necesita el texto que se escribe, por ejemplo type \"Caller is in hospital\"")
    }
    public var flowTextToType: String { tr(en: "the text to type", es: "el texto que se escribe") }
    public var flowKey: String {
        tr(en: "`key` needs one or more key names, e.g. key Enter Down Tab", es: "`key` necesita uno o más nombres de teclas, por ejemplo key Enter Down Tab")
    }
    public func flowUnknownKey(_ a: String) -> String {
        tr(
            en:
                "unknown key \"\(a)\": expected a key name (Enter, Esc, Tab, S-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, Delete, Space, F1-F24, C-x) or one character",
            es:
                "tecla desconocida \"\(a)\": se espera un nombre de tecla (Enter, Esc, Tab, S-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, Delete, Space, F1-F24, C-x) o un carácter"
        )
    }
    public func flowPause(_ rest: String) -> String {
        tr(
            en: "`pause` needs seconds from 0 to 600, e.g. pause 1.5, found \"\(rest)\"",
            es: "`pause` necesita segundos de 0 a 600, por ejemplo pause 1.5, pero hay \"\(rest)\"")
    }
    public var flowWait: String {
        tr(en: "`wait` needs the text to wait for, e.g. wait \"Booked\" 5s", es: "`wait` necesita el texto que se espera, por ejemplo wait \"Booked\" 5s")
    }
    public func flowWaitTimeout(_ after: String) -> String {
        tr(en: "`wait`: \"\(after)\" is not a time-out like 5s", es: "`wait`: \"\(after)\" no es un tiempo de espera como 5s")
    }
    public var flowExpect: String {
        tr(
            en: "`expect` needs the text the screen must show, e.g. expect \"ALLOWED\"",
            es: "`expect` necesita el texto que debe mostrar la pantalla, por ejemplo expect \"ALLOWED\"")
    }
    public func flowSize(_ rest: String) -> String {
        tr(
            en: "`size` needs COLUMNSxROWS, e.g. size 100x30, found \"\(rest)\"",
            es: "`size` necesita COLUMNASxFILAS, por ejemplo size 100x30, pero hay \"\(rest)\"")
    }
    public var flowClick: String {
        tr(en: "`click` needs a row and a column (from 0), e.g. click 5 40", es: "`click` necesita una fila y una columna (desde 0), por ejemplo click 5 40")
    }
    public func flowTwice(_ word: String) -> String { tr(en: "`\(word)` is given twice", es: "`\(word)` aparece dos veces") }
    public var flowStart: String {
        tr(
            en: "`start` needs an ISO 8601 date and time with an offset, e.g. start 2026-11-30T10:00:00-05:00",
            es: "`start` necesita una fecha y hora ISO 8601 con desfase, por ejemplo start 2026-11-30T10:00:00-05:00")
    }
    public var flowSeed: String { tr(en: "`seed` needs a whole number, e.g. seed 1", es: "`seed` necesita un número entero, por ejemplo seed 1") }
    public func flowUnknownStep(_ word: String, _ names: String) -> String {
        tr(en: "unknown step \"\(word)\": expected one of \(names)", es: "paso desconocido \"\(word)\": se espera uno de \(names)")
    }
    public var flowClock: String {
        tr(
            en:
                "`clock` needs an instant (2026-12-01T09:00:00-05:00), a move (+1h, -1d, +1d2h30m), `before 13h` or `after 1m` (from the open case's appointment), or `start`",
            es:
                "`clock` necesita un instante (2026-12-01T09:00:00-05:00), un movimiento (+1h, -1d, +1d2h30m), `before 13h` o `after 1m` (desde la cita del caso abierto), o `start`"
        )
    }
    public func flowFound(_ usage: String, _ rest: String) -> String { tr(en: "\(usage), found \"\(rest)\"", es: "\(usage), pero hay \"\(rest)\"") }
    public var flowUnclosedQuote: String { tr(en: "the quoted text has no closing \"", es: "al texto entre comillas le falta la \" de cierre") }

    // The players.
    public func screenMissing(_ text: String) -> String { tr(en: "the screen does not show \(text)", es: "la pantalla no muestra \(text)") }
    public func screenShows(_ text: String) -> String { tr(en: "the screen shows \(text)", es: "la pantalla muestra \(text)") }
    public func expectationFailed(_ verb: String, negated: Bool, _ what: String) -> String {
        negated ? tr(en: "\(verb) not failed: \(what)", es: "falló `\(verb) not`: \(what)") : tr(en: "\(verb) failed: \(what)", es: "falló `\(verb)`: \(what)")
    }
    public func playerFooter(auto: Bool) -> String {
        auto
            ? tr(en: "Space skip · a step by step · Esc stop", es: "Espacio saltar · a paso a paso · Esc parar")
            : tr(en: "Space next · a auto · Esc stop", es: "Espacio seguir · a automático · Esc parar")
    }
    public func flowStopped(_ line: Int) -> String {
        tr(
            en: "Flow stopped before line \(line). The program is live: carry on, or q to quit.",
            es: "Flujo detenido antes de la línea \(line). El programa sigue activo: continúe, o pulse q para salir.")
    }
    public var anyKeyClosesFooter: String { tr(en: "any key closes", es: "cualquier tecla cierra") }
    public func flowHeld(_ name: String, _ n: Int) -> String {
        n == 1
            ? tr(
                en: "End of \(name): 1 expectation held. The program is live: carry on, or q to quit.",
                es: "Fin de \(name): se cumplió 1 comprobación. El programa sigue activo: continúe, o pulse q para salir.")
            : tr(
                en: "End of \(name): \(n) expectations held. The program is live: carry on, or q to quit.",
                es: "Fin de \(name): se cumplieron \(n) comprobaciones. El programa sigue activo: continúe, o pulse q para salir.")
    }
    public func flowFailedSummary(_ name: String, _ failed: Int, _ checked: Int, _ line: Int) -> String {
        tr(
            en: "End of \(name): \(failed) of \(checked) expectations failed (first: line \(line)). q quits.",
            es: "Fin de \(name): fallaron \(failed) de \(checked) comprobaciones (la primera: línea \(line)). q sale.")
    }
    public func flowDoneTitle(_ name: String) -> String { tr(en: "\(name) · done", es: "\(name) · terminado") }

    // biosched demo
    public var demoAlternatives: String {
        tr(en: "--play, --record and --check are alternatives: give one of them.", es: "--play, --record y --check son alternativas: indique solo una.")
    }
    public var demoCastAuto: String { tr(en: "--cast and --auto go with --play FLOW.", es: "--cast y --auto van con --play FLUJO.") }
    public var demoSpeed: String { tr(en: "--speed must be more than 0 and at most 100.", es: "--speed debe ser mayor que 0 y como máximo 100.") }
    public func demoChecked(_ name: String, _ steps: Int, _ checked: Int, _ failed: Int) -> String {
        tr(
            en: "Flow \(name): \(steps) steps, \(checked) expectations, \(failed) failed.",
            es: "Flujo \(name): \(steps) pasos, \(checked) comprobaciones, \(failed) fallidas.")
    }
    public func demoFinalScreen(_ size: String) -> String { tr(en: "Final screen (\(size)):", es: "Pantalla final (\(size)):") }
    public var demoNeedsTerminal: String {
        tr(
            en: "biosched demo needs a terminal (stdin and stdout must be a tty); --check FLOW plays a flow without one.",
            es: "biosched demo necesita una terminal (stdin y stdout deben ser una tty); --check FLUJO reproduce un flujo sin ella.")
    }
    public func demoPlayed(_ name: String, _ checked: Int, _ failed: Int) -> String {
        tr(en: "Played \(name): \(checked) expectations, \(failed) failed.", es: "Reproducido \(name): \(checked) comprobaciones, \(failed) fallidas.")
    }
    public func demoRecorded(_ n: Int, _ file: String) -> String {
        tr(
            en: "Recorded \(n) inputs to \(file). Play it back: biosched demo --play \(file)",
            es: "Se grabaron \(n) entradas en \(file). Para reproducirlo: biosched demo --play \(file)")
    }
    public func demoCastWritten(_ file: String) -> String {
        tr(en: "Wrote the asciicast \(file) (asciinema play \(file)).", es: "Se escribió el asciicast \(file) (asciinema play \(file)).")
    }
    public func demoCastIncomplete(_ file: String, _ why: String) -> String {
        tr(
            en: "The asciicast \(file) is incomplete: writing it failed (\(why)); what came before is in the file.",
            es: "El asciicast \(file) está incompleto: no se pudo seguir escribiendo (\(why)); lo anterior está en el archivo.")
    }
    public func demoCannotWriteCast(_ file: String, _ why: String) -> String {
        tr(en: "Cannot write the asciicast \(file): \(why)", es: "No se puede escribir el asciicast \(file): \(why)")
    }
    public func demoCannotWriteFlow(_ file: String, _ why: String) -> String {
        tr(en: "Cannot write the flow \(file): \(why)", es: "No se puede escribir el flujo \(file): \(why)")
    }
    public func demoNeedsAccount(_ role: String) -> String { tr(en: "--as \(role) needs --account ID.", es: "--as \(role) necesita --account ID.") }
    public func demoNoFlow(_ name: String, _ shipped: [String]) -> String {
        if shipped.isEmpty { return tr(en: "No flow \"\(name)\": not a file.", es: "No hay ningún flujo «\(name)»: no es un archivo.") }
        let list = shipped.joined(separator: ", ")
        return tr(
            en: "No flow \"\(name)\": not a file, and not a shipped flow (\(list)).",
            es: "No hay ningún flujo «\(name)»: no es un archivo ni un flujo incluido (\(list)).")
    }
    public func demoShippedFlows(_ dir: String) -> String { tr(en: "Shipped flows (\(dir)):", es: "Flujos incluidos (\(dir)):") }
    public var demoNoFlowsFolder: String {
        tr(en: "No Flows folder found (set $BIOSCHED_FLOWS_DIR).", es: "No se encontró ninguna carpeta Flows (indique $BIOSCHED_FLOWS_DIR).")
    }
    public var demoStoryCases: String {
        tr(en: "Story cases (open them from the trainer panel: Ctrl-T s):", es: "Casos de historia (ábralos desde el panel del instructor: Ctrl-T s):")
    }
    public func demoUsingEnvironmentStore(_ location: String) -> String {
        tr(
            en: "Using the training store that $BIOSCHED_DB names: \(location).",
            es: "Se usa el sistema de práctica que indica $BIOSCHED_DB: \(location).")
    }
    public func demoEnvironmentNotTraining(_ location: String) -> String {
        tr(
            en: "$BIOSCHED_DB names a production store (\(location)); biosched demo never opens one, so this sandbox is a temporary file.",
            es: "$BIOSCHED_DB indica un sistema real (\(location)); biosched demo nunca lo abre, así que este sistema de práctica es un archivo temporal.")
    }
    public func demoEnvironmentNoStore(_ location: String) -> String {
        tr(
            en:
                "$BIOSCHED_DB names \(location), which holds no biosched store; this sandbox is a temporary file. `biosched demo --db \(location)` makes a training store there, in an empty database.",
            es:
                "$BIOSCHED_DB indica \(location), que no contiene ningún sistema de biosched; este sistema de práctica es un archivo temporal. `biosched demo --db \(location)` crea allí un sistema de práctica, en una base de datos vacía."
        )
    }
    public func demoEnvironmentUnusable(_ location: String, _ why: String) -> String {
        tr(
            en: "$BIOSCHED_DB names \(location), which holds no training store to use (\(why)); this sandbox is a temporary file. Give --db to make one there.",
            es:
                "$BIOSCHED_DB indica \(location), que no contiene un sistema de práctica utilizable (\(why)); este sistema de práctica es un archivo temporal. Use --db para crear uno allí."
        )
    }
    public func creatingDemoDatabase(_ location: String) -> String {
        tr(en: "Creating a training store with demo data in \(location) ...", es: "Creando un sistema de práctica con datos de prueba en \(location) ...")
    }
    public func demoClockNote(_ when: String) -> String {
        tr(
            en: "Training clock set to \(when), when the demo cases were made: their stories hold at that moment (Ctrl-T moves the clock).",
            es: "Reloj de práctica puesto en \(when), cuando se crearon los casos de prueba: sus historias valen en ese momento (Ctrl-T mueve el reloj).")
    }
}
