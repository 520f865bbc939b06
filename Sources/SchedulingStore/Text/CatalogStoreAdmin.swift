import Foundation
import Scheduling

/// The store's administration: audit chain, key and code mails, refusals.
extension Catalog {
    public func auditRowUnlinked(_ id: Int64) -> String {
        tr(
            en: "row \(id) does not point to the row before it (a row was removed, inserted or changed before it)",
            es: "la fila \(id) no apunta a la fila anterior (se quitó, se insertó o se cambió una fila antes de ella)")
    }

    public func auditRowChanged(_ id: Int64) -> String {
        tr(
            en: "row \(id) was changed after it was written (its hash does not match its fields)",
            es: "la fila \(id) se cambió después de escribirse (su hash no coincide con sus campos)")
    }

    public func auditRowMismatch(_ id: Int64) -> String { tr(en: "row \(id) does not match its hash", es: "la fila \(id) no coincide con su hash") }

    // Messages to an account about its access (sent through the outbox, in the account's language).
    public var keyLinkedSubject: String { tr(en: "A key was linked to your biosched account", es: "Se vinculó una llave a su cuenta de biosched") }

    /// `enrolled`: through the enrollment door (`ssh biosched@HOST`) with a code; else added by contact-center staff.
    public func keyLinkedBody(_ account: String, _ when: String, _ from: String, _ fingerprint: String, enrolled: Bool, _ phone: String) -> String {
        enrolled
            ? tr(
                en:
                    "A new SSH key (\(fingerprint)) was linked to your biosched account \(account) on \(when), with an enrollment code, from the address \(from). From now on it opens your cases. If this was not you, call the Contact Center at \(phone) at once: the key can be revoked.",
                es:
                    "Se vinculó una llave SSH nueva (\(fingerprint)) a su cuenta de biosched \(account) el \(when), con un código de inscripción, desde la dirección \(from). Desde ahora abre sus casos. Si no fue usted, llame de inmediato al Centro de Contacto al \(phone): la llave se puede revocar."
            )
            : tr(
                en:
                    "A new SSH key (\(fingerprint)) was linked to your biosched account \(account) on \(when) by Contact Center staff (\(from)). From now on it opens your cases. If you did not ask for this, call the Contact Center at \(phone) at once: the key can be revoked.",
                es:
                    "El personal del Centro de Contacto (\(from)) vinculó una llave SSH nueva (\(fingerprint)) a su cuenta de biosched \(account) el \(when). Desde ahora abre sus casos. Si usted no lo pidió, llame de inmediato al Centro de Contacto al \(phone): la llave se puede revocar."
            )
    }

    public var codeIssuedSubject: String {
        tr(en: "A new enrollment code was issued for your biosched account", es: "Se emitió un código de inscripción nuevo para su cuenta de biosched")
    }

    public func codeIssuedBody(_ account: String, _ when: String, _ by: String, _ phone: String) -> String {
        tr(
            en:
                "Contact Center staff (\(by)) issued a new one-time enrollment code for your biosched account \(account) on \(when); any older code no longer works. If you did not ask for it, call the Contact Center at \(phone).",
            es:
                "El personal del Centro de Contacto (\(by)) emitió un código de inscripción nuevo, de un solo uso, para su cuenta de biosched \(account) el \(when); los códigos anteriores ya no sirven. Si usted no lo pidió, llame al Centro de Contacto al \(phone)."
        )
    }

    public var onlyOfficersRevokeStaffKeys: String {
        tr(
            en: "Only an officer revokes a staff login's keys; agents revoke callers' keys (--account).",
            es: "Solo un oficial revoca las llaves de un usuario del personal; los agentes revocan las llaves de las personas (--account).")
    }

    public func importRefused(_ what: String) -> String {
        tr(en: "Import refused, nothing was written. \(what)", es: "Importación rechazada, no se escribió nada. \(what)")
    }
}
