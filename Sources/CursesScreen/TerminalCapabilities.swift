import CNcursesw

/// The terminfo capabilities `FrameWriter` draws with: cursor addressing, erasing, attributes and
/// colors, the line-drawing set. Read from the open terminal's entry, or from a named entry
/// without a terminal (for tests). Nothing here names a terminal's sequences: every byte comes
/// from terminfo.
struct TerminalCapabilities: Sendable {
    /// String capabilities by terminfo name; a missing one is absent.
    private(set) var strings: [String: [UInt8]] = [:]
    /// `am`: writing the last column wraps. `xenl`: the wrap waits for the next character, so
    /// the bottom-right cell can be written without scrolling. `bce`: erasing fills with the
    /// current background.
    var autoMargins = false, newlineGlitch = false, backColorErase = false
    /// The line-drawing letters (`acsc`): the VT100 letter a box character stands for, to the
    /// byte this terminal wants for it in its alternate character set.
    var lineDrawing: [UInt8: UInt8] = [:]

    static let names = [
        "cup", "hpa", "vpa", "cuf", "cuf1", "cub", "cub1", "cud", "cud1", "cuu", "cuu1", "cr",
        "el", "ech", "sgr0", "bold", "dim", "smul", "rev", "smacs", "rmacs", "op",
        "setaf", "setab", "setf", "setb", "smir", "rmir", "ich1", "ich", "acsc"
    ]

    /// No capabilities: nothing is drawn.
    init() {}

    /// The open terminal's entry (nil), or the entry `term` (without a terminal).
    /// Returns nil when there is no such entry.
    init?(term: String?) {
        var buffer = [CChar](repeating: 0, count: 4096)
        func string(_ cap: String) -> [UInt8]? {
            let n = buffer.withUnsafeMutableBufferPointer { out in
                if let term { return cn_capability_string(term, cap, out.baseAddress, out.count) }
                return cn_capability_string(nil, cap, out.baseAddress, out.count)
            }
            guard n > 0 else { return nil }
            return Self.withoutPadding(buffer[0..<Int(n)].map { UInt8(bitPattern: $0) })
        }
        func flag(_ cap: String) -> Int32 {
            if let term { return cn_capability_flag(term, cap) }
            return cn_capability_flag(nil, cap)
        }
        let am = flag("am")
        guard am >= 0 else { return nil }
        autoMargins = am == 1
        newlineGlitch = flag("xenl") == 1
        backColorErase = flag("bce") == 1
        for name in Self.names {
            if let value = string(name) { strings[name] = value }
        }
        if let acsc = strings["acsc"] {
            var i = 0
            while i + 1 < acsc.count {
                lineDrawing[acsc[i]] = acsc[i + 1]
                i += 2
            }
        }
    }

    subscript(_ name: String) -> [UInt8]? { strings[name] }

    /// A parameterized capability with its parameters filled in (tiparm), or nil when absent.
    func format(_ name: String, _ p1: Int, _ p2: Int = 0) -> [UInt8]? {
        guard let template = strings[name] else { return nil }
        var out = [CChar](repeating: 0, count: 256)
        let n = (template.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { t in
            out.withUnsafeMutableBufferPointer {
                cn_format_capability(t.baseAddress, Int32(clamping: p1), Int32(clamping: p2), $0.baseAddress, $0.count)
            }
        }
        guard n >= 0 else { return nil }
        return Self.withoutPadding(out[0..<Int(n)].map { UInt8(bitPattern: $0) })
    }

    /// Without terminfo's padding delays (`$<2>`, `$<5*/>`): tputs would turn them into nothing
    /// at the speeds of today's terminals, which is what this writer does.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
                let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")),
                bytes[(i + 2)..<close].allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "/") })
            {
                i = close + 1
                continue
            }
            result.append(bytes[i])
            i += 1
        }
        return result
    }
}
