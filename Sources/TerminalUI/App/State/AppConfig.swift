import Foundation
import Scheduling

/// What does not change during a session.
public struct AppConfig: Sendable, Hashable {
    public var actor: Actor
    public var isTraining: Bool
    public var window: SlotWindow
    /// Prefix of request ids made in this session (a retried submit reuses its id).
    public var sessionID: String
    /// False over SSH: a notice is shown for the client to copy or print, never written to a server file.
    public var canWriteFiles: Bool
    /// A demo store's story cases to try, shown on the find screen (training stores only).
    public var tryCases: [TryCase] = []
    /// The session's language at the start (`--lang`, the account's, the environment's, else English).
    public var language: Language
    public init(actor: Actor, isTraining: Bool, window: SlotWindow, sessionID: String, canWriteFiles: Bool = true, language: Language = .en) {
        self.actor = actor
        self.isTraining = isTraining
        self.window = window
        self.sessionID = sessionID
        self.canWriteFiles = canWriteFiles
        self.language = language
    }

    /// The viewer escalated this request themselves on a training store (separation of duties is
    /// off there: one trainer plays every role).
    public func ownRequestOnTraining(_ item: ReviewItem) -> Bool {
        isTraining && item.agent == actor.id
    }

    /// A receipt to try and what its story shows.
    public struct TryCase: Sendable, Hashable {
        public var receipt: ReceiptNumber
        public var title: String
        public init(receipt: ReceiptNumber, title: String) {
            self.receipt = receipt
            self.title = title
        }
    }
}
