/// What one outbox message says: an email's subject, text and calendar files, and the SMS text.
public struct NotificationContent: Sendable, Hashable {
    public var subject: String
    public var text: String
    public var sms: String
    public var calendars: [CalendarFile]
    public init(subject: String, text: String, sms: String, calendars: [CalendarFile] = []) {
        self.subject = subject
        self.text = text
        self.sms = sms
        self.calendars = calendars
    }
}
