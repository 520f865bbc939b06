import Foundation

/// The PostgreSQL store's refusals: a `--db` URL or libpq environment it does not take, the
/// password file, and what the server or the connection said, framed for a person (the server's
/// own wording, quoted inside, stays as PostgreSQL wrote it).
extension Catalog {
    var pgShape: String {
        tr(en: "Expected postgresql://USER@HOST:PORT/DATABASE (or postgresql://USER@/DATABASE?host=/socket/folder).",
           es: "Se espera postgresql://USUARIO@HOST:PUERTO/BASE (o postgresql://USUARIO@/BASE?host=/carpeta/del/socket).")
    }
    var pgNameRule: String {
        tr(en: "letters, digits, _ . -, starting with a letter or _", es: "letras, dígitos, _ . -, empezando por una letra o _")
    }
    public func pgEnvPort(_ p: String) -> String {
        tr(en: "PGPORT \"\(p)\" is not a port number (1 to 65535).", es: "PGPORT «\(p)» no es un número de puerto (de 1 a 65535).")
    }
    public func pgEnvUser(_ u: String) -> String {
        tr(en: "PGUSER \"\(u)\" is not a role name biosched takes (\(pgNameRule)).", es: "PGUSER «\(u)» no es un nombre de rol que biosched acepte (\(pgNameRule)).")
    }
    public func pgEnvDatabase(_ d: String) -> String {
        tr(en: "PGDATABASE \"\(d)\" is not a database name biosched takes (\(pgNameRule)).", es: "PGDATABASE «\(d)» no es un nombre de base de datos que biosched acepte (\(pgNameRule)).")
    }
    public func pgEnvSocket(_ h: String) -> String {
        tr(en: "PGHOST \"\(h)\" is not a socket folder biosched takes (an absolute path of letters, digits, _ . / -).",
           es: "PGHOST «\(h)» no es una carpeta de socket que biosched acepte (una ruta absoluta de letras, dígitos, _ . / -).")
    }
    public func pgEnvHost(_ h: String) -> String {
        tr(en: "PGHOST \"\(h)\" is not a host name or IPv4 address.", es: "PGHOST «\(h)» no es un nombre de host ni una dirección IPv4.")
    }
    public func pgNotURL(_ text: String) -> String {
        tr(en: "--db \"\(text)\" is not a PostgreSQL URL. \(pgShape)", es: "--db «\(text)» no es una URL de PostgreSQL. \(pgShape)")
    }
    public func pgNoDatabaseInURL(_ text: String) -> String {
        tr(en: "--db \"\(text)\" names no database. \(pgShape)", es: "--db «\(text)» no indica ninguna base de datos. \(pgShape)")
    }
    public var pgPasswordInURL: String {
        tr(en: "--db holds a password: a password never goes on a command line (other users see it in the process list). Give the URL without it and put the password in ~/.pgpass (mode 0600) or PGPASSWORD, or use peer authentication on the server's unix socket.",
           es: "--db contiene una contraseña: una contraseña nunca va en la línea de comandos (otros usuarios la ven en la lista de procesos). Dé la URL sin ella y ponga la contraseña en ~/.pgpass (modo 0600) o en PGPASSWORD, o use la autenticación peer en el socket unix del servidor.")
    }
    public func pgRoleInURL(_ u: String) -> String {
        tr(en: "The role \"\(u)\" in --db is not a name biosched takes (\(pgNameRule)). \(pgShape)", es: "El rol «\(u)» de --db no es un nombre que biosched acepte (\(pgNameRule)). \(pgShape)")
    }
    public func pgDatabaseInURL(_ d: String) -> String {
        tr(en: "The database \"\(d)\" in --db is not a name biosched takes (\(pgNameRule)). \(pgShape)", es: "La base de datos «\(d)» de --db no es un nombre que biosched acepte (\(pgNameRule)). \(pgShape)")
    }
    public func pgPortInURL(_ p: String) -> String {
        tr(en: "The port \"\(p)\" in --db is not a port number (1 to 65535).", es: "El puerto «\(p)» de --db no es un número de puerto (de 1 a 65535).")
    }
    public func pgHostInURL(_ h: String) -> String {
        tr(en: "The host \"\(h)\" in --db is not a host name or IPv4 address. \(pgShape)", es: "El host «\(h)» de --db no es un nombre de host ni una dirección IPv4. \(pgShape)")
    }
    public func pgNotKeyValue(_ pair: String) -> String {
        tr(en: "--db: \"\(pair)\" is not a key=value parameter.", es: "--db: «\(pair)» no es un parámetro clave=valor.")
    }
    public func pgSocketParameter(_ v: String) -> String {
        tr(en: "--db: host=\"\(v)\" is not a socket folder (an absolute path of letters, digits, _ . / -).",
           es: "--db: host=«\(v)» no es una carpeta de socket (una ruta absoluta de letras, dígitos, _ . / -).")
    }
    public func pgPortParameter(_ v: String) -> String {
        tr(en: "--db: port=\"\(v)\" is not a port number.", es: "--db: port=«\(v)» no es un número de puerto.")
    }
    public var pgPasswordParameter: String {
        tr(en: "--db holds a password: a password never goes on a command line. Put it in ~/.pgpass (mode 0600) or PGPASSWORD, or use peer authentication on the server's unix socket.",
           es: "--db contiene una contraseña: una contraseña nunca va en la línea de comandos. Póngala en ~/.pgpass (modo 0600) o en PGPASSWORD, o use la autenticación peer en el socket unix del servidor.")
    }
    public func pgUnknownParameter(_ k: String) -> String {
        tr(en: "--db: the parameter \"\(k)\" is not one biosched takes (host, port).", es: "--db: el parámetro «\(k)» no es uno que biosched acepte (host, port).")
    }
    public var pgHostAndSocket: String {
        tr(en: "--db names both a host and a socket folder; give one.", es: "--db indica a la vez un host y una carpeta de socket; dé solo uno.")
    }
    public func pgPasswordFileNotPlain(_ path: String) -> String {
        tr(en: "The password file \(path) is not a plain file.", es: "El archivo de contraseñas \(path) no es un archivo normal.")
    }
    public func pgPasswordFileOpen(_ path: String, _ mode: String) -> String {
        tr(en: "The password file \(path) can be read by group or others (mode \(mode)); biosched, like libpq, ignores it then. Run `chmod 0600 \(path)`.",
           es: "El archivo de contraseñas \(path) lo pueden leer el grupo u otros (modo \(mode)); biosched, como libpq, no lo usa entonces. Ejecute `chmod 0600 \(path)`.")
    }
    public func pgPasswordFileUnreadable(_ path: String) -> String {
        tr(en: "The password file \(path) cannot be read.", es: "No se puede leer el archivo de contraseñas \(path).")
    }
    public func pgUnreachable(_ location: String, _ problem: String) -> String {
        tr(en: "The PostgreSQL store \(location) is unreachable (\(problem)). Nothing of this command was committed unless it said it was done; try again when the server is back.",
           es: "No se puede llegar al sistema PostgreSQL \(location) (\(problem)). No se guardó nada de esta orden salvo lo que dijo que estaba hecho; inténtelo de nuevo cuando el servidor vuelva.")
    }
    public func pgLoginRefused(_ role: String, _ location: String, _ message: String) -> String {
        tr(en: "PostgreSQL refused the login of role \(role) to \(location): \(message). The password comes from PGPASSWORD or ~/.pgpass (mode 0600); pg_hba.conf on the server says who may connect how.",
           es: "PostgreSQL rechazó la entrada del rol \(role) en \(location): \(message). La contraseña viene de PGPASSWORD o de ~/.pgpass (modo 0600); pg_hba.conf en el servidor dice quién puede conectarse y cómo.")
    }
    public func pgNoSuchDatabase(_ database: String, _ location: String) -> String {
        tr(en: "There is no database \(database) on the server of \(location); make it with createdb first.",
           es: "No hay ninguna base de datos \(database) en el servidor de \(location); créela primero con createdb.")
    }
    public func pgNotPermitted(_ role: String, _ location: String, _ message: String) -> String {
        tr(en: "The role \(role) may not do this on \(location): \(message).", es: "El rol \(role) no puede hacer esto en \(location): \(message).")
    }
    public func pgNotUnderstood(_ location: String, _ message: String) -> String {
        tr(en: "\(location) is not a biosched store this version understands (\(message)).", es: "\(location) no es un sistema biosched que esta versión entienda (\(message)).")
    }
    public func pgAlreadyHoldsStoreInit(_ location: String) -> String {
        tr(en: "\(location) already holds a biosched store; init never overwrites one. Use it as it is, or make another database with createdb.",
           es: "\(location) ya contiene un sistema biosched; init nunca sobrescribe uno. Úselo tal como está, o cree otra base de datos con createdb.")
    }
    public func pgNotEmptyInit(_ location: String, _ tables: String) -> String {
        tr(en: "\(location) is not empty (tables \(tables)); biosched makes its store in an empty database only (createdb NAME).",
           es: "\(location) no está vacía (tablas \(tables)); biosched crea su sistema solo en una base de datos vacía (createdb NOMBRE).")
    }
    public func pgHoldsNoStore(_ location: String) -> String {
        tr(en: "\(location) holds no biosched store. Make one with `biosched init --db \(location)` (in an empty database).",
           es: "\(location) no contiene ningún sistema biosched. Cree uno con `biosched init --db \(location)` (en una base de datos vacía).")
    }
    public func pgNewerSchema(_ location: String, _ versions: String) -> String {
        tr(en: "\(location) was made by a newer biosched (schema \(versions)); use that version.",
           es: "\(location) lo creó un biosched más nuevo (esquema \(versions)); use esa versión.")
    }
    public func pgAlreadyHoldsStoreCopy(_ location: String) -> String {
        tr(en: "\(location) already holds a biosched store; store copy fills an empty database only (createdb NAME).",
           es: "\(location) ya contiene un sistema biosched; store copy solo llena una base de datos vacía (createdb NOMBRE).")
    }
    public func pgNotEmptyCopy(_ location: String, _ tables: String) -> String {
        tr(en: "\(location) is not empty (tables \(tables)).", es: "\(location) no está vacía (tablas \(tables)).")
    }
}
