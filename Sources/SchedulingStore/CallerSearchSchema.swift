import GRDB
import Scheduling

/// Migration v6-caller-search: what a contact-center agent finds a caller by. Accounts gain an
/// A-number and a date of birth (both checked by shape here, normalized at import) and the digits
/// of their phone; cases gain the folded form of the applicant's name (`NameKey`), which the import
/// writes with the name and this migration fills for the cases already there.
enum CallerSearchSchema {
    static let migrationName = "v6-caller-search"

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE accounts ADD COLUMN a_number TEXT
                  CHECK (a_number IS NULL OR a_number GLOB 'A[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]');
                ALTER TABLE accounts ADD COLUMN date_of_birth TEXT
                  CHECK (date_of_birth IS NULL OR date_of_birth GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
                ALTER TABLE accounts ADD COLUMN phone_digits TEXT
                  CHECK (phone_digits IS NULL OR (length(phone_digits) = 10 AND phone_digits NOT GLOB '*[^0-9]*'));
                ALTER TABLE cases ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
                CREATE INDEX accounts_by_a_number ON accounts(a_number) WHERE a_number IS NOT NULL;
                CREATE INDEX accounts_by_phone ON accounts(phone_digits) WHERE phone_digits IS NOT NULL;
                CREATE INDEX accounts_by_email ON accounts(lower(email)) WHERE email IS NOT NULL;
                """)
        let phones = try Row.fetchAll(db, sql: "SELECT id, phone FROM accounts WHERE phone IS NOT NULL")
        for row in phones {
            try db.execute(sql: "UPDATE accounts SET phone_digits = ? WHERE id = ?", arguments: [CallerSearch.phoneDigits(row["phone"]), row["id"] as String])
        }
        let names = try Row.fetchAll(db, sql: "SELECT receipt, applicant_name FROM cases")
        for row in names {
            try db.execute(sql: "UPDATE cases SET name_key = ? WHERE receipt = ?", arguments: [NameKey.fold(row["applicant_name"]), row["receipt"] as String])
        }
    }
}
