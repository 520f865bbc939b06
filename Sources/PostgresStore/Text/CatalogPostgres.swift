// Compiled with the package trait `PostgreSQL` only (the default): a SQLite-only build skips it.
#if PostgreSQL
import Foundation
import Scheduling

/// The PostgreSQL store's refusals: a `--db` URL or libpq environment it does not take, the
/// password file, and what the server or the connection said, framed for a person (the server's
/// own wording, quoted inside, stays as PostgreSQL wrote it).
extension Catalog {
    var pgShape: String {
        tr(
            en:
                "Expected a postgresql://USER@HOST:PORT/DATABASE URI (hosts may be a list: HOST1,HOST2), key=value pairs (host=... dbname=... sslmode=...), service=NAME (pg_service.conf), or the word postgres for the PG* environment.",
            es:
                "Se espera una URI postgresql://USUARIO@HOST:PUERTO/BASE (los hosts pueden ser una lista: HOST1,HOST2), pares clave=valor (host=... dbname=... sslmode=...), service=NOMBRE (pg_service.conf), o la palabra postgres para el entorno PG*."
        )
    }
    public func pgNotConnectionString(_ text: String, _ problem: String) -> String {
        let why = problem.isEmpty ? "" : " (\(problem))"
        return tr(
            en: "--db \"\(text)\" is not a PostgreSQL connection string\(why). \(pgShape)",
            es: "--db «\(text)» no es una cadena de conexión de PostgreSQL\(why). \(pgShape)")
    }
    public var pgPasswordInURL: String {
        tr(
            en:
                "--db holds a password: a password never goes on a command line (other users see it in the process list). Give the URL without it and put the password in ~/.pgpass (mode 0600) or PGPASSWORD, or use peer authentication on the server's unix socket.",
            es:
                "--db contiene una contraseña: una contraseña nunca va en la línea de comandos (otros usuarios la ven en la lista de procesos). Dé la URL sin ella y ponga la contraseña en ~/.pgpass (modo 0600) o en PGPASSWORD, o use la autenticación peer en el socket unix del servidor."
        )
    }
    public func pgTLSRequired(_ location: String, _ problem: String) -> String {
        tr(
            en:
                "The PostgreSQL store \(location) is not on this machine, and biosched sends a password or a case to another host over TLS only: the connection with sslmode=require failed (\(problem)). Turn on ssl on the server (and give sslmode=verify-full with sslrootcert), or, on a network you trust, write sslmode=disable in --db itself.",
            es:
                "El sistema PostgreSQL \(location) no está en esta máquina, y biosched solo envía una contraseña o un caso a otro host por TLS: la conexión con sslmode=require falló (\(problem)). Active ssl en el servidor (y dé sslmode=verify-full con sslrootcert) o, en una red de confianza, escriba sslmode=disable en el propio --db."
        )
    }
    public func pgLibraryMissing(_ why: String) -> String {
        tr(
            en:
                "The PostgreSQL client library libpq could not be loaded (\(why)). Install Debian's package libpq5 (apt-get install libpq5), or give a SQLite store file.",
            es:
                "No se pudo cargar la biblioteca cliente de PostgreSQL, libpq (\(why)). Instale el paquete libpq5 de Debian (apt-get install libpq5), o dé un archivo de sistema SQLite."
        )
    }
    public func pgUnreachable(_ location: String, _ problem: String) -> String {
        tr(
            en:
                "The PostgreSQL store \(location) is unreachable (\(problem)). Nothing of this command was committed unless it said it was done; try again when the server is back.",
            es:
                "No se puede llegar al sistema PostgreSQL \(location) (\(problem)). No se guardó nada de esta orden salvo lo que dijo que estaba hecho; inténtelo de nuevo cuando el servidor vuelva."
        )
    }
    public func pgLoginRefused(_ role: String, _ location: String, _ message: String) -> String {
        tr(
            en:
                "PostgreSQL refused the login of role \(role) to \(location): \(message). The password comes from PGPASSWORD or ~/.pgpass (mode 0600); pg_hba.conf on the server says who may connect how.",
            es:
                "PostgreSQL rechazó la entrada del rol \(role) en \(location): \(message). La contraseña viene de PGPASSWORD o de ~/.pgpass (modo 0600); pg_hba.conf en el servidor dice quién puede conectarse y cómo."
        )
    }
    public func pgNoSuchDatabase(_ database: String, _ location: String) -> String {
        tr(
            en: "There is no database \(database) on the server of \(location); make it with createdb first.",
            es: "No hay ninguna base de datos \(database) en el servidor de \(location); créela primero con createdb.")
    }
    public func pgNotPermitted(_ role: String, _ location: String, _ message: String) -> String {
        tr(en: "The role \(role) may not do this on \(location): \(message).", es: "El rol \(role) no puede hacer esto en \(location): \(message).")
    }
    public func pgNotUnderstood(_ location: String, _ message: String) -> String {
        tr(
            en: "\(location) is not a biosched store this version understands (\(message)).",
            es: "\(location) no es un sistema biosched que esta versión entienda (\(message)).")
    }
    public func pgAlreadyHoldsStoreInit(_ location: String) -> String {
        tr(
            en: "\(location) already holds a biosched store; init never overwrites one. Use it as it is, or make another database with createdb.",
            es: "\(location) ya contiene un sistema biosched; init nunca sobrescribe uno. Úselo tal como está, o cree otra base de datos con createdb.")
    }
    public func pgNotEmptyInit(_ location: String, _ tables: String) -> String {
        tr(
            en: "\(location) is not empty (tables \(tables)); biosched makes its store in an empty database only (createdb NAME).",
            es: "\(location) no está vacía (tablas \(tables)); biosched crea su sistema solo en una base de datos vacía (createdb NOMBRE).")
    }
    public func pgHoldsNoStore(_ location: String) -> String {
        tr(
            en: "\(location) holds no biosched store. Make one with `biosched init --db \(location)` (in an empty database).",
            es: "\(location) no contiene ningún sistema biosched. Cree uno con `biosched init --db \(location)` (en una base de datos vacía).")
    }
    public func pgNewerSchema(_ location: String, _ versions: String) -> String {
        tr(
            en: "\(location) was made by a newer biosched (schema \(versions)); use that version.",
            es: "\(location) lo creó un biosched más nuevo (esquema \(versions)); use esa versión.")
    }
    public func pgAlreadyHoldsStoreCopy(_ location: String) -> String {
        tr(
            en: "\(location) already holds a biosched store; store copy fills an empty database only (createdb NAME).",
            es: "\(location) ya contiene un sistema biosched; store copy solo llena una base de datos vacía (createdb NOMBRE).")
    }
    public func pgNotEmptyCopy(_ location: String, _ tables: String) -> String {
        tr(en: "\(location) is not empty (tables \(tables)).", es: "\(location) no está vacía (tablas \(tables)).")
    }
}
#endif
