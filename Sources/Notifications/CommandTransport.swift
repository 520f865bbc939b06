import Foundation

/// The real transport: `SENDMAIL -t -oi -f FROM` with the message on standard input (the
/// recipients come from its To header), and `SMS-COMMAND [ARGS...]` with the number on the
/// first line of standard input and the text after it. Argument vectors only, no shell.
public struct CommandTransport: Transport {
    public var sendmail: String
    /// The gateway's argument vector (a program and fixed arguments), or nil when none is configured.
    public var smsCommand: [String]?
    public var runner: ProgramRunner

    public init(sendmail: String, smsCommand: [String]?, timeout: TimeInterval) {
        self.sendmail = sendmail; self.smsCommand = smsCommand; self.runner = ProgramRunner(timeout: timeout)
    }

    /// `CMD` split at blanks into a program and its arguments (no quoting: it is not a shell).
    public static func argv(_ command: String) -> [String] {
        command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    public func sendMail(_ message: String, to: EmailAddress, from: EmailAddress) throws(DeliveryFailure) {
        try check(runner.run([sendmail, "-t", "-oi", "-f", from.value], input: Data(message.utf8)), what: "sendmail (\(sendmail))")
    }

    public func sendSMS(_ text: String, to: PhoneNumber) throws(DeliveryFailure) {
        guard let argv = smsCommand, !argv.isEmpty else {
            throw DeliveryFailure("no SMS gateway is configured (biosched mailer --sms-command CMD)")
        }
        let flat = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        try check(runner.run(argv, input: Data("\(to.e164)\n\(flat)\n".utf8)), what: "the SMS gateway (\(argv[0]))")
    }

    func check(_ o: ProgramRunner.Outcome, what: String) throws(DeliveryFailure) {
        let said = o.output.split(whereSeparator: \.isNewline).prefix(3).joined(separator: " / ")
        if o.timedOut { throw DeliveryFailure("\(what) did not finish within \(Int(runner.timeout)) s and was stopped") }
        if let s = o.signal { throw DeliveryFailure("\(what) was killed by signal \(s)\(said.isEmpty ? "" : ": \(said)")") }
        if let s = o.status, s != 0 { throw DeliveryFailure("\(what) exited with status \(s)\(said.isEmpty ? "" : ": \(said)")") }
    }
}
