import Foundation
import GRDB
import Scheduling

extension SQLiteBookingStore: StoreAdministration {
    /// Appends an audit row, waiting at most `seconds` for the write lock: for a look-up, whose
    /// answer must not wait long behind another process's write.
    public func recordEvent(
        _ action: AuditAction, actor: Actor, receipt: ReceiptNumber?, detail: String, now: Date,
        waitingAtMost seconds: TimeInterval
    ) throws(StoreError) {
        do {
            try busyWait.with(timeout: seconds) { try recordEvent(action, actor: actor, receipt: receipt, detail: detail, now: now) }
        } catch { throw Self.map(error, context: nil) }
    }
}
