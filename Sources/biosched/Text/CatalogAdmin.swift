import Foundation
import Scheduling

/// The command line's staff and operator commands: `access`, `audit`, `backup`, `centers close`,
/// `enroll`, `find`, `import`, `init`, `mailer`, `outbox`, `reminders`, `store copy`, `tui`,
/// `users`. Receipts, codes, ids, paths and JSON stay as they are; `--help` stays English.
extension Catalog {
    // What only officers (or staff) may do: completes `onlyOfficers` / `onlyStaffTo`.
    public var purposeManageAccess: String { tr(en: "manage SSH access", es: "gestionar el acceso SSH") }
    public var purposeRevokeKeys: String { tr(en: "revoke SSH keys", es: "revocar llaves SSH") }
    public var purposeIssueCodes: String { tr(en: "issue enrollment codes", es: "emitir códigos de inscripción") }
    public var purposeAcceptG28: String { tr(en: "accept a Form G-28", es: "aceptar un Formulario G-28") }
    public var purposeImport: String { tr(en: "import data", es: "importar datos") }
    public var purposeCloseCenters: String { tr(en: "close centers", es: "cerrar centros") }
    public var purposeBackups: String { tr(en: "make backups", es: "hacer copias de seguridad") }
    public var purposeManageUsers: String { tr(en: "manage staff users", es: "gestionar los usuarios del personal") }
    public var purposeReview: String { tr(en: "review escalated requests", es: "revisar las solicitudes enviadas a un oficial") }

    /// `only agents and officers WHAT.`
    public func onlyStaffTo(_ what: String) -> String {
        tr(en: "only agents and officers \(what).", es: "solo los agentes y los oficiales pueden hacerlo: \(what).")
    }

    // access
    public var noGatewayUser: String {
        tr(
            en: "No gateway user in this store: add the SSH service account with `biosched users add NAME --role gateway`, or name the file with --file.",
            es:
                "Este sistema no tiene cuenta de acceso: agregue la cuenta de servicio SSH con `biosched users add NOMBRE --role gateway`, o indique el archivo con --file."
        )
    }
    public func gatewayNotLocal(_ user: String) -> String {
        tr(
            en: "The gateway user \(user) is not a local user here; name the file with --file.",
            es: "La cuenta de acceso \(user) no es un usuario local de esta máquina; indique el archivo con --file.")
    }
    public func nameWhoseKeys(_ verb: KeyVerb) -> String {
        switch verb {
        case .add:
            tr(
                en: "Name whose keys to add: --account ID (an applicant or representative) or --staff LOGIN.",
                es: "Indique de quién son las llaves que quiere agregar: --account ID (un solicitante o representante) o --staff USUARIO.")
        case .remove:
            tr(
                en: "Name whose keys to remove: --account ID (an applicant or representative) or --staff LOGIN.",
                es: "Indique de quién son las llaves que quiere quitar: --account ID (un solicitante o representante) o --staff USUARIO.")
        case .list:
            tr(
                en: "Name whose keys to list: --account ID (an applicant or representative) or --staff LOGIN.",
                es: "Indique de quién son las llaves que quiere ver: --account ID (un solicitante o representante) o --staff USUARIO.")
        }
    }
    public var accountOrStaff: String { tr(en: "Give --account or --staff, not both.", es: "Indique --account o --staff, no los dos.") }
    public func badAccountFlag(_ flag: String, _ a: String) -> String {
        let shape = accountShape
        return tr(en: "\(flag) \"\(a)\" is not an account id; expected \(shape).", es: "\(flag) «\(a)» no es un identificador de cuenta; se espera \(shape).")
    }
    public func badStaffFlag(_ u: String) -> String {
        let shape = loginShape
        return tr(en: "--staff \"\(u)\" is not a login name; expected \(shape).", es: "--staff «\(u)» no es un nombre de usuario; se espera \(shape).")
    }
    public func noAccountImportFirst(_ a: String) -> String {
        tr(
            en: "No account \"\(a)\" in this store; import it first (biosched import).",
            es: "No hay ninguna cuenta «\(a)» en este sistema; impórtela primero (biosched import).")
    }
    public func notStaffAddFirst(_ login: String) -> String {
        tr(
            en: "\(login) is not an agent or officer of this store; add them first (biosched users add \(login) --role agent).",
            es: "\(login) no es agente ni oficial de este sistema; agréguelo primero (biosched users add \(login) --role agent).")
    }
    public func keyAddedFor(_ type: String, _ fingerprint: String, _ holder: String) -> String {
        tr(en: "Added \(type) key \(fingerprint) for \(holder).", es: "Se agregó la llave \(type) \(fingerprint) para \(holder).")
    }
    public func noKeyInForce(_ holder: String, matching: String?) -> String {
        if let m = matching {
            return tr(en: "No key in force for \(holder) matching \(m).", es: "No hay ninguna llave vigente de \(holder) que coincida con \(m).")
        }
        return tr(en: "No key in force for \(holder).", es: "No hay ninguna llave vigente de \(holder).")
    }
    public func keysRevokedOf(_ n: Int, _ holder: String) -> String {
        n == 1
            ? tr(
                en: "Revoked 1 key of \(holder); the next login with it is refused.",
                es: "Se revocó 1 llave de \(holder); el próximo inicio de sesión con ella se rechazará.")
            : tr(
                en: "Revoked \(n) keys of \(holder); the next login with them is refused.",
                es: "Se revocaron \(n) llaves de \(holder); el próximo inicio de sesión con ellas se rechazará.")
    }
    public var noKeysInForce: String { tr(en: "No keys in force.", es: "No hay llaves vigentes.") }
    public func keyRow(_ holder: String, _ type: String, _ fingerprint: String, _ at: String, _ how: String, _ comment: String) -> String {
        tr(
            en: "\(holder)\t\(type) \(fingerprint)\tadded \(at) (\(how))\t\(comment)",
            es: "\(holder)\t\(type) \(fingerprint)\tagregada \(at) (\(how))\t\(comment)")
    }
    public func keysWritten(_ n: Int, _ path: String) -> String {
        n == 1
            ? tr(en: "Wrote 1 key to \(path).", es: "Se escribió 1 llave en \(path).")
            : tr(en: "Wrote \(n) keys to \(path).", es: "Se escribieron \(n) llaves en \(path).")
    }
    public func cannotReadKeyFile(_ path: String) -> String {
        tr(en: "Cannot read the key file \(path).", es: "No se puede leer el archivo de la llave \(path).")
    }
    public func keyFileTooBig(_ path: String, _ size: Int) -> String {
        tr(
            en: "\(path) is \(size) bytes; a public key file is one line of at most 16 KiB.",
            es: "\(path) tiene \(size) bytes; un archivo de llave pública es una línea de 16 KiB como máximo.")
    }
    public func noKeyAdmitted(_ why: String) -> String {
        tr(en: "biosched authorized-keys: no key admitted: \(why)", es: "biosched authorized-keys: no se admitió ninguna llave: \(why)")
    }
    public func userNotServiceAccount(_ user: String, _ me: String) -> String {
        tr(
            en:
                "the user \(user) is not the service account this lookup runs as (\(me)); sshd's AuthorizedKeysCommandUser must be the account it is asked about",
            es:
                "el usuario \(user) no es la cuenta de servicio con la que corre esta consulta (\(me)); el AuthorizedKeysCommandUser de sshd debe ser la cuenta por la que se pregunta"
        )
    }
    public func userNotLogin(_ user: String) -> String {
        tr(en: "the user \(user) is not a login name", es: "el usuario \(user) no es un nombre de usuario válido")
    }

    // audit
    public var auditForStaff: String { tr(en: "the audit log is for staff.", es: "el registro de auditoría es solo para el personal.") }
    public var noAuditEvents: String { tr(en: "No audit events.", es: "No hay eventos de auditoría.") }
    public func auditBroken(_ id: Int64, _ problem: String, _ rows: Int) -> String {
        tr(
            en: "The audit log is broken at row \(id): \(problem). The \(rows) rows before it link up.",
            es: "El registro de auditoría está roto en la fila \(id): \(problem). Las \(rows) filas anteriores están bien enlazadas.")
    }
    public func auditIntact(_ rows: Int) -> String {
        tr(
            en: "The audit log is intact: \(rows) rows, each chained to the one before.",
            es: "El registro de auditoría está intacto: \(rows) filas, cada una enlazada con la anterior.")
    }

    // backup
    public func backupNameControl(_ name: String) -> String {
        tr(
            en: "The backup file name holds control characters (\(name)); choose a plain path.",
            es: "El nombre del archivo de copia tiene caracteres de control (\(name)); elija una ruta simple.")
    }
    public func backupReport(checked: Bool, _ path: String, _ integrity: String, auditIntact: Bool) -> String {
        let audit =
            auditIntact
            ? tr(en: "intact", es: "intacta")
            : tr(
                en: "BROKEN (the store's log was altered; `biosched audit verify` names the row)",
                es: "ROTA (el registro del sistema fue alterado; `biosched audit verify` indica la fila)")
        return checked
            ? tr(
                en: "Checked \(path): integrity \(integrity), audit chain \(audit).",
                es: "Revisado \(path): integridad \(integrity), cadena de auditoría \(audit).")
            : tr(
                en: "Backed up to \(path): integrity \(integrity), audit chain \(audit).",
                es: "Copia hecha en \(path): integridad \(integrity), cadena de auditoría \(audit).")
    }
    public func backupBad(_ path: String) -> String {
        tr(en: "\(path) does not check out: do not restore from it.", es: "\(path) no pasa la revisión: no restaure desde esta copia.")
    }

    // centers close
    public func notADateExample(_ text: String) -> String {
        tr(
            en: "\"\(text)\" is not a date; expected YYYY-MM-DD, e.g. 2026-12-24.",
            es: "«\(text)» no es una fecha; se espera AAAA-MM-DD, por ejemplo 2026-12-24.")
    }
    public var closureReasonTooLong: String {
        tr(en: "--reason must be at most 500 characters of plain text.", es: "--reason debe tener como máximo 500 caracteres de texto simple.")
    }
    public func centerClosed(_ name: String, _ code: String, _ day: String, already: Bool, _ n: Int) -> String {
        let head =
            already
            ? tr(en: "\(name) [\(code)] is closed on \(day) (it already was).", es: "\(name) [\(code)] está cerrado el \(day) (ya lo estaba).")
            : tr(en: "\(name) [\(code)] is closed on \(day).", es: "\(name) [\(code)] está cerrado el \(day).")
        let tail =
            n == 1
            ? tr(en: "1 appointment was scheduled that day.", es: "Había 1 cita programada ese día.")
            : tr(en: "\(n) appointments were scheduled that day.", es: "Había \(n) citas programadas ese día.")
        return head + " " + tail
    }
    public var closureNotMoved: String { tr(en: "NOT MOVED: no free slot in the window", es: "NO SE MOVIÓ: no hay ningún horario libre en el periodo") }
    public var closureStillScheduled: String {
        tr(
            en: "still scheduled: rebook with --rebook, or one by one (never counted as the caller's)",
            es: "sigue programada: muévala con --rebook, o una por una (nunca cuenta como cambio de la persona)")
    }
    public func closureMovedTo(_ when: String, _ center: String) -> String { tr(en: "-> \(when) at \(center)", es: "-> \(when) en \(center)") }
    public func closureRebooked(_ rebooked: Int, _ stranded: Int) -> String {
        tr(
            en:
                "Rebooked \(rebooked); \(stranded) could not be moved. Agency rebookings do not count toward the two reschedules; each has a new notice and a message.",
            es:
                "Citas movidas: \(rebooked); no se pudieron mover: \(stranded). Los cambios hechos por la agencia no cuentan para los dos cambios permitidos; cada uno tiene un aviso nuevo y un mensaje."
        )
    }

    // enroll
    public var enrollNoKey: String {
        tr(
            en:
                "biosched enrollment: this connection did not say which key it used, so no key can be linked. (The host needs ExposeAuthInfo yes; see docs/deployment.md.)",
            es:
                "Inscripción de biosched: esta conexión no indicó qué llave usó, así que no se puede vincular ninguna llave. (El servidor necesita ExposeAuthInfo yes; vea docs/deployment.md.)"
        )
    }
    public func enrollUnavailable(_ phone: String) -> String {
        tr(
            en: "Enrollment is not available right now; please try again later or call the Contact Center at \(phone).",
            es: "La inscripción no está disponible en este momento; por favor, inténtelo más tarde o llame al Centro de Contacto al \(phone).")
    }
    public var nowOnProductionStore: String { tr(en: "--now is refused: this is a production store.", es: "Se rechaza --now: este es un sistema real.") }
    public func enrollIntro(_ fingerprint: String) -> String {
        tr(
            en: "biosched enrollment. This links the key you connected with (\(fingerprint)) to your account.",
            es: "Inscripción de biosched. Aquí se vincula la llave con la que se conectó (\(fingerprint)) a su cuenta.")
    }
    public var enrollNeeds: String {
        tr(
            en: "You need the receipt number and the enrollment code printed on your appointment notice.",
            es: "Necesita el número de recibo y el código de inscripción impresos en su aviso de cita.")
    }
    public var enrollReceiptPrompt: String { tr(en: "Receipt number: ", es: "Número de recibo: ") }
    public var enrollCodePrompt: String { tr(en: "Enrollment code: ", es: "Código de inscripción: ") }
    public func enrollNotReceipt(_ why: String) -> String { tr(en: "That is not a receipt number: \(why)", es: "Eso no es un número de recibo: \(why)") }
    public func enrollUnavailableBecause(_ why: String) -> String {
        tr(
            en: "Enrollment is not available right now (\(why)); please try again later.",
            es: "La inscripción no está disponible en este momento (\(why)); por favor, inténtelo más tarde.")
    }
    /// `door`: the store's enrollment door; with a host set, the command to connect again.
    public func enrollDone(_ account: String, _ door: EnrollmentDoor = EnrollmentDoor()) -> String {
        guard let command = door.command else {
            return tr(
                en: "Done: your key is linked to your account (\(account)). Connect again to the biosched host to see your cases.",
                es: "Listo: su llave está vinculada a su cuenta (\(account)). Vuelva a conectarse al servidor de biosched para ver sus casos.")
        }
        return tr(
            en: "Done: your key is linked to your account (\(account)). Connect again (\(command)) to see your cases.",
            es: "Listo: su llave está vinculada a su cuenta (\(account)). Vuelva a conectarse (\(command)) para ver sus casos.")
    }
    public func enrollNoMatch(_ example: String, _ left: Int) -> String {
        left == 1
            ? tr(
                en:
                    "That receipt number and code do not match an unused enrollment code. Check both on your appointment notice (the code looks like \(example)); 1 try left this hour.",
                es:
                    "Ese número de recibo y ese código no coinciden con un código de inscripción sin usar. Revise los dos en su aviso de cita (el código se parece a \(example)); le queda 1 intento en esta hora."
            )
            : tr(
                en:
                    "That receipt number and code do not match an unused enrollment code. Check both on your appointment notice (the code looks like \(example)); \(left) tries left this hour.",
                es:
                    "Ese número de recibo y ese código no coinciden con un código de inscripción sin usar. Revise los dos en su aviso de cita (el código se parece a \(example)); le quedan \(left) intentos en esta hora."
            )
    }
    public func enrollExpired(_ days: Int, _ phone: String) -> String {
        tr(
            en: "This enrollment code has expired (codes are valid \(days) days). Call the Contact Center at \(phone) for a new one.",
            es: "Este código de inscripción ha vencido (los códigos valen \(days) días). Llame al Centro de Contacto al \(phone) para pedir uno nuevo.")
    }
    public func enrollUsed(_ phone: String) -> String {
        tr(
            en: "This enrollment code was already used. If that was not you, call the Contact Center at \(phone).",
            es: "Este código de inscripción ya se usó. Si no fue usted, llame al Centro de Contacto al \(phone).")
    }
    public var enrollKeyTaken: String {
        tr(
            en: "The key you connected with is already linked to an account. Connect to the biosched host directly, or use another key.",
            es: "La llave con la que se conectó ya está vinculada a una cuenta. Conéctese directamente al servidor de biosched, o use otra llave.")
    }
    public func enrollPaused(_ until: String, _ phone: String) -> String {
        tr(
            en:
                "Too many wrong tries for this receipt number from your network: until \(until) a wrong code gets only this answer (the right code still works). Or call the Contact Center at \(phone).",
            es:
                "Demasiados intentos fallidos para este número de recibo desde su red: hasta \(until) un código incorrecto solo recibe esta respuesta (el código correcto sigue funcionando). O llame al Centro de Contacto al \(phone)."
        )
    }

    /// A line past the bound of a line read from a person or a peer: the session ends.
    public func lineTooLong(_ limit: Int) -> String {
        tr(
            en: "That line is longer than \(limit) characters, far more than this session needs: the session ends.",
            es: "Esa línea tiene más de \(limit) caracteres, mucho más de lo que esta sesión necesita: la sesión termina.")
    }
    /// Nothing (useful) arrived in time: the session ends.
    public func inputTimedOut(_ seconds: Int) -> String {
        tr(
            en: "Nothing was typed for \(seconds) seconds (or the session's time ran out): the session ends. Connect again when you have your notice at hand.",
            es:
                "No se escribió nada en \(seconds) segundos (o se acabó el tiempo de la sesión): la sesión termina. Vuelva a conectarse cuando tenga su aviso a mano."
        )
    }
    public func badEnrollTimeout(_ flag: String) -> String {
        tr(en: "\(flag): expected a whole number of seconds from 1 to 3600.", es: "\(flag): se espera un número entero de segundos de 1 a 3600.")
    }

    // find
    public func badFindLimit(_ n: Int) -> String {
        tr(en: "--limit \(n): expected a number from 1 to 200.", es: "--limit \(n): se espera un número de 1 a 200.")
    }
    public var findOnlyStaff: String {
        tr(
            en: "only contact-center staff search for callers; your own cases are listed by `biosched summary`.",
            es: "solo el personal del Centro de Contacto busca a las personas; sus propios casos aparecen con `biosched summary`.")
    }
    /// What a search was taken for, as a person reads it (`CallerQuery.kind` stays for JSON and the audit log).
    public func searchKind(_ q: CallerQuery) -> String {
        switch q {
        case .receipt: tr(en: "receipt", es: "número de recibo")
        case .aNumber: tr(en: "A-number", es: "número A")
        case .email: tr(en: "email", es: "correo electrónico")
        case .phone: tr(en: "phone", es: "teléfono")
        case let .name(_, dateOfBirth: dob): dob == nil ? tr(en: "name", es: "nombre") : tr(en: "name and date of birth", es: "nombre y fecha de nacimiento")
        }
    }
    public func findNoMatch(_ text: String, _ kind: String) -> String {
        tr(
            en: "No case matches \"\(text)\" (\(kind)). Check the spelling, or try a surname, an A-number, a phone or an email.",
            es:
                "Ningún caso coincide con «\(text)» (\(kind)). Revise cómo se escribe, o pruebe con un apellido, un número A, un teléfono o un correo electrónico."
        )
    }
    public func findRow(_ receipt: String, _ name: String, _ born: String?, _ form: String, _ next: String?) -> String {
        let b = born ?? tr(en: "unknown", es: "desconocida")
        let n = next ?? tr(en: "no appointment scheduled", es: "sin cita programada")
        return tr(en: "\(receipt)  \(name)  born \(b)  \(form)  \(n)", es: "\(receipt)  \(name)  nacimiento \(b)  \(form)  \(n)")
    }
    public func findMore(_ n: Int, _ query: CallerQuery? = nil) -> String {
        tr(en: "More than \(n) match; the first \(n) are listed.", es: "Coinciden más de \(n); se muestran los primeros \(n).") + " " + narrowHint(query)
    }
    public func findCount(_ n: Int) -> String {
        n == 1 ? tr(en: "1 case matches.", es: "Coincide 1 caso.") : tr(en: "\(n) cases match.", es: "Coinciden \(n) casos.")
    }

    // import
    public func importTooBig(_ file: String, _ mib: Int, _ max: Int) -> String {
        tr(
            en:
                "Import refused, nothing was written. \(file) is \(mib) MiB; at most \(max) MiB are taken at once (split it into several files, each loaded all or nothing).",
            es:
                "Importación rechazada, no se escribió nada. \(file) tiene \(mib) MiB; se aceptan como máximo \(max) MiB a la vez (divídalo en varios archivos; cada uno se carga entero o no se carga)."
        )
    }
    public func importCannotRead(_ file: String) -> String {
        tr(en: "Cannot read \(file): no such file, or not readable.", es: "No se puede leer \(file): el archivo no existe o no se puede leer.")
    }
    /// R17: `import` added or kept a closure on a day with appointments still scheduled.
    public func importClosedDay(_ name: String, _ code: String, _ day: String, _ n: Int) -> String {
        n == 1
            ? tr(
                en: "\(name) [\(code)] is closed on \(day); 1 appointment is still scheduled that day and must be moved:",
                es: "\(name) [\(code)] está cerrado el \(day); 1 cita sigue programada ese día y hay que cambiarla:")
            : tr(
                en: "\(name) [\(code)] is closed on \(day); \(n) appointments are still scheduled that day and must be moved:",
                es: "\(name) [\(code)] está cerrado el \(day); \(n) citas siguen programadas ese día y hay que cambiarlas:")
    }
    public func importRebookWith(_ code: String, _ day: String) -> String {
        tr(en: "Move them all with: biosched centers close \(code) \(day) --rebook", es: "Para moverlas todas: biosched centers close \(code) \(day) --rebook")
    }
    public func imported(_ centers: Int, _ accounts: Int, _ cases: Int, _ appointments: Int) -> String {
        tr(
            en: "Imported \(centers) centers, \(accounts) accounts, \(cases) cases, \(appointments) appointments.",
            es: "Se importaron \(centers) centros, \(accounts) cuentas, \(cases) casos y \(appointments) citas.")
    }

    // init
    public var nowOnlyTraining: String {
        tr(
            en: "--now is refused: only training stores (--training or --demo) take a fixed clock.",
            es: "Se rechaza --now: solo los sistemas de práctica (--training o --demo) aceptan un reloj fijo.")
    }
    public var badWindow: String {
        let lead = SlotWindow.leadHoursRange, horizon = SlotWindow.horizonDaysRange
        return tr(
            en: "--lead-hours must be \(lead.lowerBound) to \(lead.upperBound) and --horizon-days \(horizon.lowerBound) to \(horizon.upperBound).",
            es: "--lead-hours debe ser de \(lead.lowerBound) a \(lead.upperBound) y --horizon-days de \(horizon.lowerBound) a \(horizon.upperBound).")
    }
    public func storeCreated(training: Bool, _ path: String, demoSeed: UInt64?, _ user: String) -> String {
        switch (training, demoSeed) {
        case let (true, seed?):
            return tr(
                en: "Created a training store at \(path) with demo data (seed \(seed)). \(user) is its first officer.",
                es: "Se creó un sistema de práctica en \(path) con datos de prueba (semilla \(seed)). \(user) es su primer oficial.")
        case (true, nil):
            return tr(
                en: "Created a training store at \(path). \(user) is its first officer.",
                es: "Se creó un sistema de práctica en \(path). \(user) es su primer oficial.")
        case let (false, seed?):
            return tr(
                en: "Created a production store at \(path) with demo data (seed \(seed)). \(user) is its first officer.",
                es: "Se creó un sistema real en \(path) con datos de prueba (semilla \(seed)). \(user) es su primer oficial.")
        case (false, nil):
            return tr(
                en: "Created a production store at \(path). \(user) is its first officer.",
                es: "Se creó un sistema real en \(path). \(user) es su primer oficial.")
        }
    }
    public var groupNotOnPostgres: String {
        tr(
            en: "--group is for store files; on PostgreSQL, roles and GRANTs say who may use the store (docs/deployment.md).",
            es: "--group es para archivos del sistema; en PostgreSQL, los roles y los GRANT dicen quién puede usar el sistema (docs/deployment.md).")
    }
    public func creatingDemoStore(_ path: String) -> String {
        tr(en: "Creating a training store with demo data at \(path) ...", es: "Creando un sistema de práctica con datos de prueba en \(path) ...")
    }

    public func waitingForDemoStore(_ path: String) -> String {
        tr(
            en: "Another biosched is creating the store at \(path) right now: waiting for it to finish ...",
            es: "Otro biosched está creando el sistema en \(path) en este momento: esperando a que termine ...")
    }

    // mailer, outbox, reminders
    public var onceAndFollow: String { tr(en: "--once and --follow exclude each other.", es: "--once y --follow no van juntos.") }
    public var badMailerTimes: String {
        tr(
            en: "--timeout must be at least 1, --lease at least --timeout + 30, --interval at least 1 (seconds).",
            es: "--timeout debe ser al menos 1, --lease al menos --timeout + 30, --interval al menos 1 (segundos).")
    }
    public var mailerOnlyStaff: String {
        tr(en: "the mailer runs as a staff user (agent or officer).", es: "el envío de correo lo ejecuta un usuario del personal (agente u oficial).")
    }
    public func notExecutable(_ flag: String, _ path: String) -> String {
        tr(en: "\(flag) \(path) is not an executable program.", es: "\(flag) \(path) no es un programa ejecutable.")
    }
    public var smsCommandAbsolute: String {
        tr(
            en: "--sms-command must start with the absolute path of an executable program (it is run without a shell).",
            es: "--sms-command debe empezar con la ruta absoluta de un programa ejecutable (se ejecuta sin shell).")
    }
    public func badFromAddress(_ text: String) -> String {
        tr(
            en: "The From address \"\(text)\" is not \"Name <address>\" with a valid email address.",
            es: "La dirección del remitente «\(text)» no tiene la forma \"Nombre <dirección>\" con una dirección de correo electrónico válida.")
    }
    public func mailerSummary(_ sent: Int, _ retrying: Int, _ failed: Int, _ skipped: Int) -> String {
        tr(
            en: "Mailer: \(sent) sent, \(retrying) to retry, \(failed) failed, \(skipped) skipped.",
            es: "Envío: \(sent) enviados, \(retrying) por reintentar, \(failed) fallidos, \(skipped) omitidos.")
    }
    public var outboxForStaff: String { tr(en: "the outbox is for staff.", es: "la bandeja de salida es solo para el personal.") }
    public func badOutboxStatus(_ s: String) -> String {
        tr(
            en: "--status \"\(s)\": expected pending, sent, failed or skipped (and not another than --failed).",
            es: "--status «\(s)»: se espera pending, sent, failed o skipped (y no otro distinto de --failed).")
    }
    public var limitAtLeastOne: String { tr(en: "--limit must be at least 1.", es: "--limit debe ser al menos 1.") }
    public func noOutboxMessages(_ status: String?) -> String {
        if let status { return tr(en: "No \(status) outbox messages.", es: "No hay mensajes \(status) en la bandeja de salida.") }
        return tr(en: "No outbox messages.", es: "No hay mensajes en la bandeja de salida.")
    }
    /// `3 pending` / `3 pendientes` (the status is the code `--status` takes).
    public func outboxCount(_ n: Int, _ status: String) -> String {
        switch status {
        case "pending": return tr(en: "\(n) pending", es: n == 1 ? "1 pendiente" : "\(n) pendientes")
        case "sent": return tr(en: "\(n) sent", es: n == 1 ? "1 enviado" : "\(n) enviados")
        case "failed": return tr(en: "\(n) failed", es: n == 1 ? "1 fallido" : "\(n) fallidos")
        case "skipped": return tr(en: "\(n) skipped", es: n == 1 ? "1 omitido" : "\(n) omitidos")
        default: return "\(n) \(status)"
        }
    }
    public func outboxTries(_ n: Int) -> String { tr(en: "tries \(n)", es: "intentos \(n)") }
    public func outboxSent(_ at: String) -> String { tr(en: "sent \(at)", es: "enviado \(at)") }
    public func outboxClaimed(_ by: String, _ until: String) -> String { tr(en: "claimed by \(by) until \(until)", es: "tomado por \(by) hasta \(until)") }
    public func outboxNextTry(_ at: String) -> String { tr(en: "next try \(at)", es: "próximo intento \(at)") }
    public var retryIdsOrAll: String {
        tr(en: "Name the failed messages' ids, or --all (not both).", es: "Indique los identificadores de los mensajes fallidos, o --all (no las dos cosas).")
    }
    public var noFailedToRetry: String { tr(en: "No failed message to retry.", es: "No hay ningún mensaje fallido que reintentar.") }
    public func requeued(_ n: Int, _ ids: String) -> String {
        n == 1
            ? tr(en: "Re-queued 1 message: \(ids).", es: "Se volvió a poner en cola 1 mensaje: \(ids).")
            : tr(en: "Re-queued \(n) messages: \(ids).", es: "Se volvieron a poner en cola \(n) mensajes: \(ids).")
    }
    public var intervalAtLeastOne: String { tr(en: "--interval must be at least 1 second.", es: "--interval debe ser al menos 1 segundo.") }
    public var remindersOnlyStaff: String { tr(en: "reminders are run by a staff user.", es: "los recordatorios los ejecuta un usuario del personal.") }
    public func remindersQueued(_ days: String, _ n: Int) -> String {
        n == 1
            ? tr(en: "Reminders (\(days) before): 1 new message in the outbox.", es: "Recordatorios (\(days) antes): 1 mensaje nuevo en la bandeja de salida.")
            : tr(
                en: "Reminders (\(days) before): \(n) new messages in the outbox.",
                es: "Recordatorios (\(days) antes): \(n) mensajes nuevos en la bandeja de salida.")
    }

    // store copy
    public func notAStore(_ flag: String, _ v: String) -> String {
        tr(
            en: "\(flag) \"\(v)\" is not a store: expected a file path or a postgresql:// URL.",
            es: "\(flag) «\(v)» no es un sistema: se espera la ruta de un archivo o una URL postgresql://.")
    }
    public var storeCopyDirections: String {
        tr(
            en: "store copy moves a store from SQLite to PostgreSQL or back: one of --from and --to is a postgresql:// URL, the other a file.",
            es: "store copy pasa un sistema de SQLite a PostgreSQL o al revés: uno de --from y --to es una URL postgresql://, y el otro un archivo.")
    }
    public func storeCopied(_ rows: Int, _ from: String, _ to: String) -> String {
        tr(
            en: "Copied \(rows) rows from \(from) to \(to) in one transaction; every table's count matches, and the audit chain verifies:",
            es:
                "Se copiaron \(rows) filas de \(from) a \(to) en una sola transacción; los totales de cada tabla coinciden y la cadena de auditoría se verifica:"
        )
    }

    // tui
    public var badIdleTimeout: String {
        tr(en: "--idle-timeout must be 0 (never) or a number of seconds.", es: "--idle-timeout debe ser 0 (nunca) o un número de segundos.")
    }
    public var tuiNeedsTerminal: String {
        tr(
            en: "biosched tui needs a terminal (stdin and stdout must be a tty). Use the subcommands in scripts: biosched --help.",
            es: "biosched tui necesita una terminal (stdin y stdout deben ser una tty). En scripts, use los subcomandos: biosched --help.")
    }
    public func cannotStartUI(_ why: String) -> String {
        tr(en: "Cannot start the terminal UI: \(why)", es: "No se puede abrir la interfaz de terminal: \(why)")
    }
    public func sessionEnded(_ reason: String) -> String {
        tr(en: "biosched: ended (\(reason)); nothing was left half written.", es: "biosched: sesión terminada (\(reason)); no quedó nada a medio escribir.")
    }
    public func endedBecause(_ reason: String) -> String { tr(en: "biosched: ended (\(reason)).", es: "biosched: sesión terminada (\(reason)).") }

    // users
    public func badStaffRole(_ r: String) -> String {
        tr(en: "--role \"\(r)\": expected agent, officer or gateway.", es: "--role «\(r)»: se espera agent, officer o gateway.")
    }
    public func staffRoleWord(_ r: StaffRole) -> String {
        switch r {
        case .agent: tr(en: "agent", es: "agente")
        case .officer: tr(en: "officer", es: "oficial")
        case .gateway: tr(en: "gateway", es: "cuenta de acceso")
        }
    }
    public func userIsNow(_ user: String, _ r: StaffRole) -> String {
        let w = staffRoleWord(r)
        switch r {
        case .agent: return tr(en: "\(user) is now an \(w).", es: "\(user) ahora es \(w).")
        case .officer, .gateway: return tr(en: "\(user) is now a \(w).", es: "\(user) ahora es \(w).")
        }
    }
    public func userNoLongerStaff(_ user: String) -> String { tr(en: "\(user) is no longer staff.", es: "\(user) ya no es parte del personal.") }
    public func staffRow(_ user: String, _ role: StaffRole, _ at: String, _ by: String) -> String {
        let w = tr(en: role.rawValue, es: staffRoleWord(role))
        return tr(en: "\(user)\t\(w)\tadded \(at) by \(by)", es: "\(user)\t\(w)\tagregado \(at) por \(by)")
    }
}

/// What an `access` command does with keys, for its messages.
public enum KeyVerb: Sendable { case add, remove, list }
