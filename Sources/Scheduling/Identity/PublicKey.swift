import Foundation

/// An OpenSSH public key: `type base64 [comment]`.
public struct PublicKey: Hashable, Sendable {
    public struct Problem: Error, Sendable {
        /// What is wrong, in every language.
        public var text: Localized
        public var message: String { text.english }
        public init(_ make: (Catalog) -> String) { text = Localized(make) }
        public func message(in language: Language) -> String { text(language) ?? message }
    }
    public static let types: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"
    ]
    public var type: String
    public var blob: String
    public var comment: String

    /// A key already checked (read back from a store).
    public init(type: String, blob: String, comment: String) {
        self.type = type
        self.blob = blob
        self.comment = comment
    }

    public init(parsing text: String) throws(Problem) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1 else {
            let n = lines.count
            throw Problem { n == 0 ? $0.keyFileEmpty : $0.keyFileLines(n) }
        }
        let parts = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2, PublicKey.types.contains(parts[0]) else {
            throw Problem { $0.notOpenSSHKey(PublicKey.types.sorted().joined(separator: ", ")) }
        }
        guard let data = Data(base64Encoded: parts[1]), data.count > 4 else {
            throw Problem { $0.keyNotBase64 }
        }
        // The blob starts with its own type as a length-prefixed string; it must match.
        let bytes = [UInt8](data)
        let len = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard len > 0, 4 + len <= bytes.count, String(decoding: bytes[4..<(4 + len)], as: UTF8.self) == parts[0] else {
            let type = parts[0]
            throw Problem { $0.keyTypeMismatch(type) }
        }
        guard !Echo.hasControlCharacters(lines[0]) else {
            throw Problem { $0.keyControl }
        }
        type = parts[0]
        blob = parts[1]
        comment = parts.count > 2 ? parts[2] : ""
    }

    /// OpenSSH's fingerprint: `SHA256:` and the unpadded base64 of the key blob's SHA-256.
    public var fingerprint: String {
        let digest = SHA256.hash([UInt8](Data(base64Encoded: blob) ?? Data()))
        return "SHA256:" + Data(digest).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

}
