import Foundation
import Scheduling

extension PublicKey {
    /// Reads a public key file: at most 16 KiB, one key line.
    static func read(file: String, _ t: Catalog = .en) throws(Failure) -> PublicKey {
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: file), let size = attrs[.size] as? Int,
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        else {
            throw Failure(.badInput, t.cannotReadKeyFile(Echo.show(file)))
        }
        guard size <= 16_384 else { throw Failure(.badInput, t.keyFileTooBig(Echo.show(file), size)) }
        do { return try PublicKey(parsing: text) } catch { throw Failure(.badInput, "\(Echo.show(file)): \(error.message(in: t.language))") }
    }
}
