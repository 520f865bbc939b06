import GRDB

/// Migration `v3-named-constraints`: the slots table's capacity CHECK gets a name
/// (`slot_capacity`), so that the adapter recognizes it by name, not by its expression. SQLite
/// cannot rename a constraint: the table is rebuilt (same rows), and the triggers that read or
/// write it are dropped first and made again after, as SQLite's own procedure for it advises.
enum ConstraintSchema {
    static let sql = """
        DROP TRIGGER appointment_takes_station;
        DROP TRIGGER appointment_moves;
        DROP TRIGGER appointment_deleted;
        DROP TRIGGER center_stations_change;
        CREATE TABLE slots_v3 (
          center TEXT NOT NULL REFERENCES centers(code),
          start INTEGER NOT NULL,
          capacity INTEGER NOT NULL CHECK (capacity >= 1),
          booked INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0),
          CONSTRAINT \(StoreConstraint.slotCapacity) CHECK (booked <= capacity),
          PRIMARY KEY (center, start)
        ) WITHOUT ROWID;
        INSERT INTO slots_v3(center, start, capacity, booked) SELECT center, start, capacity, booked FROM slots;
        DROP TABLE slots;
        ALTER TABLE slots_v3 RENAME TO slots;

        CREATE TRIGGER appointment_takes_station AFTER INSERT ON appointments
        WHEN NEW.status IN \(Schema.holding)
        BEGIN
          INSERT OR IGNORE INTO slots(center, start, capacity, booked)
            SELECT NEW.center, NEW.start, stations, 0 FROM centers WHERE code = NEW.center;
          UPDATE slots SET booked = booked + 1 WHERE center = NEW.center AND start = NEW.start;
        END;

        CREATE TRIGGER appointment_moves AFTER UPDATE OF status, center, start ON appointments
        BEGIN
          UPDATE slots SET booked = booked - 1
            WHERE center = OLD.center AND start = OLD.start AND OLD.status IN \(Schema.holding);
          INSERT OR IGNORE INTO slots(center, start, capacity, booked)
            SELECT NEW.center, NEW.start, stations, 0 FROM centers WHERE code = NEW.center AND NEW.status IN \(Schema.holding);
          UPDATE slots SET booked = booked + 1
            WHERE center = NEW.center AND start = NEW.start AND NEW.status IN \(Schema.holding);
        END;

        CREATE TRIGGER appointment_deleted AFTER DELETE ON appointments
        WHEN OLD.status IN \(Schema.holding)
        BEGIN
          UPDATE slots SET booked = booked - 1 WHERE center = OLD.center AND start = OLD.start;
        END;

        CREATE TRIGGER center_stations_change AFTER UPDATE OF stations ON centers
        BEGIN
          UPDATE slots SET capacity = NEW.stations WHERE center = NEW.code;
        END;

        CREATE TRIGGER slot_counter_is_exact BEFORE UPDATE OF booked ON slots
        WHEN NEW.booked <> (SELECT count(*) FROM appointments
                            WHERE center = NEW.center AND start = NEW.start AND status IN \(Schema.holding))
        BEGIN
          SELECT RAISE(ABORT, 'slots.booked must equal the bookings in the slot');
        END;

        CREATE TRIGGER slot_inserted_empty BEFORE INSERT ON slots
        WHEN NEW.booked <> 0 OR NEW.capacity <> (SELECT stations FROM centers WHERE code = NEW.center)
        BEGIN
          SELECT RAISE(ABORT, 'a slot starts empty, with the center''s stations as capacity');
        END;

        CREATE TRIGGER slot_capacity_follows_center BEFORE UPDATE OF capacity ON slots
        WHEN NEW.capacity <> (SELECT stations FROM centers WHERE code = NEW.center)
        BEGIN
          SELECT RAISE(ABORT, 'slots.capacity must equal the center''s stations');
        END;
        """
}
