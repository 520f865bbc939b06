import Foundation
import Scheduling

/// Editing authorized_keys files and forced commands (`SSHAccess`): what is said when a file cannot be
/// read or written, and when a path cannot be a forced command.
extension Catalog {
    public var bioschedOwnPath: String { tr(en: "biosched's own path", es: "La ruta del propio biosched") }

    public var theStorePath: String { tr(en: "the store path", es: "La ruta del sistema") }

    public func pathNotForcedCommand(_ what: String, _ path: String) -> String {
        tr(
            en: "\(what) holds a control character or a backslash (\(path)); it cannot be written into a forced command. Move it to a plain path.",
            es: "\(what) tiene un carácter de control o una barra invertida (\(path)); no se puede escribir en un comando forzado. Muévalo a una ruta simple.")
    }

    public func cannotReadFile(_ path: String) -> String { tr(en: "Cannot read \(path).", es: "No se puede leer \(path).") }

    public func cannotWriteInFolder(_ dir: String, _ why: String) -> String {
        tr(en: "Cannot write in \(dir): \(why).", es: "No se puede escribir en \(dir): \(why).")
    }

    public func notWrittenCompletely(_ tmp: String, _ path: String) -> String {
        tr(en: "Could not write \(tmp) completely; \(path) is unchanged.", es: "No se pudo escribir \(tmp) por completo; \(path) no ha cambiado.")
    }

    public func couldNotReplace(_ path: String, _ why: String) -> String {
        tr(en: "Could not replace \(path): \(why); it is unchanged.", es: "No se pudo reemplazar \(path): \(why); no ha cambiado.")
    }

    public func cannotWrite(_ path: String, _ why: String) -> String { tr(en: "Cannot write \(path): \(why)", es: "No se puede escribir \(path): \(why)") }
}
