-- What the billing system holds beyond core.sql, in kinds shale does not
-- model yet: exclusion constraints that forbid
-- overlapping price validity and overlapping contract items, the constraint
-- trigger that keeps every journal balanced (its function is in core.sql),
-- and a grant.
-- expect-not-compared: 4

ALTER TABLE catalog.prices ADD CONSTRAINT prices_no_overlap
    EXCLUDE USING gist (price_book_id WITH =, product_id WITH =, daterange(valid_from, valid_to) WITH &&);
ALTER TABLE contract_items ADD CONSTRAINT contract_items_no_overlap
    EXCLUDE USING gist (contract_id WITH =, price_id WITH =, daterange(starts_on, ends_on) WITH &&);

CREATE CONSTRAINT TRIGGER entries_balanced AFTER INSERT OR UPDATE ON ledger.entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.check_balanced();

REVOKE ALL ON ledger.entries FROM PUBLIC;
GRANT SELECT ON ledger.entries TO pg_read_all_data;
