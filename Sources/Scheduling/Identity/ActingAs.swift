import Foundation

/// Who a session asks to act as, as the command line gave it (`--as`, `--account`, `--login`),
/// not yet checked.
public struct ActorClaim: Hashable, Sendable {
    public var role: String?
    public var account: String?
    public var login: String?
    public init(role: String? = nil, account: String? = nil, login: String? = nil) {
        self.role = role
        self.account = account
        self.login = login
    }
}

/// What is known of the process that asks: its operating-system login, whether the store is a
/// training store, and whether the process runs as the service account that owns the store file
/// (one service account for everyone: deploy/sshd_config.d/biosched.conf).
public struct ActorSetting: Hashable, Sendable {
    public var osUser: String
    public var isTraining: Bool
    public var ownsStore: Bool
    public init(osUser: String, isTraining: Bool, ownsStore: Bool) {
        self.osUser = osUser
        self.isTraining = isTraining
        self.ownsStore = ownsStore
    }
}

/// The two look-ups deciding who may act: a login's staff role and an account's role.
/// `StoreAdministration` provides them; tests give a table.
public protocol IdentityDirectory {
    /// The staff role of a local user, if any (`agent`, `officer`, `gateway`).
    func staffRole(of user: String) throws(StoreError) -> StaffRole?
    /// The role of an applicant's or representative's account, if it exists.
    func accountRole(_ id: String) throws(StoreError) -> Role?
}

/// Why a session may not act as it asked. `isRefusal` separates an identity refused
/// (NOT_AUTHORIZED, worth an audit row) from input that is wrong in itself.
public enum ActorRefusal: Error, Equatable, Sendable {
    /// `--as` is not a role.
    case badRole(String)
    /// `--login` is not a login name.
    case badLogin(String)
    /// `--login` from a process that is neither the gateway account nor the store's owner.
    case onlyServiceAccount(osUser: String)
    /// `--login` with `--as applicant` or `--as representative`.
    case loginIsStaff
    /// `--login` names no agent or officer of the store (or the gateway account itself).
    case notStaffOfStore(login: String)
    /// The gateway account without `--as`: it only acts for an account.
    case isGateway(user: String)
    /// A login with no staff role on a production store, and no `--as`.
    case notStaffUser(user: String)
    /// `--as applicant` or `--as representative` without `--account`.
    case needsAccount(Role)
    /// `--account` is not an account id.
    case badAccount(String)
    /// An applicant or representative named by a process that may not act for a caller.
    case onlyGateway
    /// No account of that role with that id.
    case noSuchAccount(Role, String)
    /// `--account` with `--as agent` or `--as officer`.
    case accountNotForStaff(user: String)
    /// A login whose staff role does not allow the role asked.
    case mayNotActAs(user: String, Role, staff: StaffRole?)
    /// The store could not answer.
    case store(StoreError)

    public static func == (a: ActorRefusal, b: ActorRefusal) -> Bool {
        switch (a, b) {
        case let (.store(x), .store(y)): return x.message(in: .en) == y.message(in: .en)
        case (.store, _), (_, .store): return false
        default: return "\(a)" == "\(b)"
        }
    }

    /// A refused identity (NOT_AUTHORIZED), rather than input that is malformed or incomplete.
    public var isRefusal: Bool {
        switch self {
        case .onlyServiceAccount, .notStaffOfStore, .notStaffUser, .onlyGateway, .noSuchAccount, .mayNotActAs: true
        case .badRole, .badLogin, .loginIsStaff, .isGateway, .needsAccount, .badAccount, .accountNotForStaff, .store: false
        }
    }

    /// What the person is told; a refusal starts with its code, `NOT_AUTHORIZED: `.
    public func message(_ t: Catalog) -> String {
        let text: String
        switch self {
        case let .badRole(r): text = t.badRole(Echo.show(r))
        case let .badLogin(l): text = t.badLogin(Echo.show(l), t.loginShape)
        case let .onlyServiceAccount(u): text = t.onlyServiceAccount(u)
        case .loginIsStaff: text = t.loginIsStaff
        case let .notStaffOfStore(l): text = t.notStaffOfStore(l)
        case let .isGateway(u): text = t.isGateway(u)
        case let .notStaffUser(u): text = t.notStaffUser(u)
        case let .needsAccount(r): text = t.needsAccount(r)
        case let .badAccount(a): text = t.badAccount(Echo.show(a), t.accountShape)
        case .onlyGateway: text = t.onlyGateway
        case let .noSuchAccount(r, a): text = t.noSuchAccount(r, a)
        case let .accountNotForStaff(u): text = t.accountNotForStaff(u)
        case let .mayNotActAs(u, r, staff): text = t.mayNotActAs(u, r, staff?.rawValue ?? t.notifyNone)
        case let .store(e): return e.message(in: t.language)
        }
        return isRefusal ? "\(VerdictCode.notAuthorized.rawValue): " + text : text
    }
}

/// Who may act as whom: the rule every session passes before it touches a case (R5 then limits
/// the cases). Staff act as their own login, in their staff role or below (an officer may act as
/// an agent); only the service account (the gateway account, or the login that owns the store
/// file) acts for a caller's account or names another staff login; a training store lets anyone
/// act in any role, an applicant or representative still by an account of that role.
public enum ActingAs {
    public static func resolve(
        _ claim: ActorClaim, _ setting: ActorSetting,
        in directory: some IdentityDirectory
    ) throws(ActorRefusal) -> Actor {
        func ask<T>(_ look: () throws(StoreError) -> T) throws(ActorRefusal) -> T {
            do { return try look() } catch { throw .store(error) }
        }
        var role: Role?
        if let r = claim.role {
            guard let parsed = Role(rawValue: r.lowercased()) else { throw .badRole(r) }
            role = parsed
        }
        let osStaff = try ask { () throws(StoreError) in try directory.staffRole(of: setting.osUser) }
        let isServiceAccount = setting.isTraining || osStaff == .gateway || setting.ownsStore
        // The person: this login, or the staff login a session of the service account names.
        var user = setting.osUser
        var staff = osStaff
        if let login = claim.login {
            guard Identifier.isLoginName(login) else { throw .badLogin(login) }
            if !isServiceAccount { throw .onlyServiceAccount(osUser: setting.osUser) }
            if role == .applicant || role == .representative { throw .loginIsStaff }
            staff = try ask { () throws(StoreError) in try directory.staffRole(of: login) }
            if staff == .gateway || (staff == nil && !setting.isTraining) { throw .notStaffOfStore(login: login) }
            user = login
        }
        if role == nil {
            switch staff {
            case .officer: role = .officer
            case .agent: role = .agent
            case .gateway: throw .isGateway(user: user)
            case nil:
                guard setting.isTraining else { throw .notStaffUser(user: user) }
                role = .agent
            }
        }
        let r = role!
        switch r {
        case .applicant, .representative:
            guard let account = claim.account, !account.isEmpty else { throw .needsAccount(r) }
            guard Identifier.isAccountID(account) else { throw .badAccount(account) }
            if !isServiceAccount { throw .onlyGateway }
            let accountRole = try ask { () throws(StoreError) in try directory.accountRole(account) }
            guard accountRole == r else { throw .noSuchAccount(r, account) }
            return Actor(role: r, id: account)
        case .agent, .officer:
            if claim.account != nil { throw .accountNotForStaff(user: user) }
            if !setting.isTraining {
                let allowed = r == .agent ? (staff == .agent || staff == .officer) : staff == .officer
                guard allowed else { throw .mayNotActAs(user: user, r, staff: staff) }
            }
            return Actor(role: r, id: user)
        }
    }
}
