import Foundation

/// The store's settings an administrator sets (`biosched settings`, `init --enroll-host`) and the
/// enrollment door they describe (`EnrollmentDoor`).
extension Catalog {
    public func badEnrollHost(_ shown: String) -> String {
        tr(en: "\"\(shown)\" is not a host for ssh: expected a DNS name (gateway.example.gov), an IPv4 address (192.0.2.10) or an IPv6 address in brackets ([2001:db8::10]), optionally followed by :PORT (1 to 65535). Nothing was changed.",
           es: "\"\(shown)\" no es un servidor para ssh: se espera un nombre DNS (gateway.example.gov), una dirección IPv4 (192.0.2.10) o una dirección IPv6 entre corchetes ([2001:db8::10]), seguidos si hace falta de :PUERTO (1 a 65535). No se cambió nada.")
    }
    public func badEnrollUser(_ shown: String) -> String {
        tr(en: "\"\(shown)\" is not a login name for ssh: expected a lowercase letter or _, then lowercase letters, digits, _ or - (at most 32), as the service account's name (scripts/install.sh --user). Nothing was changed.",
           es: "\"\(shown)\" no es un nombre de usuario para ssh: se espera una letra minúscula o _, y luego letras minúsculas, dígitos, _ o - (32 como máximo), como el nombre de la cuenta de servicio (scripts/install.sh --user). No se cambió nada.")
    }
    public func unknownSetting(_ shown: String) -> String {
        tr(en: "\"\(shown)\" is not a setting that can be set: expected enroll-host or enroll-user.",
           es: "\"\(shown)\" no es un ajuste que se pueda cambiar: se espera enroll-host o enroll-user.")
    }
    public var purposeChangeSettings: String { tr(en: "change the store's settings", es: "cambiar los ajustes del sistema") }
    public var purposeSeeSettings: String {
        tr(en: "Only contact-center staff (agents and officers) see the store's settings.",
           es: "Solo el personal del Centro de Contacto (agentes y oficiales) ve los ajustes del sistema.")
    }
    public var settingNotSet: String { tr(en: "(not set)", es: "(sin definir)") }
    /// `settings show`: one line each, then the command people are told.
    public func settingsShown(host: String?, user: String, command: String, hostSet: Bool) -> String {
        let h = host ?? settingNotSet
        let tail = hostSet ? "" : tr(en: "\nSet the host with: biosched settings set enroll-host HOST",
                                     es: "\nDefina el servidor con: biosched settings set enroll-host SERVIDOR")
        return tr(en: "enroll-host   \(h)\nenroll-user   \(user)\nNotices and messages tell callers to enroll with: \(command)",
                  es: "enroll-host   \(h)\nenroll-user   \(user)\nLos avisos y mensajes indican inscribirse con: \(command)") + tail
    }
    /// `settings set`: what changed, and what people are told from now on.
    public func settingChanged(_ name: String, _ old: String, _ new: String, _ command: String) -> String {
        tr(en: "\(name) is now \(new) (was \(old)). Notices and messages now tell callers to enroll with: \(command)",
           es: "\(name) es ahora \(new) (antes \(old)). Los avisos y mensajes indican ahora inscribirse con: \(command)")
    }
    public func settingUnchanged(_ name: String, _ value: String) -> String {
        tr(en: "\(name) is already \(value): nothing was changed.", es: "\(name) ya es \(value): no se cambió nada.")
    }
    /// `init` without `--enroll-host`: what notices say until it is set.
    public var initNoEnrollHost: String {
        tr(en: "Notices do not name the enrollment host yet (they say \"followed by the agency's SSH host name\"): set it with biosched settings set enroll-host HOST.",
           es: "Los avisos aún no indican el servidor de inscripción (dicen \"seguido del nombre del servidor SSH de la agencia\"): defínalo con biosched settings set enroll-host SERVIDOR.")
    }
    public func initEnrollHost(_ command: String) -> String {
        tr(en: "Notices and messages tell callers to enroll with: \(command)", es: "Los avisos y mensajes indican inscribirse con: \(command)")
    }

    // A Form G-28 accepted (`biosched access g28`).
    public func g28Accepted(_ representative: String, _ account: String, _ applicant: String, _ receipt: String, _ form: String) -> String {
        tr(en: "Form G-28 accepted: \(representative) (\(account)) may act for \(applicant) on case \(receipt) (\(form)).",
           es: "Formulario G-28 aceptado: \(representative) (\(account)) puede actuar por \(applicant) en el caso \(receipt) (\(form)).")
    }
    public func g28HowToEnroll(_ how: String, _ receipt: String, _ days: Int) -> String {
        tr(en: "To reach the case online: \(how), then the receipt number \(receipt) and this code (valid \(days) days, used once). Your own key is then linked to your account.",
           es: "Para consultar el caso en línea: \(how), luego el número de recibo \(receipt) y este código (válido \(days) días, de un solo uso). Su propia llave queda entonces vinculada a su cuenta.")
    }
}
