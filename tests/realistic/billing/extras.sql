-- What the billing system holds beyond core.sql, in kinds shale does not
-- model yet: money and currency domains, the constraint trigger that keeps
-- every journal balanced (its function is in core.sql), and a grant (the
-- exclusion constraints that forbid overlapping price validity and
-- overlapping contract items are in core.sql).
-- expect-not-compared: 4

CREATE DOMAIN money_cents AS bigint CHECK (VALUE >= 0);
CREATE DOMAIN currency_code AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE TABLE manual_adjustments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    amount money_cents NOT NULL,
    currency currency_code NOT NULL,
    reason text NOT NULL
);

CREATE CONSTRAINT TRIGGER entries_balanced AFTER INSERT OR UPDATE ON ledger.entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.check_balanced();

REVOKE ALL ON ledger.entries FROM PUBLIC;
GRANT SELECT ON ledger.entries TO pg_read_all_data;
