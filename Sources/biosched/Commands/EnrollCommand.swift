import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore
import PostgresStore

/// `biosched enroll`: the forced command of the enrollment account (`ssh enroll@HOST` with any
/// key). sshd's `ExposeAuthInfo yes` names the key the client used in `$SSH_USER_AUTH`; the person
/// types the receipt number, then the enrollment code from their notice (one line each, so it
/// works from a pipe and with a screen reader), and on a match that key opens their own cases the
/// next time. Wrong tries are counted per account and per client address; too many pause it.
struct EnrollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enroll",
        abstract: "Link the SSH key of this session to your account with the enrollment code on your notice (the enrollment account's forced command).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("max-tries"), help: "Wrong tries allowed in one session.") var maxTries = 3

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        func say(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
        guard let key = Self.sessionKey(env["SSH_USER_AUTH"]) else {
            say("biosched enrollment: this connection did not say which key it used, so no key can be linked. (The host needs ExposeAuthInfo yes; see docs/deployment.md.)")
            throw Failure(.badInput, "")
        }
        let path = try Session.storePath(global)
        let origin = AuditOrigin(osUser: Session.currentUser(), client: AuditOrigin.client(fromSSHConnection: env["SSH_CONNECTION"]),
                                 keyFingerprint: key.fingerprint)
        let store: any OpenedStore
        do { store = try Stores.open(path, origin: origin) } catch {
            say("Enrollment is not available right now; please try again later or call the Contact Center at \(ContactCenter.phone).")
            throw Failure(storeError: error)
        }
        var now = Date()
        if let n = global.now {
            let info: StoreInfo
            do { info = try store.storeInfo() } catch { throw Failure(storeError: error) }
            guard info.isTraining else { throw Failure(.badInput, "--now is refused: this is a production store.") }
            now = try Session.parseNow(n)
        }
        let client = origin.client.isEmpty ? "local" : String(origin.client.prefix { $0 != " " })
        say("biosched enrollment. This links the key you connected with (\(key.fingerprint)) to your account.")
        say("You need the receipt number and the enrollment code printed on your appointment notice.")
        for _ in 0..<max(1, maxTries) {
            FileHandle.standardOutput.write(Data("Receipt number: ".utf8))
            guard let receiptText = readLine(strippingNewline: true) else { return }
            let receipt: ReceiptNumber
            do { receipt = try ReceiptNumber(parsing: String(receiptText.prefix(40))) } catch {
                say("That is not a receipt number: \(error.message)")
                continue
            }
            FileHandle.standardOutput.write(Data("Enrollment code: ".utf8))
            guard let code = readLine(strippingNewline: true) else { return }
            let result: EnrollmentResult
            do { result = try store.enroll(receipt: receipt, code: String(code.prefix(40)), key: key, client: client, now: now) } catch {
                say("Enrollment is not available right now (\(error.message)); please try again later.")
                throw Failure(storeError: error)
            }
            switch result {
            case let .enrolled(account):
                say("Done: your key is linked to your account (\(account)). Connect again to the biosched host to see your cases.")
                return
            case let .refused(left):
                say("That receipt number and code do not match an unused enrollment code. Check both on your appointment notice (the code looks like \(EnrollmentCode.shape.split(separator: " ").last ?? "")); \(left) \(left == 1 ? "try" : "tries") left this hour.")
                if left == 0 { return }
            case .expired:
                say("This enrollment code has expired (codes are valid \(EnrollmentLimits.defaultValidDays) days). Call the Contact Center at \(ContactCenter.phone) for a new one.")
                return
            case .alreadyUsed:
                say("This enrollment code was already used. If that was not you, call the Contact Center at \(ContactCenter.phone).")
                return
            case .keyTaken:
                say("The key you connected with is already linked to an account. Connect to the biosched host directly, or use another key.")
                return
            case let .paused(until):
                let f = ISO8601DateFormatter()
                say("Too many wrong tries: enrollment is paused until \(f.string(from: until)) (one hour after the earlier tries). Or call the Contact Center at \(ContactCenter.phone).")
                return
            }
        }
    }

    /// The first public key in the file sshd names in `SSH_USER_AUTH` ("publickey TYPE BASE64").
    static func sessionKey(_ path: String?) -> PublicKey? {
        guard let path, let attrs = try? FileManager.default.attributesOfItem(atPath: path), (attrs[.size] as? Int ?? 0) < 65_536,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("publickey ") {
            if let k = try? PublicKey(parsing: String(line.dropFirst("publickey ".count))) { return k }
        }
        return nil
    }
}
