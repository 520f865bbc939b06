import Foundation
import Testing

@testable import Scheduling

/// Who may act as whom (`ActingAs`, what every session passes before R5 limits its cases): every
/// role from every kind of login, on a production store, as the store's owner and on a training store.
@Suite("R5 acting as: who may act as whom")
struct ActingAsTests {
    /// The store's staff and accounts, as a table.
    struct Directory: IdentityDirectory {
        var staff: [String: StaffRole] = ["ana": .agent, "olga": .officer, "gate": .gateway]
        var accounts: [String: Role] = ["maria.garcia": .applicant, "lee.law": .representative]
        var failing = false
        func staffRole(of user: String) throws(StoreError) -> StaffRole? {
            if failing { throw .failed("disk gone") }
            return staff[user]
        }
        func accountRole(_ id: String) throws(StoreError) -> Role? {
            if failing { throw .failed("disk gone") }
            return accounts[id]
        }
    }

    enum Store { case production, owned, training }

    struct Case: CustomTestStringConvertible, Sendable {
        var os: String
        var store: Store
        var claim: ActorClaim
        var expected: Result<Actor, ActorRefusal>
        var testDescription: String {
            "\(os) on \(store) --as \(claim.role ?? "-") --account \(claim.account ?? "-") --login \(claim.login ?? "-")"
        }
    }

    static func ok(_ role: Role, _ id: String) -> Result<Actor, ActorRefusal> { .success(Actor(role: role, id: id)) }

    static let cases: [Case] = [
        // Staff as themselves.
        Case(os: "ana", store: .production, claim: ActorClaim(), expected: ok(.agent, "ana")),
        Case(os: "olga", store: .production, claim: ActorClaim(), expected: ok(.officer, "olga")),
        Case(os: "olga", store: .production, claim: ActorClaim(role: "agent"), expected: ok(.agent, "olga")),
        Case(os: "ana", store: .production, claim: ActorClaim(role: "AGENT"), expected: ok(.agent, "ana")),
        Case(os: "ana", store: .production, claim: ActorClaim(role: "officer"), expected: .failure(.mayNotActAs(user: "ana", .officer, staff: .agent))),
        Case(os: "nobody", store: .production, claim: ActorClaim(role: "agent"), expected: .failure(.mayNotActAs(user: "nobody", .agent, staff: nil))),
        Case(os: "gate", store: .production, claim: ActorClaim(role: "agent"), expected: .failure(.mayNotActAs(user: "gate", .agent, staff: .gateway))),
        Case(os: "nobody", store: .production, claim: ActorClaim(), expected: .failure(.notStaffUser(user: "nobody"))),
        Case(os: "nobody", store: .owned, claim: ActorClaim(), expected: .failure(.notStaffUser(user: "nobody"))),
        Case(os: "gate", store: .production, claim: ActorClaim(), expected: .failure(.isGateway(user: "gate"))),
        Case(os: "ana", store: .production, claim: ActorClaim(role: "boss"), expected: .failure(.badRole("boss"))),
        Case(os: "ana", store: .production, claim: ActorClaim(role: "agent", account: "maria.garcia"), expected: .failure(.accountNotForStaff(user: "ana"))),
        Case(
            os: "olga", store: .production, claim: ActorClaim(role: "officer", account: "maria.garcia"), expected: .failure(.accountNotForStaff(user: "olga"))),
        // A training store: anyone, in any role.
        Case(os: "nobody", store: .training, claim: ActorClaim(), expected: ok(.agent, "nobody")),
        Case(os: "nobody", store: .training, claim: ActorClaim(role: "officer"), expected: ok(.officer, "nobody")),
        Case(os: "ana", store: .training, claim: ActorClaim(role: "officer"), expected: ok(.officer, "ana")),
        Case(os: "nobody", store: .training, claim: ActorClaim(role: "applicant", account: "maria.garcia"), expected: ok(.applicant, "maria.garcia")),
        Case(
            os: "nobody", store: .training, claim: ActorClaim(role: "applicant", account: "lee.law"), expected: .failure(.noSuchAccount(.applicant, "lee.law"))),
        // Applicants and representatives: only through the service account, by an account of that role.
        Case(os: "gate", store: .production, claim: ActorClaim(role: "applicant", account: "maria.garcia"), expected: ok(.applicant, "maria.garcia")),
        Case(os: "svc", store: .owned, claim: ActorClaim(role: "applicant", account: "maria.garcia"), expected: ok(.applicant, "maria.garcia")),
        Case(os: "gate", store: .production, claim: ActorClaim(role: "representative", account: "lee.law"), expected: ok(.representative, "lee.law")),
        Case(os: "ana", store: .production, claim: ActorClaim(role: "applicant", account: "maria.garcia"), expected: .failure(.onlyGateway)),
        Case(os: "olga", store: .production, claim: ActorClaim(role: "representative", account: "lee.law"), expected: .failure(.onlyGateway)),
        Case(os: "gate", store: .production, claim: ActorClaim(role: "applicant"), expected: .failure(.needsAccount(.applicant))),
        Case(os: "gate", store: .production, claim: ActorClaim(role: "representative", account: ""), expected: .failure(.needsAccount(.representative))),
        Case(os: "gate", store: .production, claim: ActorClaim(role: "applicant", account: "maria;rm"), expected: .failure(.badAccount("maria;rm"))),
        Case(os: "ana", store: .production, claim: ActorClaim(role: "applicant", account: "maria;rm"), expected: .failure(.badAccount("maria;rm"))),
        Case(
            os: "gate", store: .production, claim: ActorClaim(role: "representative", account: "maria.garcia"),
            expected: .failure(.noSuchAccount(.representative, "maria.garcia"))),
        Case(os: "gate", store: .production, claim: ActorClaim(role: "applicant", account: "nosuch"), expected: .failure(.noSuchAccount(.applicant, "nosuch"))),
        // A staff login named by the service account.
        Case(os: "gate", store: .production, claim: ActorClaim(login: "ana"), expected: ok(.agent, "ana")),
        Case(os: "svc", store: .owned, claim: ActorClaim(login: "olga"), expected: ok(.officer, "olga")),
        Case(os: "gate", store: .production, claim: ActorClaim(role: "agent", login: "olga"), expected: ok(.agent, "olga")),
        Case(
            os: "gate", store: .production, claim: ActorClaim(role: "officer", login: "ana"),
            expected: .failure(.mayNotActAs(user: "ana", .officer, staff: .agent))),
        Case(os: "olga", store: .production, claim: ActorClaim(login: "ana"), expected: .failure(.onlyServiceAccount(osUser: "olga"))),
        Case(os: "gate", store: .production, claim: ActorClaim(login: "x;y"), expected: .failure(.badLogin("x;y"))),
        Case(os: "olga", store: .production, claim: ActorClaim(login: "x;y"), expected: .failure(.badLogin("x;y"))),
        Case(os: "gate", store: .production, claim: ActorClaim(role: "applicant", account: "maria.garcia", login: "ana"), expected: .failure(.loginIsStaff)),
        Case(os: "gate", store: .production, claim: ActorClaim(login: "gate"), expected: .failure(.notStaffOfStore(login: "gate"))),
        Case(os: "gate", store: .production, claim: ActorClaim(login: "nobody"), expected: .failure(.notStaffOfStore(login: "nobody"))),
        Case(
            os: "gate", store: .production, claim: ActorClaim(role: "agent", account: "maria.garcia", login: "ana"),
            expected: .failure(.accountNotForStaff(user: "ana"))),
        Case(os: "nobody", store: .training, claim: ActorClaim(login: "someone"), expected: ok(.agent, "someone")),
        Case(os: "nobody", store: .training, claim: ActorClaim(login: "gate"), expected: .failure(.notStaffOfStore(login: "gate")))
    ]

    static func setting(_ os: String, _ store: Store) -> ActorSetting {
        ActorSetting(osUser: os, isTraining: store == .training, ownsStore: store == .owned)
    }

    @Test("R5 acting as: every role from every kind of login", arguments: cases)
    func r5_actingAs(_ c: Case) {
        let got: Result<Actor, ActorRefusal>
        do { got = .success(try ActingAs.resolve(c.claim, Self.setting(c.os, c.store), in: Directory())) } catch { got = .failure(error) }
        #expect(got == c.expected)
    }

    @Test("R5 acting as: a store that cannot answer is the store's error, not a refusal")
    func r5_storeFailure() {
        #expect(throws: ActorRefusal.store(.failed("disk gone"))) {
            try ActingAs.resolve(ActorClaim(), Self.setting("ana", .production), in: Directory(failing: true))
        }
        #expect(!ActorRefusal.store(.failed("disk gone")).isRefusal)
    }

    @Test(
        "R5 acting as: a refused identity says NOT_AUTHORIZED, malformed input says what is expected, in both languages",
        arguments: [Language.en, .es])
    func r5_messages(_ language: Language) {
        let t = Catalog(language)
        let refused = ActorRefusal.mayNotActAs(user: "ana", .officer, staff: .agent)
        #expect(refused.isRefusal)
        #expect(refused.message(t).hasPrefix("NOT_AUTHORIZED: "))
        #expect(refused.message(t).contains("ana"))
        let malformed = ActorRefusal.badAccount("bad\u{1b}[2Jid")
        #expect(!malformed.isRefusal)
        #expect(!malformed.message(t).hasPrefix("NOT_AUTHORIZED"))
        #expect(!malformed.message(t).contains("\u{1b}")) // printed terminal-safe
        #expect(malformed.message(t).contains(t.accountShape))
        #expect(ActorRefusal.mayNotActAs(user: "nobody", .agent, staff: nil).message(t).contains(t.notifyNone))
    }
}
