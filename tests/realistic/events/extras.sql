-- What the event store holds beyond core.sql, in kinds shale does not model
-- yet: monthly partitions of the raw event log, the append function with its
-- optimistic-concurrency check, notify triggers, a comment on a schema.
-- expect-not-compared: 9

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


CREATE FUNCTION es.append(stream uuid, expected bigint, type_id integer, body jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    current bigint;
    position bigint;
BEGIN
    SELECT version INTO current FROM es.streams WHERE id = stream FOR UPDATE;
    IF current IS DISTINCT FROM expected THEN
        RAISE EXCEPTION 'stream % is at %, not %', stream, current, expected;
    END IF;
    INSERT INTO es.events (stream_id, stream_version, type_id, payload)
    VALUES (stream, expected + 1, type_id, body) RETURNING global_position INTO position;
    UPDATE es.streams SET version = expected + 1 WHERE id = stream;
    RETURN position;
END
$$;

CREATE FUNCTION es.notify_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('events', NEW.global_position::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER events_notify AFTER INSERT ON es.events FOR EACH ROW EXECUTE FUNCTION es.notify_event();
CREATE TRIGGER outbox_notify AFTER INSERT ON es.outbox FOR EACH STATEMENT EXECUTE FUNCTION es.notify_event();



COMMENT ON SCHEMA es IS 'The event store: append-only';
