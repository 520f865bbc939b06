/// What an editing key does to a one-line field; the keys are bound in `Keymap.fieldEditing`.
public enum FieldEdit: Sendable, Hashable, CaseIterable {
    case deleteBackward, deleteForward, left, right, home, end, deleteToStart, deleteToEnd
}

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
        characters = kept
        cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }
    public var isBlank: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }

    /// Applies a key: a printable one types, an editing one (`Keymap.fieldEditing`) edits.
    /// Returns false when the key is neither.
    public mutating func handle(_ key: Key) -> Bool {
        if case let .char(c) = key {
            // The bound counts Unicode scalars: a letter pasted with thousands of combining marks
            // (one Character) fills the field as they would one by one (issue 20).
            guard characters.reduce(0, { $0 + $1.unicodeScalars.count }) + c.unicodeScalars.count <= maxLength, !c.isNewline else { return true }
            characters.insert(c, at: cursor)
            cursor += 1
            return true
        }
        guard let edit = Keymap.fieldEdit(for: key) else { return false }
        apply(edit)
        return true
    }

    public mutating func apply(_ edit: FieldEdit) {
        switch edit {
        case .deleteBackward:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .deleteToStart:
            characters.removeFirst(cursor)
            cursor = 0
        case .deleteToEnd: characters.removeLast(characters.count - cursor)
        }
    }

    public mutating func set(_ text: String) {
        characters = Array(text.prefix(maxLength))
        cursor = characters.count
    }

    /// The visible part for a field `width` columns wide, scrolled so the cursor shows, and the
    /// cursor's column in it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        var start = 0
        func widthBetween(_ a: Int, _ b: Int) -> Int { characters[a..<b].reduce(0) { $0 + DisplayWidth.of($1) } }
        while widthBetween(start, cursor) > width - 1 { start += 1 }
        var end = start, used = 0
        while end < characters.count, used + DisplayWidth.of(characters[end]) <= width {
            used += DisplayWidth.of(characters[end])
            end += 1
        }
        return (String(characters[start..<end]), widthBetween(start, cursor))
    }
}
