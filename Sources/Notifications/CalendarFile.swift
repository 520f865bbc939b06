/// An iCalendar file to attach: its name, its iTIP method and its text (CRLF lines).
public struct CalendarFile: Sendable, Hashable {
    public enum Method: String, Sendable { case request = "REQUEST", cancel = "CANCEL", publish = "PUBLISH" }
    public var filename: String
    public var method: Method
    public var text: String
    public init(filename: String, method: Method, text: String) {
        self.filename = filename
        self.method = method
        self.text = text
    }
}
