-- What the billing system holds beyond core.sql, in kinds shale does not
-- model yet: the constraint trigger that keeps every journal balanced (its
-- function is in core.sql) and a grant (the money and currency domains and
-- the exclusion constraints that forbid overlapping price validity and
-- overlapping contract items are in core.sql).
-- expect-not-compared: 2

CREATE CONSTRAINT TRIGGER entries_balanced AFTER INSERT OR UPDATE ON ledger.entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.check_balanced();

REVOKE ALL ON ledger.entries FROM PUBLIC;
GRANT SELECT ON ledger.entries TO pg_read_all_data;
