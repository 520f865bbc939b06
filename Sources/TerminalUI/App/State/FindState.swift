import Foundation
import Scheduling

/// The find screen's and the case list's state: what staff type to find a caller, the matches,
/// and an applicant's or representative's own cases with their filter.
public struct FindState: Sendable, Hashable {
    public var receiptField = TextField(maxLength: CallerQuery.maxLength)
    /// The last caller search's answer and the text it was for (Enter on the same text opens the
    /// chosen match; a new text searches again).
    public var callers: CallerSearchResult?
    public var callersText = ""
    public var callerIndex = 0
    public var cases: [CaseSummary] = []
    public var caseFilter = TextField(maxLength: 40)
    public var filtering = false
    public var caseIndex = 0

    public init() {}

    /// Whether the matches on the find screen are those of the text in the field.
    public var callersListed: Bool { callers.map { !$0.matches.isEmpty && callersText == receiptField.text } ?? false }

    /// Cases matching the filter (applicants and representatives).
    public var visibleCases: [CaseSummary] {
        let f = caseFilter.text.lowercased()
        guard !f.isEmpty else { return cases }
        return cases.filter { "\($0.receipt.value) \($0.applicantName) \($0.form.code) \($0.centerCode)".lowercased().contains(f) }
    }
}
