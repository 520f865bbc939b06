import Foundation
import Scheduling

/// The keys screen's part of `App.update`.
enum KeysScreen {
    /// Opens the screen: an applicant's or representative's own keys, or an agent's caller's.
    static func open(_ s: inout AppState, _ fx: inout [Effect]) {
        let actor = s.config.actor
        let holder: KeyHolder
        let own: Bool
        switch actor.role {
        case .applicant, .representative:
            holder = .account(actor.id, actor.role)
            own = true
        case .agent, .officer:
            guard let account = s.snapshot?.caseFile.applicantAccount else {
                s.log(.info, s.t.noAccountNoKeys)
                return
            }
            holder = .account(account, .applicant)
            own = false
        }
        s.keys = KeysState(holder: holder, own: own)
        fx.append(.keys(.load(holder)))
    }

    /// Keys while the screen is open; true when the key was the screen's.
    static func intercept(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) -> Bool {
        guard var k = s.keys else { return false }
        var closed = false
        defer { if !closed { s.keys = k } }
        // With a question open the context is `.dialog`: its yes and no come from the keymap.
        let action = Keymap.action(for: key, in: k.focusContext, training: s.training != nil)
        if let confirm = k.confirm {
            if action == .select {
                k.confirm = nil
                switch confirm {
                case .removeOne: if let key = k.keys[safe: k.index] { fx.append(.keys(.revoke(k.holder, blob: key.key.blob))) }
                case .revokeAll: fx.append(.keys(.revoke(k.holder, blob: nil)))
                }
            } else if action == .back {
                k.confirm = nil
            }
            return true
        }
        switch action {
        case .up: k.index = max(0, k.index - 1)
        case .down: k.index = min(max(0, k.keys.count - 1), k.index + 1)
        case .removeKey:
            if k.keys.isEmpty { s.log(.info, s.t.noKeyToRemove) } else { k.confirm = .removeOne }
        case .revokeKeys:
            if k.keys.isEmpty { s.log(.info, s.t.accountNoKeyInForce) } else { k.confirm = .revokeAll }
        case .newCode:
            fx.append(.keys(.issueCode(account: k.holder.id)))
        case .back:
            closed = true
            s.keys = nil
            return true
        case .help, .quit:
            return false
        default:
            return false
        }
        return true
    }

    static func handle(_ s: inout AppState, _ e: KeysEvent, _ fx: inout [Effect]) {
        guard var k = s.keys else { return }
        switch e {
        case let .loaded(.success(list)):
            k.keys = list
            k.loaded = true
            k.index = min(k.index, max(0, list.count - 1))
        case let .revoked(.success(n)):
            s.log(.ok, s.t.keysRevoked(n))
            fx.append(.keys(.load(k.holder)))
        case let .codeIssued(.success(issued)):
            k.code = issued.code
            k.door = issued.door
            s.log(.ok, s.t.newCodeFor(k.holder.id))
        case let .loaded(.failure(err)), let .revoked(.failure(err)), let .codeIssued(.failure(err)):
            k.loaded = true
            s.log(.error, err.message)
        }
        s.keys = k
    }
}
