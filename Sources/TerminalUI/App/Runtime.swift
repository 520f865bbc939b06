import Foundation
import Scheduling

/// Runs effects against a store and the file system, and gives back their events.
public struct EffectRunner: Sendable {
    public let store: any BookingStore
    public let clock: @Sendable () -> Date
    /// Writes a notice to a file (path, text, replacing); nil where files may not be written (SSH sessions).
    public let writeFile: (@Sendable (String, String, Bool) throws(NoticeFile.Problem) -> Void)?
    /// Training sandbox only (`biosched demo`): the movable clock and the store's reset.
    public var training: TrainingControl?
    /// The store's SSH keys and enrollment codes, for the keys screen (nil: the screen says it is not available).
    public var keyRegistry: (any KeyRegistry)?

    public init(
        store: any BookingStore, clock: @escaping @Sendable () -> Date,
        writeFile: (@Sendable (String, String, Bool) throws(NoticeFile.Problem) -> Void)?
    ) {
        self.store = store
        self.clock = clock
        self.writeFile = writeFile
    }

    /// Saves notices with `NoticeFile`, never over the store at `storePath`.
    public static func writingFiles(protecting storePath: String?) -> @Sendable (String, String, Bool) throws(NoticeFile.Problem) -> Void {
        let file = NoticeFile(protecting: storePath)
        return { (path, text, replacing) throws(NoticeFile.Problem) in try file.write(text, to: path, replacing: replacing) }
    }

    public func run(_ effect: Effect, actor: Actor) -> Event? {
        func attempt<T>(_ body: () throws(StoreError) -> T) -> Result<T, StoreError> {
            do { return .success(try body()) } catch { return .failure(error) }
        }
        switch effect {
        case .loadCases:
            return .casesLoaded(attempt { () throws(StoreError) in try store.cases(for: actor) })
        case let .loadCase(r):
            let result = attempt { () throws(StoreError) in try store.caseSnapshot(r, for: actor) }
            // Who looked at what, when: staff look-ups and refused attempts go to the audit log.
            switch result {
            case .success where actor.role.isStaff: store.recordLookup(r, by: actor, refused: false, detail: "opened in the terminal UI", now: clock())
            case .failure(.notAuthorized): store.recordLookup(r, by: actor, refused: true, detail: "terminal UI: not authorized or no such case", now: clock())
            default: break
            }
            return .caseLoaded(result)
        case let .findCallers(query, text):
            return .callersFound(
                text: text,
                attempt { () throws(StoreError) in
                    var found = try store.findCallers(query, for: actor, limit: CallerSearch.limit, now: clock())
                    try found.markClosedDays { (code) throws(StoreError) in try store.center(code: code) } // R17
                    found.rankWholeWords()
                    return found
                })
        case let .loadBookings(center):
            let now = clock()
            return .bookingsLoaded(
                center: center,
                attempt { () throws(StoreError) in
                    let w = try store.storeInfo().window
                    return try store.bookedCounts(
                        center: center, from: w.earliest(after: now).addingTimeInterval(-86_400),
                        to: w.latest(after: now).addingTimeInterval(86_400 * 2))
                })
        case .loadCenters:
            return .centersLoaded(attempt { () throws(StoreError) in try store.centers() })
        case let .submit(draft):
            return .submitted(attempt { () throws(StoreError) in try store.reschedule(draft.request, clock: clock) })
        case .loadReviews:
            return .reviewsLoaded(attempt { () throws(StoreError) in try store.pendingReviews() })
        case let .review(id, approve, note, center, to):
            return .reviewed(
                attempt { () throws(StoreError) in
                    try store.review(
                        ReviewDecision(
                            requestID: id, kind: approve ? .approve : .deny, officer: actor.id, note: note,
                            centerCode: center, to: to), clock: clock)
                })
        case let .saveNotice(path, text, replacing):
            guard let writeFile else { return .noticeSaved(path: path, error: Localized { $0.savingNotAvailable }) }
            do {
                try writeFile(path, text, replacing)
                return .noticeSaved(path: path, error: nil)
            } catch {
                if error == .exists { return .noticeFileExists(path: path) }
                return .noticeSaved(path: path, error: error.text)
            }
        case .quit:
            return nil
        case let .training(t):
            return runTraining(t)
        case let .keys(k):
            return .keys(runKeys(k, actor: actor))
        case let .waitlist(w):
            return .waitlist(runWaitlist(w, actor: actor))
        }
    }
}

extension EffectRunner {
    func runKeys(_ effect: KeysEffect, actor: Actor) -> KeysEvent {
        guard let keys = keyRegistry else {
            let none = StoreError.invalid(Localized { $0.noKeyRegistry })
            switch effect {
            case .load: return .loaded(.failure(none))
            case .revoke: return .revoked(.failure(none))
            case .issueCode: return .codeIssued(.failure(none))
            }
        }
        // An applicant or representative acts on their own account only; staff on any.
        func allowed(_ holder: KeyHolder) -> Bool { actor.role.isStaff || holder.id == actor.id }
        switch effect {
        case let .load(holder):
            guard allowed(holder) else { return .loaded(.failure(.notAuthorized)) }
            do { return .loaded(.success(try keys.activeKeys(of: holder))) } catch { return .loaded(.failure(error)) }
        case let .revoke(holder, blob):
            guard allowed(holder) else { return .revoked(.failure(.notAuthorized)) }
            do { return .revoked(.success(try keys.revokeKeys(of: holder, blob: blob, by: actor, now: clock()))) } catch { return .revoked(.failure(error)) }
        case let .issueCode(account):
            guard actor.role.isStaff else { return .codeIssued(.failure(.invalid(Localized { $0.onlyContactCenterCodes }))) }
            do {
                let code = try keys.issueEnrollmentCode(account: account, by: actor, now: clock())
                return .codeIssued(.success((code, try keys.enrollmentDoor())))
            } catch { return .codeIssued(.failure(error)) }
        }
    }
}

extension EffectRunner {
    /// The waiting list's steps through `WaitlistService`, the code of `biosched waitlist` and `offers`.
    func runWaitlist(_ effect: WaitlistEffect, actor: Actor) -> WaitlistEvent {
        func attempt<T>(_ body: (any TransactionalStore) throws(StoreError) -> T) -> Result<T, StoreError> {
            guard let tx = store as? any TransactionalStore else { return .failure(.invalid(Localized { $0.waitlistNotInStore })) }
            do { return .success(try body(tx)) } catch { return .failure(error) }
        }
        switch effect {
        case let .load(r):
            return .loaded(r, attempt { (s) throws(StoreError) in try WaitlistService.caseView(r, for: actor, in: s, clock: clock) })
        case let .ask(request):
            return .asked(attempt { (s) throws(StoreError) in try WaitlistService.ask(request, in: s, clock: clock) })
        case let .withdraw(r):
            return .withdrawn(attempt { (s) throws(StoreError) in try WaitlistService.withdraw(r, by: actor, in: s, clock: clock) })
        case let .accept(id, requestID):
            return .accepted(attempt { (s) throws(StoreError) in try WaitlistService.accept(id, by: actor, requestID: requestID, in: s, clock: clock) })
        case let .decline(id):
            return .declined(attempt { (s) throws(StoreError) in try WaitlistService.decline(id, by: actor, in: s, clock: clock) })
        }
    }
}
