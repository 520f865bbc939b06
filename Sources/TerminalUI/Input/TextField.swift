/// A one-line text input: UTF-8 text, a cursor, and editing keys.
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, 0...characters.count.
    public private(set) var cursor: Int
    public var maxLength: Int

    public init(_ text: String = "", maxLength: Int = 200) {
        var kept: [Character] = [], scalars = 0
        for c in text {
            scalars += c.unicodeScalars.count
            if scalars > maxLength { break }
            kept.append(c)
        }
        characters = kept; cursor = characters.count; self.maxLength = maxLength
    }

    public var text: String { String(characters) }
    public var isBlank: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }

    /// Applies an editing key. Returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case let .char(c):
            // The bound counts Unicode scalars: a letter pasted with thousands of combining marks
            // (one Character) fills the field as they would one by one (issue 20).
            guard characters.reduce(0, { $0 + $1.unicodeScalars.count }) + c.unicodeScalars.count <= maxLength, !c.isNewline else { return true }
            characters.insert(c, at: cursor); cursor += 1
        case .backspace:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("u"): characters.removeFirst(cursor); cursor = 0
        case .ctrl("k"): characters.removeLast(characters.count - cursor)
        default: return false
        }
        return true
    }

    public mutating func set(_ text: String) { characters = Array(text.prefix(maxLength)); cursor = characters.count }

    /// The visible part for a field `width` columns wide, scrolled so the cursor shows, and the
    /// cursor's column in it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        var start = 0
        func widthBetween(_ a: Int, _ b: Int) -> Int { characters[a..<b].reduce(0) { $0 + DisplayWidth.of($1) } }
        while widthBetween(start, cursor) > width - 1 { start += 1 }
        var end = start, used = 0
        while end < characters.count, used + DisplayWidth.of(characters[end]) <= width {
            used += DisplayWidth.of(characters[end]); end += 1
        }
        return (String(characters[start..<end]), widthBetween(start, cursor))
    }
}
