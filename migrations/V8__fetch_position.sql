-- fetch.position, the place of each fetch in date order (V5), becomes NOT NULL and unique, so that a fetch
-- without a place or two fetches in one place cannot be written at all, where before only ./gard check saw them.
--
-- SQLite cannot add a constraint to a column, and rebuilding the table would mean dropping a table that six
-- others reference and 19 views read, with foreign keys off, which a migration's transaction cannot turn off.
-- A unique index and two triggers give the same guarantee and leave the table, its references and the views as
-- they are. (V6 and V7 are other changes; the gap is Flyway's to allow.)

-- A database whose fetches lack a place is refused here, and the migration rolled back, rather than kept so.
CREATE TEMP TABLE fetches_without_position (fetches INTEGER CHECK (fetches = 0));
INSERT INTO temp.fetches_without_position SELECT count(*) FROM fetch WHERE position IS NULL;
DROP TABLE temp.fetches_without_position;

-- Unique: SQLite checks it row by row, so the store moves the places after a backfilled fetch in two steps.
DROP INDEX fetch_position;
CREATE UNIQUE INDEX fetch_position ON fetch (position);

-- NOT NULL.
CREATE TRIGGER fetch_position_not_null_insert BEFORE INSERT ON fetch WHEN NEW.position IS NULL
BEGIN
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: fetch.position');
END;

CREATE TRIGGER fetch_position_not_null_update BEFORE UPDATE OF position ON fetch WHEN NEW.position IS NULL
BEGIN
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: fetch.position');
END;
