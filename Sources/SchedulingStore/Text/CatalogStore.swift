import Foundation
import Scheduling

/// The store's refusals that a person reads (through `StoreError.invalid` and `.unusableStore`):
/// a missing or foreign store file, staff, keys, G-28s, backups, the sandbox, the outbox.
extension Catalog {
    // The store file.
    public func storeUnreadable(_ path: String, _ why: String) -> String {
        tr(
            en: "Cannot read \(path): \(why). The store belongs to the biosched service account; see docs/security.md.",
            es: "No se puede leer \(path): \(why). El sistema pertenece a la cuenta de servicio de biosched; vea docs/security.md.")
    }
    public func noStoreAt(_ path: String) -> String {
        tr(
            en: "No biosched store at \(path). Create one with `biosched init --db \(path)` (add --demo for demo data).",
            es: "No hay ningún sistema de biosched en \(path). Cree uno con `biosched init --db \(path)` (agregue --demo para datos de prueba).")
    }
    public func storeNotRegularFile(_ path: String) -> String {
        tr(
            en: "\(path) is not a regular file (a FIFO, a device or a folder); a store is a SQLite file.",
            es: "\(path) no es un archivo normal (es un FIFO, un dispositivo o una carpeta); el sistema es un archivo SQLite.")
    }
    public func storeFileEmpty(_ path: String) -> String {
        tr(
            en: "\(path) is an empty file, not a biosched store; it was left as it is.",
            es: "\(path) es un archivo vacío, no un sistema de biosched; se dejó como estaba.")
    }
    public func storeNotSQLiteLeft(_ path: String) -> String {
        tr(
            en: "\(path) is not a SQLite database (and so not a biosched store); it was left as it is.",
            es: "\(path) no es una base de datos SQLite (y por tanto no es un sistema de biosched); se dejó como estaba.")
    }
    public func storeNotSQLite(_ path: String) -> String {
        tr(
            en: "\(path) is not a SQLite database (and so not a biosched store).",
            es: "\(path) no es una base de datos SQLite (y por tanto no es un sistema de biosched).")
    }
    public func storeWrongAppLeft(_ path: String) -> String {
        tr(
            en:
                "\(path) is a SQLite database but not a biosched store (wrong application id); it was left as it is. Point --db at a store made by `biosched init`.",
            es:
                "\(path) es una base de datos SQLite pero no un sistema de biosched (identificador de aplicación equivocado); se dejó como estaba. Indique con --db un sistema hecho con `biosched init`."
        )
    }
    public func storeWrongApp(_ path: String) -> String {
        tr(
            en: "\(path) is a SQLite database but not a biosched store (wrong application id). Point --db at a store made by `biosched init`.",
            es:
                "\(path) es una base de datos SQLite pero no un sistema de biosched (identificador de aplicación equivocado). Indique con --db un sistema hecho con `biosched init`."
        )
    }
    public func storeNeedsMigration(_ path: String) -> String {
        tr(
            en: "\(path) was made by an older biosched and needs its schema brought up to date, but it is read-only here; open it once as the store's owner.",
            es:
                "\(path) se hizo con un biosched anterior y su esquema necesita ponerse al día, pero aquí es de solo lectura; ábralo una vez como dueño del sistema."
        )
    }
    public func storeCannotOpen(_ path: String, _ why: String) -> String { tr(en: "Cannot open \(path): \(why)", es: "No se puede abrir \(path): \(why)") }
    public var storePathControl: String {
        tr(
            en: "The store path holds a line break or NUL byte; choose a plain path.",
            es: "La ruta del sistema tiene un salto de línea o un byte NUL; elija una ruta simple.")
    }
    public func noGroup(_ group: String) -> String { tr(en: "No group \"\(group)\" on this machine.", es: "No hay ningún grupo «\(group)» en esta máquina.") }
    public func storeFileExists(_ path: String) -> String {
        tr(
            en: "\(path) already exists; biosched never overwrites or removes a file it did not create. Choose another --db.",
            es: "\(path) ya existe; biosched nunca sobrescribe ni borra un archivo que no creó. Elija otro --db.")
    }
    public func storeStillBeingCreated(_ path: String, _ seconds: Int, _ hidden: String) -> String {
        tr(
            en: "another biosched has been creating the store at \(path) for \(seconds) seconds and has not finished; nothing was made. "
                + "Try again later, or stop that process (its file beside the store is \(hidden)).",
            es: "otro biosched lleva \(seconds) segundos creando el sistema en \(path) y no ha terminado; no se creó nada. "
                + "Inténtelo más tarde o detenga ese proceso (su archivo junto al sistema es \(hidden)).")
    }
    public func cannotCreateFolder(_ dir: String, _ why: String) -> String {
        tr(en: "Cannot create the folder \(dir): \(why).", es: "No se puede crear la carpeta \(dir): \(why).")
    }
    public func cannotCreateFile(_ path: String, _ why: String) -> String { tr(en: "Cannot create \(path): \(why).", es: "No se puede crear \(path): \(why).") }

    // Staff.
    public func notALogin(_ user: String) -> String {
        let shape = loginShape
        return tr(en: "\"\(user)\" is not a login name; expected \(shape).", es: "«\(user)» no es un nombre de usuario; se espera \(shape).")
    }
    public func alreadyStaff(_ user: String, _ role: String) -> String {
        tr(
            en: "\(user) is already a staff user (\(role)); remove them first to change the role.",
            es: "\(user) ya es usuario del personal (\(role)); quítelo primero para cambiar su papel.")
    }
    public func notAStaffUser(_ user: String) -> String { tr(en: "\(user) is not a staff user.", es: "\(user) no es usuario del personal.") }
    public func lastOfficer(_ user: String) -> String {
        tr(
            en: "\(user) is the last officer; add another officer before removing them.",
            es: "\(user) es el último oficial; agregue otro oficial antes de quitarlo.")
    }

    // Keys and G-28s.
    public func keyInUse(by holder: String?) -> String {
        if let holder {
            return tr(
                en: "This key is already in use by \(holder); a key maps to one person only.",
                es: "Esta llave ya la usa \(holder); una llave corresponde a una sola persona.")
        }
        return tr(en: "This key is already in use; a key maps to one person only.", es: "Esta llave ya está en uso; una llave corresponde a una sola persona.")
    }
    public func noAccountInStore(_ account: String) -> String {
        tr(en: "No account \"\(account)\" in this store.", es: "No hay ninguna cuenta «\(account)» en este sistema.")
    }
    public func noCaseInStore(_ receipt: String) -> String { tr(en: "No case \(receipt) in this store.", es: "No hay ningún caso \(receipt) en este sistema.") }
    public func notRepresentativeG28(_ account: String, _ role: String) -> String {
        tr(
            en: "Account \"\(account)\" is an \(role), not a representative: a G-28 names an attorney or accredited representative.",
            es: "La cuenta «\(account)» es de \(role), no de representante: un G-28 nombra a un abogado o a un representante acreditado.")
    }

    // Backups, the sandbox, the outbox.
    public func backupExists(_ path: String) -> String {
        tr(
            en: "\(path) already exists; a backup never replaces a file. Name a new file (e.g. with the date in it).",
            es: "\(path) ya existe; una copia de seguridad nunca reemplaza un archivo. Indique un archivo nuevo (por ejemplo, con la fecha en el nombre).")
    }
    public func snapshotExists(_ path: String) -> String {
        tr(en: "\(path) already exists; a snapshot never overwrites a file.", es: "\(path) ya existe; una copia del sistema nunca sobrescribe un archivo.")
    }
    public func onlySandboxReset(_ path: String) -> String {
        tr(
            en: "\(path) is a production store: only a training sandbox is ever reset.",
            es: "\(path) es un sistema real: solo se reinicia un sistema de práctica.")
    }
    public func onlySandboxKeepsFirstState(_ location: String) -> String {
        tr(
            en: "\(location) is a production store: only a training sandbox keeps a first state to reset to.",
            es: "\(location) es un sistema real: solo un sistema de práctica guarda un estado inicial al que volver.")
    }
    public func sandboxFirstStateGone(_ schema: String, _ location: String) -> String {
        tr(
            en: "The sandbox's first state (\(schema)) is gone from \(location); nothing was reset. Start biosched demo again.",
            es: "El estado inicial de la práctica (\(schema)) ya no está en \(location); no se reinició nada. Vuelva a iniciar biosched demo.")
    }
    public func notAFirstState(_ name: String) -> String {
        tr(en: "\(name) is not a sandbox's first state.", es: "\(name) no es el estado inicial de una práctica.")
    }
    public func databaseNotUTF8(_ encoding: String) -> String {
        tr(
            en: "The database is encoded \(encoding); biosched needs UTF8 (createdb -E UTF8 -T template0 NAME).",
            es: "La base de datos usa la codificación \(encoding); biosched necesita UTF8 (createdb -E UTF8 -T template0 NOMBRE).")
    }
    public func backupDidNotCheck(_ integrity: String, _ tables: String?, _ path: String) -> String {
        if let tables {
            return tr(
                en: "the copy did not check out (integrity: \(integrity); counts differ in \(tables)); nothing was written to \(path)",
                es: "la copia no pasó la revisión (integridad: \(integrity); los totales difieren en \(tables)); no se escribió nada en \(path)")
        }
        return tr(
            en: "the copy did not check out (integrity: \(integrity)); nothing was written to \(path)",
            es: "la copia no pasó la revisión (integridad: \(integrity)); no se escribió nada en \(path)")
    }
    public func backupCouldNotCreate(_ path: String, _ why: String) -> String {
        tr(en: "could not create \(path): \(why)", es: "no se pudo crear \(path): \(why)")
    }
    public func noOutboxMessage(_ id: Int64) -> String {
        tr(
            en: "No outbox message \(id). `biosched outbox` lists them.",
            es: "No hay ningún mensaje \(id) en la bandeja de salida. `biosched outbox` los muestra.")
    }
    public func outboxNotFailed(_ id: Int64, _ status: String) -> String {
        tr(
            en: "Outbox message \(id) is \(status), not failed; only failed messages are retried.",
            es: "El mensaje \(id) de la bandeja de salida está en estado \(status), no failed; solo se reintentan los mensajes fallidos.")
    }
    public func badReminderDays(_ text: String) -> String {
        tr(
            en: "The setting reminder_days is \"\(text)\"; expected whole days from 1 to 366, e.g. 7,1.",
            es: "El ajuste reminder_days es «\(text)»; se esperan días enteros de 1 a 366, por ejemplo 7,1.")
    }
}

/// What the store was doing when the database failed, for the message's head (`reading PATH: ...`).
public enum StoreStep: Sendable, Hashable {
    case reading(String), migrating(String), lookingUpKey(String), checking(String), backingUp(String)
    case copying(String, to: String), restoring(String, from: String), importing
}

extension Catalog {
    public func storeStep(_ step: StoreStep) -> String {
        switch step {
        case let .reading(p): tr(en: "reading \(p)", es: "al leer \(p)")
        case let .migrating(p): tr(en: "migrating \(p)", es: "al poner al día \(p)")
        case let .lookingUpKey(p): tr(en: "looking up a key in \(p)", es: "al buscar una llave en \(p)")
        case let .checking(p): tr(en: "checking \(p)", es: "al revisar \(p)")
        case let .backingUp(p): tr(en: "backing up \(p)", es: "al copiar \(p)")
        case let .copying(a, b): tr(en: "copying \(a) to \(b)", es: "al copiar \(a) en \(b)")
        case let .restoring(a, b): tr(en: "restoring \(a) from \(b)", es: "al restaurar \(a) desde \(b)")
        case .importing: tr(en: "import", es: "importación")
        }
    }
    public func lockedAtOpen(_ path: String) -> String {
        tr(
            en: "another process held the write lock while \(path) was opened. Try again.",
            es: "otro proceso tenía el bloqueo de escritura mientras se abría \(path). Inténtelo otra vez.")
    }
    public var lockedTooLong: String {
        tr(
            en: "another process held the write lock too long. Try again.",
            es: "otro proceso tuvo el bloqueo de escritura demasiado tiempo. Inténtelo otra vez.")
    }
    public func serializationRetries(_ n: Int) -> String {
        tr(
            en: "other transactions kept getting in the way (tried \(n) times). Try again.",
            es: "otras transacciones se cruzaron una y otra vez (se intentó \(n) veces). Inténtelo otra vez.")
    }
    public var rowLockedTooLong: String {
        tr(
            en: "another transaction held a row this one needed for too long. Try again.",
            es: "otra transacción tuvo demasiado tiempo una fila que esta necesitaba. Inténtelo otra vez.")
    }
    public func storeNotUsable(_ detail: String) -> String {
        tr(en: "the file is not a usable biosched store (\(detail)).", es: "el archivo no es un sistema de biosched utilizable (\(detail)).")
    }
    public var storeReadOnly: String {
        tr(
            en: "the store is read-only here: it answers questions, but nothing can be changed through this login.",
            es: "aquí el sistema es de solo lectura: responde consultas, pero con este usuario no se puede cambiar nada.")
    }
    public var storeCannotReadWrite: String { tr(en: "cannot read or write the store", es: "no se puede leer ni escribir el sistema") }
}
