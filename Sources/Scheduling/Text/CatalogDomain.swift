import Foundation

/// The domain's refusals that reach a person: SSH public keys, reviews, request ids, closures.
extension Catalog {
    // PublicKey
    public var keyFileEmpty: String {
        tr(
            en: "no public key in the file; expected one line like \"ssh-ed25519 AAAA... name@host\".",
            es: "el archivo no tiene ninguna llave pública; se espera una línea como \"ssh-ed25519 AAAA... nombre@servidor\".")
    }
    public func keyFileLines(_ n: Int) -> String {
        tr(en: "\(n) lines; expected exactly one public key line.", es: "\(n) líneas; se espera exactamente una línea con una llave pública.")
    }
    public func notOpenSSHKey(_ types: String) -> String {
        tr(
            en:
                "not an OpenSSH public key: expected \"TYPE BASE64 [comment]\" with TYPE one of \(types). (A private key or an options prefix is not accepted.)",
            es:
                "no es una llave pública de OpenSSH: se espera \"TIPO BASE64 [comentario]\" con TIPO uno de \(types). (No se acepta una llave privada ni un prefijo de opciones.)"
        )
    }
    public var keyNotBase64: String { tr(en: "the key data is not valid base64.", es: "los datos de la llave no son base64 válido.") }
    public func keyTypeMismatch(_ type: String) -> String {
        tr(
            en: "the key data does not match its type \(type) (damaged or truncated key).",
            es: "los datos de la llave no corresponden a su tipo \(type) (llave dañada o incompleta).")
    }
    public var keyControl: String {
        tr(
            en: "the key line holds control characters; expected \"TYPE BASE64 [comment]\" in plain text.",
            es: "la línea de la llave tiene caracteres de control; se espera \"TIPO BASE64 [comentario]\" en texto simple.")
    }

    // Reviews and requests
    public func requestIDReused(_ id: String) -> String {
        tr(
            en: "Request id \"\(id)\" was already used for another case; use a new request id.",
            es: "El identificador de solicitud «\(id)» ya se usó para otro caso; use un identificador nuevo.")
    }
    public func requestAlreadyDecided(_ id: String, _ code: String) -> String {
        tr(
            en: "Request \(id) was already \(code); only escalated requests can be reviewed.",
            es: "La solicitud \(id) ya fue resuelta (\(code)); solo se pueden revisar las solicitudes enviadas a un oficial.")
    }
    public func cannotDecideOwn(_ officer: String, _ id: String) -> String {
        tr(
            en: "\(officer) escalated request \(id) and cannot also decide it; another officer must.",
            es: "\(officer) envió la solicitud \(id) a un oficial y no puede también decidirla; debe hacerlo otro oficial.")
    }
    public func noMidnight(_ date: String, _ center: String) -> String {
        tr(en: "\(date) has no midnight at \(center)", es: "\(date) no tiene medianoche en \(center)")
    }
}
