import Foundation
import Scheduling

/// The request form: centers, from, before and what is left out, as `biosched waitlist add` takes them.
public struct WaitlistForm: Sendable, Hashable {
    public enum Field: Int, CaseIterable, Sendable { case centers, from, before, not }
    public var centers = TextField(maxLength: 80)
    public var from = TextField(maxLength: 10)
    public var before = TextField(maxLength: 10)
    public var not = TextField(maxLength: 200)
    public var focus: Field = .centers

    public init() {}

    /// The form filled from the case's current request (changing it), else empty.
    public init(_ r: WaitlistRequest?) {
        guard let r else { return }
        centers.set(r.centers.joined(separator: ","))
        from.set(r.from?.iso ?? "")
        before.set(r.before?.iso ?? "")
        not.set(r.exclusions.text)
    }

    public subscript(_ f: Field) -> TextField {
        get {
            switch f {
            case .centers: centers
            case .from: from
            case .before: before
            case .not: not
            }
        }
        set {
            switch f {
            case .centers: centers = newValue
            case .from: from = newValue
            case .before: before = newValue
            case .not: not = newValue
            }
        }
    }
}
