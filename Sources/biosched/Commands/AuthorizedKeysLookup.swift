import ArgumentParser
import Foundation
import SSHAccess
import Scheduling
import SchedulingStore

/// `biosched access authorized-keys [--enroll] USER TYPE KEY`, for sshd's AuthorizedKeysCommand
/// (`%u %t %k`): prints the one `authorized_keys` line of that key, with the forced command of its
/// holder, or nothing. With `--enroll` a well-formed key that the store does not hold gets the
/// forced command `biosched enroll` instead of nothing (deploy/sshd_config.d/biosched.conf: one
/// service account for everyone, staff, callers and strangers alike). USER must be the account
/// this runs as (sshd's AuthorizedKeysCommandUser, the service account). It never fails open: a store it cannot read, a
/// malformed argument or anything unexpected prints nothing (sshd then refuses the key) and says
/// why on standard error, which sshd logs.
struct AuthorizedKeysLookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorized-keys",
        abstract: "For sshd's AuthorizedKeysCommand (%u %t %k): the authorized_keys line of a key in the store, or nothing.")
    @OptionGroup var global: GlobalOptions
    @Flag(
        help:
            "A well-formed key the store does not hold gets the forced command `biosched enroll` (one service account for everyone); a key it holds gets its holder's command as without it."
    ) var enroll = false
    @Argument(help: "The login user sshd is authenticating (%u).") var user: String
    @Argument(help: "The key type (%t).") var type: String
    @Argument(help: "The key, base64 (%k).") var key: String

    func run() throws {
        do {
            guard let line = try Self.line(self) else { return }
            StandardStreams.out(line + "\n")
        } catch {
            let why = (error as? Failure)?.message ?? (error as? StoreError)?.message ?? "\(error)"
            StandardStreams.err(Session.catalog(global).noKeyAdmitted(Echo.show(why, limit: 200)) + "\n")
            throw Failure(.storeError, "")
        }
    }

    static func line(_ c: AuthorizedKeysLookup) throws -> String? {
        guard Identifier.isLoginName(c.user) else { throw Failure(.badInput, Session.catalog(c.global).userNotLogin(Echo.show(c.user))) }
        // sshd runs this as AuthorizedKeysCommandUser, the service account, for logins to that
        // same account: a key is answered for no other user (a Match block gone wrong, a copy of
        // the wrapper under another account).
        let me = Session.currentUser()
        guard c.user == me else { throw Failure(.badInput, Session.catalog(c.global).userNotServiceAccount(c.user, me)) }
        let publicKey: PublicKey
        do { publicKey = try PublicKey(parsing: "\(c.type) \(c.key)") } catch {
            throw Failure(.badInput, error.message(in: Session.catalog(c.global).language))
        }
        let path = try Session.storePath(c.global)
        // The short path: one read-only connection (this runs for every login).
        guard let stored = try SQLiteBookingStore.lookUpKey(path: path, blob: publicKey.blob) else {
            guard c.enroll else { return nil }
            // A key the store does not hold may only enroll: `biosched enroll`, on the same account.
            var words = try Access.commandPrefix(store: path, subcommand: "enroll", Session.catalog(c.global))
            if let now = c.global.now {
                _ = try Session.parseNow(now, Session.catalog(c.global))
                words += ["--now", now]
            }
            return AuthorizedKeys.line(command: ShellWords.join(words), key: publicKey)
        }
        var command = try Access.forcedCommand(for: stored.holder, store: path, key: publicKey, Session.catalog(c.global))
        if let now = c.global.now {
            _ = try Session.parseNow(now, Session.catalog(c.global))
            command += " --now " + ShellWords.quote(now)
        }
        return AuthorizedKeys.line(command: command, key: publicKey)
    }
}
