import Foundation
import Scheduling

/// The store's settings an administrator sets (`biosched settings`, `init --enroll-host`) and the
/// enrollment door they describe (`EnrollmentDoor`).
extension Catalog {
    public func unknownSetting(_ shown: String) -> String {
        tr(
            en: "\"\(shown)\" is not a setting that can be set: expected enroll-host or enroll-user.",
            es: "\"\(shown)\" no es un ajuste que se pueda cambiar: se espera enroll-host o enroll-user.")
    }
    public var purposeChangeSettings: String { tr(en: "change the store's settings", es: "cambiar los ajustes del sistema") }
    public var purposeSeeSettings: String {
        tr(
            en: "Only contact-center staff (agents and officers) see the store's settings.",
            es: "Solo el personal del Centro de Contacto (agentes y oficiales) ve los ajustes del sistema.")
    }
    public var settingNotSet: String { tr(en: "(not set)", es: "(sin definir)") }
    /// `settings show`: one line each, then the command people are told.
    public func settingsShown(host: String?, user: String, command: String, hostSet: Bool) -> String {
        let h = host ?? settingNotSet
        let tail =
            hostSet
            ? ""
            : tr(
                en: "\nSet the host with: biosched settings set enroll-host HOST",
                es: "\nDefina el servidor con: biosched settings set enroll-host SERVIDOR")
        return tr(
            en: "enroll-host   \(h)\nenroll-user   \(user)\nNotices and messages tell callers to enroll with: \(command)",
            es: "enroll-host   \(h)\nenroll-user   \(user)\nLos avisos y mensajes indican inscribirse con: \(command)") + tail
    }
    /// `settings set`: what changed, and what people are told from now on.
    public func settingChanged(_ name: String, _ old: String, _ new: String, _ command: String) -> String {
        tr(
            en: "\(name) is now \(new) (was \(old)). Notices and messages now tell callers to enroll with: \(command)",
            es: "\(name) es ahora \(new) (antes \(old)). Los avisos y mensajes indican ahora inscribirse con: \(command)")
    }
    public func settingUnchanged(_ name: String, _ value: String) -> String {
        tr(en: "\(name) is already \(value): nothing was changed.", es: "\(name) ya es \(value): no se cambió nada.")
    }
    /// `init` without `--enroll-host`: what notices say until it is set.
    public var initNoEnrollHost: String {
        tr(
            en:
                "Notices do not name the enrollment host yet (they say \"followed by the agency's SSH host name\"): set it with biosched settings set enroll-host HOST.",
            es:
                "Los avisos aún no indican el servidor de inscripción (dicen \"seguido del nombre del servidor SSH de la agencia\"): defínalo con biosched settings set enroll-host SERVIDOR."
        )
    }
    public func initEnrollHost(_ command: String) -> String {
        tr(en: "Notices and messages tell callers to enroll with: \(command)", es: "Los avisos y mensajes indican inscribirse con: \(command)")
    }

}
