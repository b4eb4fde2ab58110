-- What a Supabase-shaped project holds beyond core.sql, in kinds shale does
-- not model yet: each must be reported by `verify` as not compared (the
-- partitioned page views are in core.sql).
-- expect-not-compared: 2

CREATE DOMAIN email_address AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE TABLE contact_requests (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email email_address NOT NULL, body text);

GRANT SELECT ON announcements TO pg_read_all_data;
