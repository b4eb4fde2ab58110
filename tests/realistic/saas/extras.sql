-- What a Supabase-shaped project holds beyond core.sql, in kinds shale does
-- not model yet: each must be reported by `verify` as not compared.
-- expect-not-compared: 4

CREATE TABLE page_views (
    id bigint NOT NULL,
    path text NOT NULL,
    viewed_at timestamptz NOT NULL,
    PRIMARY KEY (id, viewed_at)
) PARTITION BY RANGE (viewed_at);
CREATE TABLE page_views_2026_11 PARTITION OF page_views FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE page_views_2026_12 PARTITION OF page_views FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');

GRANT SELECT ON announcements TO pg_read_all_data;
