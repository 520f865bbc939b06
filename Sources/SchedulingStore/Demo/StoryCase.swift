import Foundation
import Scheduling

/// One case of the demo data that shows a situation of the rules, for a trainer to open.
public struct StoryCase: Sendable, Hashable {
    public var receipt: String
    public var title: String
    /// One or two sentences naming the rule, the center and the local time.
    public var description: String
    /// Who to view it as: `applicant`, `representative`, `agent` or `officer`.
    public var role: String
    /// The account to sign in with for `applicant` and `representative`; nil for staff roles.
    public var account: String?
    public init(receipt: String, title: String, description: String, role: String, account: String? = nil) {
        self.receipt = receipt
        self.title = title
        self.description = description
        self.role = role
        self.account = account
    }
}
