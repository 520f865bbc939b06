import Foundation

/// Who may act as whom, accounts, logins, the enrollment door: the refusals of `ActingAs` and the
/// identity checks in the domain (the command line says some of them too; `enrollmentCodeIssued`
/// is said by `access enroll` and checked with the door's other texts in `EnrollmentDoorTests`).
extension Catalog {
    // Identifiers, said to a person.
    public var accountShape: String {
        tr(
            en: "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. maria.garcia)",
            es: "de 1 a 64 letras, dígitos, '.', '_' o '-', empezando por una letra o un dígito (por ejemplo maria.garcia)")
    }

    public var loginShape: String {
        tr(
            en: "1 to 32 letters, digits, '.', '_' or '-', starting with a letter, a digit or '_' (e.g. jdoe)",
            es: "de 1 a 32 letras, dígitos, '.', '_' o '-', empezando por una letra, un dígito o '_' (por ejemplo jdoe)")
    }

    public var enrollmentCodeShape: String {
        tr(en: "three groups of four letters and digits, e.g. K7QM-9X4P-2WHT", es: "tres grupos de cuatro letras y dígitos, por ejemplo K7QM-9X4P-2WHT")
    }

    public func badRole(_ r: String) -> String {
        tr(
            en: "--as \"\(r)\" is not a role. Expected applicant, representative, agent or officer.",
            es: "--as «\(r)» no es un papel. Se espera applicant, representative, agent u officer.")
    }

    public func badLogin(_ login: String, _ shape: String) -> String {
        tr(en: "--login \"\(login)\" is not a login name; expected \(shape).", es: "--login «\(login)» no es un nombre de usuario; se espera \(shape).")
    }

    public func onlyServiceAccount(_ user: String) -> String {
        tr(
            en: "only the service account (the store file's owner, or the gateway account) may act for another login; \(user) acts as themself.",
            es:
                "solo la cuenta de servicio (la dueña del archivo del sistema, o la cuenta de acceso) puede actuar por otro usuario; \(user) actúa por sí mismo."
        )
    }

    public var loginIsStaff: String {
        tr(
            en: "--login names a staff person; applicants and representatives are named with --account.",
            es: "--login nombra a un miembro del personal; los solicitantes y representantes se nombran con --account.")
    }

    public func notStaffOfStore(_ login: String) -> String {
        tr(en: "\(login) is not an agent or officer of this store.", es: "\(login) no es agente ni oficial de este sistema.")
    }

    public func isGateway(_ user: String) -> String {
        tr(
            en: "\(user) is the gateway account: name --as applicant or --as representative, and --account.",
            es: "\(user) es la cuenta de acceso: indique --as applicant o --as representative, y --account.")
    }

    public func notStaffUser(_ user: String) -> String {
        tr(
            en: "\(user) is not a staff user of this store. An officer can add you with `biosched users add \(user) --role agent`.",
            es: "\(user) no es personal de este sistema. Un oficial puede agregarle con `biosched users add \(user) --role agent`.")
    }

    public func needsAccount(_ r: Role) -> String {
        let code = r.rawValue
        return tr(en: "--as \(code) needs --account ID: the \(code)'s account.", es: "--as \(code) necesita --account ID: la cuenta del \(code).")
    }

    public func badAccount(_ a: String, _ shape: String) -> String {
        tr(en: "--account \"\(a)\" is not an account id; expected \(shape).", es: "--account «\(a)» no es un identificador de cuenta; se espera \(shape).")
    }

    public var onlyGateway: String {
        tr(
            en: "only the service account that owns the store, or a gateway account, may act as an applicant or representative on a production store.",
            es: "en un sistema real, solo la cuenta de servicio dueña del sistema, o una cuenta de acceso, puede actuar como solicitante o representante.")
    }

    public func noSuchAccount(_ r: Role, _ account: String) -> String {
        let code = r.rawValue
        return tr(en: "there is no \(code) account \"\(account)\".", es: "no hay una cuenta \(code) «\(account)».")
    }

    public func accountNotForStaff(_ user: String) -> String {
        tr(
            en: "--account is for applicants and representatives; staff act as their own login (\(user)).",
            es: "--account es para solicitantes y representantes; el personal actúa con su propio usuario (\(user)).")
    }

    public func mayNotActAs(_ user: String, _ r: Role, _ staff: String) -> String {
        let code = r.rawValue
        return tr(
            en: "\(user) may not act as \(code) on this store (staff role: \(staff)).",
            es: "\(user) no puede actuar como \(code) en este sistema (papel del personal: \(staff)).")
    }

    public func badEnrollHost(_ shown: String) -> String {
        tr(
            en:
                "\"\(shown)\" is not a host for ssh: expected a DNS name (gateway.example.gov), an IPv4 address (192.0.2.10) or an IPv6 address in brackets ([2001:db8::10]), optionally followed by :PORT (1 to 65535). Nothing was changed.",
            es:
                "\"\(shown)\" no es un servidor para ssh: se espera un nombre DNS (gateway.example.gov), una dirección IPv4 (192.0.2.10) o una dirección IPv6 entre corchetes ([2001:db8::10]), seguidos si hace falta de :PUERTO (1 a 65535). No se cambió nada."
        )
    }

    public func badEnrollUser(_ shown: String) -> String {
        tr(
            en:
                "\"\(shown)\" is not a login name for ssh: expected a lowercase letter or _, then lowercase letters, digits, _ or - (at most 32), as the service account's name (scripts/install.sh --user). Nothing was changed.",
            es:
                "\"\(shown)\" no es un nombre de usuario para ssh: se espera una letra minúscula o _, y luego letras minúsculas, dígitos, _ o - (32 como máximo), como el nombre de la cuenta de servicio (scripts/install.sh --user). No se cambió nada."
        )
    }

    // A Form G-28 accepted (`biosched access g28`).
    public func g28Accepted(_ representative: String, _ account: String, _ applicant: String, _ receipt: String, _ form: String) -> String {
        tr(
            en: "Form G-28 accepted: \(representative) (\(account)) may act for \(applicant) on case \(receipt) (\(form)).",
            es: "Formulario G-28 aceptado: \(representative) (\(account)) puede actuar por \(applicant) en el caso \(receipt) (\(form)).")
    }

    public func g28HowToEnroll(_ how: String, _ receipt: String, _ days: Int) -> String {
        tr(
            en:
                "To reach the case online: \(how), then the receipt number \(receipt) and this code (valid \(days) days, used once). Your own key is then linked to your account.",
            es:
                "Para consultar el caso en línea: \(how), luego el número de recibo \(receipt) y este código (válido \(days) días, de un solo uso). Su propia llave queda entonces vinculada a su cuenta."
        )
    }

    /// A key's holder, as the command line names it (`applicant maria.garcia`, `staff jdoe`).
    public func holder(_ h: KeyHolder) -> String {
        switch h {
        case let .account(a, r):
            let w = tr(en: r.rawValue, es: roleWord(r))
            return "\(w) \(a)"
        case let .staff(u): return tr(en: "staff \(u)", es: "personal \(u)")
        }
    }

    public func enrollmentCodeIssued(_ account: String, _ code: String, _ days: Int, _ door: EnrollmentDoor) -> String {
        let how = enrollCommand(door)
        return tr(
            en: "Enrollment code for \(account): \(code)\nRead it to the caller; it works once, for \(days) days, with: \(how)",
            es: "Código de inscripción de \(account): \(code)\nLéaselo a la persona; sirve una sola vez, durante \(days) días, con: \(how)")
    }
}
