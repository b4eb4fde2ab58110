-- What the event store holds beyond core.sql, in kinds shale does not model
-- yet: a publication of the raw event log for change-data capture (the
-- append function, the notify triggers, the monthly partitions of the raw
-- event log and the schema's comment are in core.sql).
-- expect-not-compared: 1

CREATE PUBLICATION es_raw_events FOR TABLE es.raw_events;

