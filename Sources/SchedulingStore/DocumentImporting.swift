import Foundation
import Scheduling

/// A store that loads an import document: all of it or none of it.
public protocol DocumentImporting: Sendable {
    func importDocument(_ doc: ImportDocument, actor: Actor, now: Date) throws(StoreError) -> ImportSummary
}

extension SQLiteBookingStore: DocumentImporting {}
