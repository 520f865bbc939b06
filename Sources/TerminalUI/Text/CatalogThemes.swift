import Foundation
import Scheduling

/// Theme files (`Themes/*.toml`): their parse errors, the status pane's theme notices and
/// `biosched themes`. TOML words (`true`, `[table]`), key names, token names, colors and the
/// `FILE:LINE:COLUMN` prefix stay as they are.
extension Catalog {
    // What a TOML value is, and what was found.
    public var tomlString: String { tr(en: "a string", es: "un texto") }
    public var tomlInteger: String { tr(en: "an integer", es: "un número entero") }
    public var tomlBoolean: String { tr(en: "a boolean", es: "un valor true o false") }
    public var tomlArray: String { tr(en: "an array", es: "una lista") }
    public var tomlTable: String { tr(en: "a table", es: "una tabla") }
    public var tomlEndOfLine: String { tr(en: "the end of the line", es: "el final de la línea") }
    public var tomlTab: String { tr(en: "a tab", es: "un tabulador") }
    public var tomlEndOfFile: String { tr(en: "the end of the file", es: "el final del archivo") }
    public var tomlTheValue: String { tr(en: "the value", es: "el valor") }
    public var tomlTheHeader: String { tr(en: "the table header", es: "el encabezado de la tabla") }
    /// `a, b or c`.
    public func orList(_ names: [String]) -> String {
        guard names.count >= 2 else { return names.joined() }
        let head = names.dropLast().joined(separator: ", "), last = names.last!
        return tr(en: "\(head) or \(last)", es: "\(head) o \(last)")
    }
    public func didYouMean(_ name: String) -> String { tr(en: " (did you mean '\(name)'?)", es: " (¿quiso decir '\(name)'?)") }

    // The TOML subset.
    public func themeTooBig(_ bytes: Int, _ kib: Int) -> String {
        tr(
            en: "the file is \(bytes) bytes; a theme file is at most \(kib) KiB",
            es: "el archivo tiene \(bytes) bytes; un archivo de tema tiene como máximo \(kib) KiB")
    }
    public func tomlEndOfLineExpected(_ what: String, _ found: String) -> String {
        tr(en: "expected the end of the line after \(what), found \(found)", es: "se esperaba el final de la línea después de \(what), pero hay \(found)")
    }
    public var tomlNoArraysOfTables: String {
        tr(
            en: "arrays of tables ([[...]]) are not used in theme files; expected [table]",
            es: "los archivos de tema no usan listas de tablas ([[...]]); se espera [tabla]")
    }
    public func tomlHeaderNotClosed(_ found: String) -> String {
        tr(en: "expected ']' to close the table header, found \(found)", es: "se esperaba ']' para cerrar el encabezado de la tabla, pero hay \(found)")
    }
    public func tomlAlreadyValue(_ name: String, _ line: Int) -> String {
        tr(
            en: "'\(name)' is already a value (line \(line)); expected a new table name",
            es: "'\(name)' ya es un valor (línea \(line)); se espera un nombre de tabla nuevo")
    }
    public func tomlTableTwice(_ name: String, _ line: Int) -> String {
        tr(en: "table [\(name)] is already defined at line \(line)", es: "la tabla [\(name)] ya está definida en la línea \(line)")
    }
    public var tomlKeyAtEnd: String { tr(en: "expected a key, found the end of the file", es: "se esperaba una clave, pero el archivo termina") }
    public func tomlBadKey(_ found: String) -> String {
        tr(
            en: "expected a key (letters, digits, '-' and '_', or a quoted string), found \(found)",
            es: "se esperaba una clave (letras, dígitos, '-' y '_', o un texto entre comillas), pero hay \(found)")
    }
    public func tomlKeyTooDeep(_ max: Int) -> String {
        tr(
            en: "a dotted key has more than \(max) parts; a theme needs at most three",
            es: "una clave con puntos tiene más de \(max) partes; un tema necesita tres como máximo")
    }
    public func tomlNoEquals(_ key: String, _ found: String) -> String {
        tr(en: "expected '=' after the key '\(key)', found \(found)", es: "se esperaba '=' después de la clave '\(key)', pero hay \(found)")
    }
    public func tomlKeyIsValue(_ name: String, _ line: Int) -> String {
        tr(
            en: "'\(name)' is already defined at line \(line); expected a new key",
            es: "'\(name)' ya está definida en la línea \(line); se espera una clave nueva")
    }
    public func tomlKeyTwice(_ name: String, _ line: Int) -> String {
        tr(en: "the key '\(name)' is already defined at line \(line)", es: "la clave '\(name)' ya está definida en la línea \(line)")
    }
    public var tomlValueAtEnd: String { tr(en: "expected a value, found the end of the file", es: "se esperaba un valor, pero el archivo termina") }
    public var tomlNoMultilineBasic: String {
        tr(
            en: "multi-line strings are not used in theme files; expected \"...\" on one line",
            es: "los archivos de tema no usan textos de varias líneas; se espera \"...\" en una línea")
    }
    public var tomlNoMultilineLiteral: String {
        tr(
            en: "multi-line strings are not used in theme files; expected '...' on one line",
            es: "los archivos de tema no usan textos de varias líneas; se espera '...' en una línea")
    }
    public func tomlTooDeep(_ max: Int) -> String {
        tr(
            en: "arrays and tables nest more than \(max) levels deep here; a theme needs at most three",
            es: "aquí las listas y tablas se anidan en más de \(max) niveles; un tema necesita tres como máximo")
    }
    public func tomlNoValue(_ found: String) -> String {
        tr(
            en: "expected a value (a \"string\", a number, true or false, [an array] or { a table }), found \(found)",
            es: "se esperaba un valor (un \"texto\", un número, true o false, [una lista] o { una tabla }), pero hay \(found)")
    }
    public func tomlNotInteger(_ word: String) -> String {
        tr(
            en: "'\(word)' is not an integer (floats and dates are not used in theme files); expected a whole number",
            es: "'\(word)' no es un número entero (los archivos de tema no usan decimales ni fechas); se espera un número entero")
    }
    public func tomlNeedsQuotes(_ word: String) -> String {
        tr(
            en: "expected a value, found \(word); a color or a name needs quotes: \"\(word)\"",
            es: "se esperaba un valor, pero hay \(word); un color o un nombre va entre comillas: \"\(word)\"")
    }
    public var tomlArrayNotClosed: String {
        tr(en: "expected ']' to close the array, found the end of the file", es: "se esperaba ']' para cerrar la lista, pero el archivo termina")
    }
    public func tomlArraySeparator(_ found: String) -> String {
        tr(en: "expected ',' or ']' in the array, found \(found)", es: "se esperaba ',' o ']' en la lista, pero hay \(found)")
    }
    public var tomlInlineOneLine: String {
        tr(
            en: "expected the inline table to go on on the same line (TOML inline tables are one line; use a [table] for more)",
            es: "se esperaba que la tabla en línea siguiera en la misma línea (en TOML una tabla en línea ocupa una sola línea; use una [tabla] para más)")
    }
    public var tomlInlineNotClosed: String {
        tr(en: "expected ',' or '}' in the inline table, found the end of the file", es: "se esperaba ',' o '}' en la tabla en línea, pero el archivo termina")
    }
    public func tomlInlineSeparator(_ found: String) -> String {
        tr(en: "expected ',' or '}' in the inline table, found \(found)", es: "se esperaba ',' o '}' en la tabla en línea, pero hay \(found)")
    }
    public var tomlLiteralUnterminated: String {
        tr(en: "unterminated string: expected a closing ' on the same line", es: "texto sin cerrar: se espera una ' de cierre en la misma línea")
    }
    public var tomlBasicUnterminated: String {
        tr(en: "unterminated string: expected a closing \" on the same line", es: "texto sin cerrar: se espera una \" de cierre en la misma línea")
    }
    public func tomlHexDigits(_ count: Int, _ escape: String) -> String {
        tr(en: "expected \(count) hex digits after \\\(escape)", es: "se esperaban \(count) dígitos hexadecimales después de \\\(escape)")
    }
    public func tomlNotScalar(_ escape: String, _ hex: String) -> String {
        tr(en: "\\\(escape)\(hex) is not a Unicode scalar value", es: "\\\(escape)\(hex) no es un valor escalar de Unicode")
    }
    public func tomlUnknownEscape(_ escape: String) -> String {
        tr(
            en: "unknown escape \\\(escape); expected one of \\\" \\\\ \\n \\t \\r \\b \\f \\uXXXX",
            es: "escape desconocido \\\(escape); se espera uno de \\\" \\\\ \\n \\t \\r \\b \\f \\uXXXX")
    }

    // The theme file's keys and values.
    public var fileNotUTF8: String { tr(en: "the file cannot be read as UTF-8 text", es: "el archivo no se puede leer como texto UTF-8") }
    public var fileMissing: String { tr(en: "the file does not exist", es: "el archivo no existe") }
    public func badPaletteName(_ name: String) -> String {
        tr(en: "palette name '\(name)' must be letters, digits, '-' and '_'", es: "el nombre de paleta '\(name)' debe tener solo letras, dígitos, '-' y '_'")
    }
    public var paletteDefault: String {
        tr(
            en: "'default' means the terminal's own color; expected another palette name",
            es: "'default' es el color propio de la terminal; se espera otro nombre de paleta")
    }
    public func paletteColor(_ name: String) -> String { tr(en: "palette color '\(name)'", es: "el color de paleta '\(name)'") }
    public func paletteExpected(_ name: String) -> String {
        tr(
            en: "expected a color \"#rrggbb\" or { rgb = \"#rrggbb\", 256 = N, 16 = N } for '\(name)'",
            es: "se esperaba un color \"#rrggbb\" o { rgb = \"#rrggbb\", 256 = N, 16 = N } para '\(name)'")
    }
    public func unknownTopKey(_ key: String, _ expected: String, _ hint: String) -> String {
        tr(en: "unknown key '\(key)'; expected \(expected)\(hint)", es: "clave desconocida '\(key)'; se espera \(expected)\(hint)")
    }
    public func unknownToken(_ key: String, near: String?) -> String {
        if let near {
            return tr(
                en: "unknown token '\(key)'; expected a token name such as '\(near)'",
                es: "elemento desconocido '\(key)'; se espera un nombre de elemento como '\(near)'")
        }
        return tr(en: "unknown token '\(key)'; expected a token name", es: "elemento desconocido '\(key)'; se espera un nombre de elemento")
    }
    public func tokenNames(_ names: String) -> String { tr(en: "token names: \(names)", es: "nombres de elementos: \(names)") }
    public func colorOf(_ key: String) -> String { tr(en: "the color of '\(key)'", es: "el color de '\(key)'") }
    public func unknownTokenKey(_ key: String, _ token: String, _ hint: String, _ expected: String) -> String {
        tr(
            en: "unknown key '\(key)' in token '\(token)'\(hint); expected \(expected)",
            es: "clave desconocida '\(key)' en el elemento '\(token)'\(hint); se espera \(expected)")
    }
    public func tokenExpected(_ token: String, _ found: String) -> String {
        tr(
            en: "expected a color or { fg = ..., bg = ..., attrs = [...], mono = [...] } for token '\(token)', found \(found)",
            es: "se esperaba un color o { fg = ..., bg = ..., attrs = [...], mono = [...] } para el elemento '\(token)', pero hay \(found)")
    }
    public func expectedString(_ what: String, _ found: String) -> String {
        tr(en: "expected a \"string\" for \(what), found \(found)", es: "se esperaba un \"texto\" para \(what), pero hay \(found)")
    }
    public func expectedTable(_ what: String, _ found: String) -> String {
        tr(en: "expected a table for \(what), found \(found)", es: "se esperaba una tabla para \(what), pero hay \(found)")
    }
    public var colorExpectedNames: String {
        tr(
            en: "expected \"#rrggbb\", a palette name, \"default\" or { rgb = \"#rrggbb\", 256 = N, 16 = N }",
            es: "se espera \"#rrggbb\", un nombre de paleta, \"default\" o { rgb = \"#rrggbb\", 256 = N, 16 = N }")
    }
    public var colorExpected: String {
        tr(en: "expected \"#rrggbb\" or { rgb = \"#rrggbb\", 256 = N, 16 = N }", es: "se espera \"#rrggbb\" o { rgb = \"#rrggbb\", 256 = N, 16 = N }")
    }
    public func malformedHex(_ s: String, _ what: String) -> String {
        tr(
            en: "malformed color \"\(s)\" for \(what): expected \"#rrggbb\", six hex digits",
            es: "color mal escrito \"\(s)\" para \(what): se espera \"#rrggbb\", seis dígitos hexadecimales")
    }
    public func unknownColor(_ s: String, _ what: String, _ hint: String, _ expected: String) -> String {
        tr(en: "unknown color '\(s)' for \(what)\(hint); \(expected)", es: "color desconocido '\(s)' para \(what)\(hint); \(expected)")
    }
    public var noPalette: String { tr(en: "the file has no [palette]", es: "el archivo no tiene [palette]") }
    public func paletteList(_ names: String) -> String { tr(en: "palette: \(names)", es: "paleta: \(names)") }
    public func malformedColor(_ s: String, _ what: String, _ expected: String) -> String {
        tr(en: "malformed color \"\(s)\" for \(what): \(expected)", es: "color mal escrito \"\(s)\" para \(what): \(expected)")
    }
    public func expected256(_ what: String) -> String {
        tr(en: "expected a 256-color number 0-255 for \(what)", es: "se esperaba un número de color de 0 a 255 para \(what)")
    }
    public func expected16(_ names: String, _ what: String) -> String {
        tr(
            en: "expected a 16-color number 0-15 or a name (\(names)) for \(what)",
            es: "se esperaba un número de color de 0 a 15 o un nombre (\(names)) para \(what)")
    }
    public func unknownColorKey(_ key: String, _ what: String, _ hint: String, _ expected: String) -> String {
        tr(
            en: "unknown key '\(key)' in the color \(what)\(hint); expected \(expected)",
            es: "clave desconocida '\(key)' en el color \(what)\(hint); se espera \(expected)")
    }
    public func colorNeedsRGB(_ what: String) -> String {
        tr(
            en: "the color \(what) needs rgb = \"#rrggbb\" (256 and 16 are its fallbacks)",
            es: "el color \(what) necesita rgb = \"#rrggbb\" (256 y 16 son sus alternativas)")
    }
    public func expectedFound(_ expected: String, _ what: String, _ found: String) -> String {
        tr(en: "\(expected) for \(what), found \(found)", es: "\(expected) para \(what), pero hay \(found)")
    }
    public func expectedAttributes(_ what: String, _ found: String) -> String {
        tr(
            en: "expected a list of attributes like [\"bold\", \"underline\"] for \(what), found \(found)",
            es: "se esperaba una lista de atributos como [\"bold\", \"underline\"] para \(what), pero hay \(found)")
    }
    public func expectedAttribute(_ names: String, _ what: String, _ found: String) -> String {
        tr(
            en: "expected an attribute name (\(names)) in \(what), found \(found)",
            es: "se esperaba un nombre de atributo (\(names)) en \(what), pero hay \(found)")
    }
    public func unknownAttribute(_ name: String, _ what: String, _ hint: String, _ names: String) -> String {
        tr(en: "unknown attribute '\(name)' in \(what)\(hint); expected \(names)", es: "atributo desconocido '\(name)' en \(what)\(hint); se espera \(names)")
    }

    // The status pane and `biosched themes`.
    public func themeFileSentence(_ name: String, _ line: Int, _ message: String) -> String {
        line > 0
            ? tr(en: "Theme file \(name), line \(line): \(message)", es: "Archivo de tema \(name), línea \(line): \(message)")
            : tr(en: "Theme file \(name): \(message)", es: "Archivo de tema \(name): \(message)")
    }
    public var compiledInDefault: String { tr(en: "compiled-in default", es: "el predeterminado, incluido en el programa") }
    public func noThemeUsing(_ request: String, _ names: String, _ using: String) -> String {
        tr(
            en: "No theme '\(request)' (themes: \(names)). Using theme \(using).",
            es: "No hay ningún tema '\(request)' (temas: \(names)). Se usa el tema \(using).")
    }
    public func usingTheme(_ name: String) -> String { tr(en: "Using theme \(name).", es: "Se usa el tema \(name).") }
    public func keepingTheme(_ name: String) -> String { tr(en: "Keeping theme \(name).", es: "Se mantiene el tema \(name).") }
    public func themeFileGone(_ file: String, _ name: String) -> String {
        tr(en: "Theme file \(file) is gone; keeping theme \(name).", es: "El archivo de tema \(file) ya no está; se mantiene el tema \(name).")
    }
    public func themeSwitched(_ name: String, _ position: Int, _ count: Int, _ depth: String?) -> String {
        let d = depth.map { ", " + $0 } ?? ""
        return tr(en: "Theme \(name) (\(position) of \(count)\(d)).", es: "Tema \(name) (\(position) de \(count)\(d)).")
    }
    public func themeReloaded(_ name: String, _ position: Int, _ count: Int, _ depth: String?) -> String {
        let d = depth.map { ", " + $0 } ?? ""
        return tr(en: "Reloaded theme \(name) (\(position) of \(count)\(d)).", es: "Tema \(name) cargado de nuevo (\(position) de \(count)\(d)).")
    }
    public func colorDepthName(_ colors: Int?) -> String {
        switch colors {
        case nil: tr(en: "true color", es: "color verdadero")
        case 0?: tr(en: "no color", es: "sin color")
        case let n?: tr(en: "\(n) colors", es: "\(n) colores")
        }
    }
    public var noThemesFolder: String {
        tr(
            en: "No Themes folder found: only the compiled-in default.",
            es: "No se encontró ninguna carpeta Themes: solo está el tema predeterminado incluido en el programa.")
    }
    public func themesFrom(_ dirs: String) -> String { tr(en: "Themes from \(dirs):", es: "Temas de \(dirs):") }
    public func themeUnusable(_ why: String) -> String { tr(en: "cannot be used: \(why)", es: "no se puede usar: \(why)") }
    public func previewsAt(_ depth: String) -> String { tr(en: "Previews at \(depth)", es: "Vistas previas en \(depth)") }
    public func colorsHere(_ depth: String?) -> String {
        let d = depth ?? tr(en: "none (not a terminal)", es: "ninguno (no es una terminal)")
        return tr(en: "Colors here: \(d)", es: "Colores aquí: \(d)")
    }
    public func chooseTheme(_ shown: String) -> String {
        tr(
            en: "\(shown). Choose with --theme NAME or BIOSCHED_THEME; F2 cycles them in the UI.",
            es: "\(shown). Elija con --theme NOMBRE o BIOSCHED_THEME; F2 los recorre en la interfaz.")
    }
    public func noThemeNamed(_ file: String, _ names: String) -> String {
        tr(en: "No theme file or theme named '\(file)' (themes: \(names)).", es: "No hay ningún archivo de tema ni tema llamado '\(file)' (temas: \(names)).")
    }
    public var defaultCompiledIn: String { tr(en: "default (compiled in)", es: "default (incluido en el programa)") }
    public func themeChecked(_ place: String, _ name: String, _ named: Int, _ all: Int) -> String {
        let rest = all - named
        return named < all
            ? tr(
                en: "\(place): ok, theme \(name): \(named) of \(all) tokens named, \(rest) from the default.",
                es: "\(place): correcto, tema \(name): \(named) de \(all) elementos con nombre, \(rest) del predeterminado.")
            : tr(
                en: "\(place): ok, theme \(name): \(named) of \(all) tokens named.",
                es: "\(place): correcto, tema \(name): \(named) de \(all) elementos con nombre.")
    }
    public func lowestContrast(_ ratio: String, _ token: String, _ reaching: Int, _ count: Int) -> String {
        tr(
            en: "Lowest contrast in true color: \(ratio):1 (\(token)); \(reaching) of \(count) tokens with both colors given reach 7:1.",
            es: "Contraste más bajo en color verdadero: \(ratio):1 (\(token)); \(reaching) de \(count) elementos con los dos colores indicados llegan a 7:1.")
    }
}
