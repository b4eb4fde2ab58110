-- What the event store holds beyond core.sql, in kinds shale does not model
-- yet: monthly partitions of the raw event log (the append function, the
-- notify triggers and the schema's comment are in core.sql).
-- expect-not-compared: 4

CREATE TABLE es.raw_events (
    stream_id uuid NOT NULL,
    stream_version bigint NOT NULL,
    payload jsonb NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (stream_id, stream_version, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE TABLE es.raw_events_2026_10 PARTITION OF es.raw_events FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE es.raw_events_2026_11 PARTITION OF es.raw_events FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE es.raw_events_2026_12 PARTITION OF es.raw_events FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');

