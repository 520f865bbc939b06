import Foundation
import Scheduling

/// The demo sandbox store's refusals (`DemoSandboxStore`).
extension Catalog {
    public func demoNoTempFolder(_ dir: String, _ why: String) -> String {
        tr(en: "Cannot make a folder for the sandbox in \(dir): \(why)", es: "No se puede crear una carpeta para el sistema de práctica en \(dir): \(why)")
    }

    public func demoNotProduction(_ path: String) -> String {
        tr(
            en:
                "biosched demo never opens a production store, and \(path) is one. Name a new file with --db (a sandbox is made there), a training store, or no --db at all.",
            es:
                "biosched demo nunca abre un sistema real, y \(path) lo es. Indique un archivo nuevo con --db (allí se crea un sistema de práctica), un sistema de práctica, o ningún --db."
        )
    }

    public func demoNotProductionDatabase(_ location: String) -> String {
        tr(
            en:
                "biosched demo never opens a production store, and \(location) is one. Name an empty database with --db (made with createdb: a sandbox is made there), a training store, or no --db at all.",
            es:
                "biosched demo nunca abre un sistema real, y \(location) lo es. Indique con --db una base de datos vacía (hecha con createdb: allí se crea un sistema de práctica), un sistema de práctica, o ningún --db."
        )
    }
}
