import Foundation
import Scheduling

/// The real transport: `SENDMAIL -t -oi -f FROM` with the message on standard input (the
/// recipients come from its To header), and `SMS-COMMAND [ARGS...]` with the number on the
/// first line of standard input and the text after it. Argument vectors only, no shell.
public struct CommandTransport: Transport {
    public var sendmail: String
    /// The gateway's argument vector (a program and fixed arguments), or nil when none is configured.
    public var smsCommand: [String]?
    public var runner: ProgramRunner

    public init(sendmail: String, smsCommand: [String]?, timeout: TimeInterval) {
        self.sendmail = sendmail
        self.smsCommand = smsCommand
        self.runner = ProgramRunner(timeout: timeout)
    }

    /// `CMD` split at blanks into a program and its arguments (no quoting: it is not a shell).
    public static func argv(_ command: String) -> [String] {
        command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    public func sendMail(_ message: String, to: EmailAddress, from: EmailAddress) throws(DeliveryFailure) {
        let path = sendmail
        try check(runner.run([sendmail, "-t", "-oi", "-f", from.value], input: Data(message.utf8))) { _ in "sendmail (\(path))" }
    }

    public func sendSMS(_ text: String, to: PhoneNumber) throws(DeliveryFailure) {
        guard let argv = smsCommand, !argv.isEmpty else {
            throw DeliveryFailure { $0.noSMSGateway }
        }
        let flat = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        let program = argv[0]
        try check(runner.run(argv, input: Data("\(to.e164)\n\(flat)\n".utf8))) { $0.smsGateway(program) }
    }

    func check(_ o: ProgramRunner.Outcome, what: (Catalog) -> String) throws(DeliveryFailure) {
        let output = o.output.split(whereSeparator: \.isNewline).prefix(3).joined(separator: " / ")
        let said = output.isEmpty ? "" : ": \(output)"
        let seconds = Int(runner.timeout)
        if o.timedOut { throw DeliveryFailure { $0.programTimedOut(what($0), seconds) } }
        if let s = o.signal { throw DeliveryFailure { $0.programKilled(what($0), s, said) } }
        if let s = o.status, s != 0 { throw DeliveryFailure { $0.programExited(what($0), s, said) } }
    }
}
