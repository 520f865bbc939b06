import Scheduling

/// The subset of TOML 1.0 that theme files use, parsed by hand so that every value (not only a
/// syntax error) carries the line and column it was written at: an unknown token or a malformed
/// color is reported at its own line. Everything accepted here is valid TOML; TOML features that
/// themes do not need (multi-line strings, floats, dates, arrays of tables) are refused with a
/// message that says so, at their line.
///
/// Supported: comments, `[table]` and `[dotted.table]` headers, `key = value` with bare, quoted and
/// dotted keys, basic `"..."` (with escapes) and literal `'...'` strings, decimal and hex integers,
/// `true`/`false`, arrays (over several lines, trailing comma allowed) and inline tables `{ ... }`.
public struct TOMLNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case array([TOMLNode])
        case table(TOMLTable)
    }
    public var value: Value
    /// 1-based line and column where the value starts.
    public var line: Int
    public var column: Int

    /// What the value is, for messages ("a string", "a table").
    public var kind: String { kind(Catalog.en) }
    public func kind(_ t: Catalog) -> String {
        switch value {
        case .string: t.tomlString
        case .integer: t.tomlInteger
        case .boolean: t.tomlBoolean
        case .array: t.tomlArray
        case .table: t.tomlTable
        }
    }
}

/// A table: its entries in the order written, each with the line of its key.
public struct TOMLTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var node: TOMLNode
        /// Where the key was written (for a `[header]` table, the header's line).
        public var line: Int
        public var column: Int
    }
    public var entries: [Entry] = []
    public subscript(key: String) -> TOMLNode? { entries.first { $0.key == key }?.node }
}

/// A theme file that cannot be used: where, and what was expected there.
public struct ThemeFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given (nil for text not read from a file).
    public var file: String?
    /// 1-based; 0 when the error is about the whole file (it cannot be read).
    public var line: Int
    public var column: Int
    /// What is wrong and what was expected, short enough for the status pane.
    public var message: String
    /// More for the command line (e.g. every token name), or nil.
    public var detail: String?

    public init(file: String? = nil, line: Int, column: Int = 0, message: String, detail: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.detail = detail
    }

    /// `FILE:LINE:COLUMN: message`, the form editors and compilers use, then the detail.
    public var description: String {
        var s = file ?? "<theme>"
        if line > 0 { s += ":\(line)" + (column > 0 ? ":\(column)" : "") }
        return s + ": " + message + (detail.map { "\n  " + $0 } ?? "")
    }

    /// For the status pane: "Theme file light.toml, line 12: expected ..." (the message is in
    /// the language the file was parsed in; `t` says the frame around it).
    public var sentence: String { sentence(Catalog.en) }
    public func sentence(_ t: Catalog) -> String {
        let name = file.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "theme"
        return t.themeFileSentence(name, line, message)
    }
}

/// The parser. `TOMLSubset.parse(text)` gives the root table or throws a `ThemeFileError`.
public enum TOMLSubset {
    /// Bounds on what a theme file may be: its size, and how deeply arrays, inline tables and
    /// dotted keys nest (a theme needs three levels; recursion is never left unbounded).
    public static let maxBytes = 256 * 1024
    public static let maxDepth = 16

    public static func parse(_ text: String, file: String? = nil, _ t: Catalog = .en) throws(ThemeFileError) -> TOMLTable {
        guard text.utf8.count <= maxBytes else {
            throw ThemeFileError(file: file, line: 0, column: 0, message: t.themeTooBig(text.utf8.count, maxBytes / 1024))
        }
        var p = Parser(text: text, file: file, t: t)
        return try p.document()
    }

    /// Tables while parsing: reference types, so that dotted keys and headers can reach into them.
    final class TableBuilder {
        enum Origin { case implicit, header, dotted, inline }
        private(set) var entries: [(key: String, value: Builder, line: Int, column: Int)] = []
        /// Key → index in `entries`: each look-up is constant time, so a file of n keys parses in
        /// linear time (a linear search per key made a 256 KiB theme quadratic).
        private var index: [String: Int] = [:]
        var origin: Origin
        let line: Int, column: Int
        init(origin: Origin, line: Int, column: Int) {
            self.origin = origin
            self.line = line
            self.column = column
        }

        func find(_ key: String) -> (value: Builder, line: Int)? {
            index[key].map { (entries[$0].value, entries[$0].line) }
        }

        func append(_ key: String, _ value: Builder, _ line: Int, _ column: Int) {
            index[key] = entries.count
            entries.append((key, value, line, column))
        }

        func build() -> TOMLTable {
            TOMLTable(entries: entries.map { TOMLTable.Entry(key: $0.key, node: $0.value.build(), line: $0.line, column: $0.column) })
        }
    }

    enum Builder {
        case leaf(TOMLNode)
        case table(TableBuilder)

        func build() -> TOMLNode {
            switch self {
            case let .leaf(node): return node
            case let .table(t): return TOMLNode(value: .table(t.build()), line: t.line, column: t.column)
            }
        }
    }

    struct Parser {
        let chars: [Character]
        let file: String?
        let t: Catalog
        var i = 0
        var line = 1
        var lineStart = 0
        var depth = 0

        init(text: String, file: String?, t: Catalog) {
            // "\r\n" is one Character in Swift, so lines end at "\n" or "\r\n" alike.
            chars = Array(text)
            self.file = file
            self.t = t
        }

        var column: Int { i - lineStart + 1 }
        var atEnd: Bool { i >= chars.count }
        var current: Character? { i < chars.count ? chars[i] : nil }

        func fail(_ message: String, line: Int? = nil, column: Int? = nil) -> ThemeFileError {
            ThemeFileError(file: file, line: line ?? self.line, column: column ?? self.column, message: message)
        }

        static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

        mutating func advance() {
            if let c = current, Self.isNewline(c) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }

        mutating func skipSpaces() { while let c = current, c == " " || c == "\t" { advance() } }

        /// Spaces, newlines and comments (inside arrays).
        mutating func skipBlank() {
            while let c = current {
                if c == " " || c == "\t" || Self.isNewline(c) { advance() } else if c == "#" { skipComment() } else { break }
            }
        }

        mutating func skipComment() { while let c = current, !Self.isNewline(c) { advance() } }

        /// After a key/value or a header: spaces, an optional comment, then a newline or the end.
        mutating func endOfLine(after what: String) throws(ThemeFileError) {
            skipSpaces()
            if current == "#" { skipComment() }
            guard let c = current else { return }
            guard Self.isNewline(c) else {
                throw fail(t.tomlEndOfLineExpected(what, describe(c)))
            }
            advance()
        }

        func describe(_ c: Character) -> String {
            switch c {
            case "\n", "\r\n": return t.tomlEndOfLine
            case "\t": return t.tomlTab
            default: return "'\(c)'"
            }
        }

        mutating func document() throws(ThemeFileError) -> TOMLTable {
            let root = TableBuilder(origin: .implicit, line: 1, column: 1)
            var currentTable = root
            while true {
                skipBlank()
                guard let c = current else { break }
                if c == "[" {
                    currentTable = try header(root)
                } else {
                    try keyValue(into: currentTable, inline: false)
                    try endOfLine(after: t.tomlTheValue)
                }
            }
            return root.build()
        }

        mutating func header(_ root: TableBuilder) throws(ThemeFileError) -> TableBuilder {
            let headerLine = line, headerColumn = column
            advance() // [
            if current == "[" { throw fail(t.tomlNoArraysOfTables) }
            skipSpaces()
            let path = try key()
            skipSpaces()
            guard current == "]" else {
                throw fail(t.tomlHeaderNotClosed(current.map(describe) ?? t.tomlEndOfFile))
            }
            advance()
            try endOfLine(after: t.tomlTheHeader)
            var table = root
            for (n, part) in path.enumerated() {
                let last = n == path.count - 1
                if let (existing, existingLine) = table.find(part.name) {
                    guard case let .table(t) = existing, t.origin != .inline else {
                        throw fail(
                            self.t.tomlAlreadyValue(path.prefix(n + 1).map(\.name).joined(separator: "."), existingLine),
                            line: headerLine, column: headerColumn)
                    }
                    if last {
                        if t.origin == .header || t.origin == .dotted {
                            throw fail(
                                self.t.tomlTableTwice(path.map(\.name).joined(separator: "."), existingLine),
                                line: headerLine, column: headerColumn)
                        }
                        t.origin = .header
                    }
                    table = t
                } else {
                    let t = TableBuilder(origin: last ? .header : .implicit, line: headerLine, column: headerColumn)
                    table.append(part.name, .table(t), headerLine, headerColumn)
                    table = t
                }
            }
            return table
        }

        struct KeyPart {
            var name: String
            var line: Int
            var column: Int
        }

        /// A dotted key: `a`, `"a b"`, `a.b.'c'`.
        mutating func key() throws(ThemeFileError) -> [KeyPart] {
            var parts: [KeyPart] = []
            while true {
                skipSpaces()
                let l = line, c = column
                guard let ch = current else { throw fail(t.tomlKeyAtEnd) }
                let name: String
                if ch == "\"" {
                    name = try basicString()
                } else if ch == "'" {
                    name = try literalString()
                } else if Self.isBare(ch) {
                    var s = ""
                    while let b = current, Self.isBare(b) {
                        s.append(b)
                        advance()
                    }
                    name = s
                } else {
                    throw fail(t.tomlBadKey(describe(ch)))
                }
                parts.append(KeyPart(name: name, line: l, column: c))
                if parts.count > TOMLSubset.maxDepth {
                    throw fail(t.tomlKeyTooDeep(TOMLSubset.maxDepth), line: l, column: c)
                }
                skipSpaces()
                if current == "." { advance() } else { return parts }
            }
        }

        static func isBare(_ c: Character) -> Bool {
            c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_")
        }

        mutating func keyValue(into table: TableBuilder, inline: Bool) throws(ThemeFileError) {
            let path = try key()
            skipSpaces()
            guard current == "=" else {
                let found = current.map(describe) ?? t.tomlEndOfFile
                throw fail(t.tomlNoEquals(path.map(\.name).joined(separator: "."), found))
            }
            advance()
            skipSpaces()
            let value = try self.value()
            var target = table
            for part in path.dropLast() {
                if let (existing, existingLine) = target.find(part.name) {
                    guard case let .table(t) = existing, t.origin == .dotted || t.origin == .implicit else {
                        throw fail(t.tomlKeyIsValue(part.name, existingLine), line: part.line, column: part.column)
                    }
                    target = t
                } else {
                    let t = TableBuilder(origin: .dotted, line: part.line, column: part.column)
                    target.append(part.name, .table(t), part.line, part.column)
                    target = t
                }
            }
            let last = path[path.count - 1]
            if let (_, existingLine) = target.find(last.name) {
                throw fail(t.tomlKeyTwice(last.name, existingLine), line: last.line, column: last.column)
            }
            target.append(last.name, value, last.line, last.column)
        }

        mutating func value() throws(ThemeFileError) -> Builder {
            let l = line, c = column
            guard let ch = current else { throw fail(t.tomlValueAtEnd) }
            func leaf(_ v: TOMLNode.Value) -> Builder { .leaf(TOMLNode(value: v, line: l, column: c)) }
            switch ch {
            case "\"":
                if lookahead("\"\"\"") { throw fail(t.tomlNoMultilineBasic) }
                return leaf(.string(try basicString()))
            case "'":
                if lookahead("'''") { throw fail(t.tomlNoMultilineLiteral) }
                return leaf(.string(try literalString()))
            case "[", "{":
                guard depth < TOMLSubset.maxDepth else {
                    throw fail(t.tomlTooDeep(TOMLSubset.maxDepth))
                }
                depth += 1
                defer { depth -= 1 }
                return ch == "[" ? leaf(.array(try array())) : .table(try inlineTable())
            default:
                var word = ""
                while let b = current, !(b == " " || b == "\t" || b == "," || b == "]" || b == "}" || b == "#" || Self.isNewline(b)) {
                    word.append(b)
                    advance()
                }
                if word == "true" { return leaf(.boolean(true)) }
                if word == "false" { return leaf(.boolean(false)) }
                if let n = Self.integer(word) { return leaf(.integer(n)) }
                if word.isEmpty {
                    throw fail(t.tomlNoValue(describe(ch)))
                }
                if word.first.map({ $0.isNumber || $0 == "+" || $0 == "-" }) == true {
                    throw fail(t.tomlNotInteger(word), line: l, column: c)
                }
                throw fail(t.tomlNeedsQuotes(word), line: l, column: c)
            }
        }

        func lookahead(_ s: String) -> Bool {
            var j = i
            for ch in s {
                guard j < chars.count, chars[j] == ch else { return false }
                j += 1
            }
            return true
        }

        static func integer(_ word: String) -> Int? {
            var w = word
            var sign = 1
            if w.hasPrefix("+") {
                w.removeFirst()
            } else if w.hasPrefix("-") {
                sign = -1
                w.removeFirst()
            }
            guard !w.isEmpty, !w.hasPrefix("_"), !w.hasSuffix("_"), !w.contains("__") else { return nil }
            let digits = w.replacingOccurrences(of: "_", with: "")
            if digits.hasPrefix("0x") { return Int(digits.dropFirst(2), radix: 16).map { sign * $0 } }
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits == "0" || !digits.hasPrefix("0") else { return nil }
            return Int(digits).map { sign * $0 }
        }

        mutating func array() throws(ThemeFileError) -> [TOMLNode] {
            advance() // [
            var items: [TOMLNode] = []
            while true {
                skipBlank()
                guard let ch = current else { throw fail(t.tomlArrayNotClosed) }
                if ch == "]" {
                    advance()
                    return items
                }
                items.append(try value().build())
                skipBlank()
                if current == "," {
                    advance()
                    continue
                }
                if current == "]" {
                    advance()
                    return items
                }
                throw fail(t.tomlArraySeparator(current.map(describe) ?? t.tomlEndOfFile))
            }
        }

        mutating func inlineTable() throws(ThemeFileError) -> TableBuilder {
            let t = TableBuilder(origin: .inline, line: line, column: column)
            advance() // {
            skipSpaces()
            if current == "}" {
                advance()
                return t
            }
            while true {
                skipSpaces()
                if let c = current, Self.isNewline(c) {
                    throw fail(self.t.tomlInlineOneLine)
                }
                try keyValue(into: t, inline: true)
                skipSpaces()
                guard let c = current else { throw fail(self.t.tomlInlineNotClosed) }
                if c == "," {
                    advance()
                    continue
                }
                if c == "}" {
                    advance()
                    return t
                }
                throw fail(self.t.tomlInlineSeparator(describe(c)))
            }
        }

        mutating func literalString() throws(ThemeFileError) -> String {
            let l = line, c = column
            advance()
            var s = ""
            while let ch = current {
                if ch == "'" {
                    advance()
                    return s
                }
                if Self.isNewline(ch) { break }
                s.append(ch)
                advance()
            }
            throw fail(t.tomlLiteralUnterminated, line: l, column: c)
        }

        mutating func basicString() throws(ThemeFileError) -> String {
            let l = line, c = column
            advance()
            var s = ""
            while let ch = current {
                if ch == "\"" {
                    advance()
                    return s
                }
                if Self.isNewline(ch) { break }
                if ch == "\\" {
                    advance()
                    guard let e = current else { break }
                    switch e {
                    case "\"": s.append("\"")
                    case "\\": s.append("\\")
                    case "n": s.append("\n")
                    case "t": s.append("\t")
                    case "r": s.append("\r")
                    case "b": s.append("\u{8}")
                    case "f": s.append("\u{c}")
                    case "u", "U":
                        let count = e == "u" ? 4 : 8
                        var hex = ""
                        for _ in 0..<count {
                            advance()
                            guard let h = current, h.isHexDigit else {
                                throw fail(t.tomlHexDigits(count, String(e)))
                            }
                            hex.append(h)
                        }
                        guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                            throw fail(t.tomlNotScalar(String(e), hex))
                        }
                        s.unicodeScalars.append(scalar)
                    default:
                        throw fail(t.tomlUnknownEscape(String(e)))
                    }
                    advance()
                    continue
                }
                s.append(ch)
                advance()
            }
            throw fail(t.tomlBasicUnterminated, line: l, column: c)
        }
    }
}
