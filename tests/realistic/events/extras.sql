-- What the event store holds beyond core.sql, in kinds shale does not model
-- yet: a comment on a schema (the append function, the notify triggers and
-- the monthly partitions of the raw event log are in core.sql).
-- expect-not-compared: 1

COMMENT ON SCHEMA es IS 'The event store: append-only';
