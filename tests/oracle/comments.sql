-- Comments on tables, columns and enums; on constraints (keys, checks,
-- foreign keys, exclusion constraints) and indexes (of tables and of
-- materialized views).

-- case: table_comment_added
CREATE TABLE t (id integer);
-- to
CREATE TABLE t (id integer);
COMMENT ON TABLE t IS 'People who sign in';

-- case: table_comment_changed
CREATE TABLE t (id integer);
COMMENT ON TABLE t IS 'old';
-- to
CREATE TABLE t (id integer);
COMMENT ON TABLE t IS 'new';

-- case: table_comment_removed
CREATE TABLE t (id integer);
COMMENT ON TABLE t IS 'old';
-- to
CREATE TABLE t (id integer);

-- case: column_comments
CREATE TABLE t (id integer, email text);
-- to
CREATE TABLE t (id integer, email text);
COMMENT ON COLUMN t.id IS 'The key';
COMMENT ON COLUMN t.email IS 'Where we write, it''s "quoted"';

-- case: enum_comment
CREATE TYPE mood AS ENUM ('ok');
-- to
CREATE TYPE mood AS ENUM ('ok');
COMMENT ON TYPE mood IS 'How it feels';

-- case: comment_on_new_table_and_column
-- to
CREATE TABLE t (id integer);
COMMENT ON TABLE t IS 'Multi
line';
COMMENT ON COLUMN t.id IS 'Key';

-- case: comment_on_new_column
CREATE TABLE t (id integer);
-- to
CREATE TABLE t (id integer, n integer);
COMMENT ON COLUMN t.n IS 'counter';

-- case: constraint_comments_on_new_tables
-- to
CREATE TABLE rooms (id bigint PRIMARY KEY, code text UNIQUE, floor integer CHECK (floor >= 0));
CREATE TABLE bookings (id bigint PRIMARY KEY, room_id bigint REFERENCES rooms (id), during tstzrange,
                       EXCLUDE USING gist (during WITH &&));
COMMENT ON CONSTRAINT rooms_pkey ON rooms IS 'one row per room';
COMMENT ON CONSTRAINT rooms_code_key ON rooms IS 'printed on the door';
COMMENT ON CONSTRAINT rooms_floor_check ON rooms IS 'no basements';
COMMENT ON CONSTRAINT bookings_room_id_fkey ON bookings IS 'a room''s bookings';
COMMENT ON CONSTRAINT bookings_during_excl ON bookings IS 'no overlaps';

-- case: constraint_comments_added_changed_removed
CREATE TABLE rooms (id bigint PRIMARY KEY, code text UNIQUE, floor integer CHECK (floor >= 0));
COMMENT ON CONSTRAINT rooms_pkey ON rooms IS 'one row per room';
COMMENT ON CONSTRAINT rooms_code_key ON rooms IS 'old';
-- to
CREATE TABLE rooms (id bigint PRIMARY KEY, code text UNIQUE, floor integer CHECK (floor >= 0));
COMMENT ON CONSTRAINT rooms_code_key ON rooms IS 'new';
COMMENT ON CONSTRAINT rooms_floor_check ON rooms IS 'added';

-- case: index_comments_added_changed_removed
CREATE TABLE t (id integer PRIMARY KEY, a integer, b text);
CREATE INDEX t_a_idx ON t (a);
CREATE INDEX t_b_idx ON t (lower(b));
COMMENT ON INDEX t_a_idx IS 'old';
COMMENT ON INDEX t_b_idx IS 'gone soon';
-- to
CREATE TABLE t (id integer PRIMARY KEY, a integer, b text);
CREATE INDEX t_a_idx ON t (a);
CREATE INDEX t_b_idx ON t (lower(b));
CREATE INDEX t_ab_idx ON t (a, b) WHERE a > 0;
COMMENT ON INDEX t_a_idx IS 'new';
COMMENT ON INDEX t_ab_idx IS 'partial';

-- case: comments_follow_rebuilt_constraints_and_indexes
CREATE TABLE t (id integer PRIMARY KEY, a integer, CONSTRAINT t_a_check CHECK (a > 0));
CREATE INDEX t_a_idx ON t (a);
COMMENT ON CONSTRAINT t_a_check ON t IS 'positive';
COMMENT ON INDEX t_a_idx IS 'by a';
-- to
CREATE TABLE t (id integer PRIMARY KEY, a integer, CONSTRAINT t_a_check CHECK (a > 1));
CREATE INDEX t_a_idx ON t (a DESC);
COMMENT ON CONSTRAINT t_a_check ON t IS 'positive';
COMMENT ON INDEX t_a_idx IS 'by a';

-- case: comments_kept_through_a_column_type_change
CREATE TABLE t (id integer PRIMARY KEY, a integer UNIQUE);
CREATE INDEX t_a_idx ON t (a);
COMMENT ON CONSTRAINT t_a_key ON t IS 'unique a';
COMMENT ON INDEX t_a_idx IS 'by a';
-- to
CREATE TABLE t (id integer PRIMARY KEY, a bigint UNIQUE);
CREATE INDEX t_a_idx ON t (a);
COMMENT ON CONSTRAINT t_a_key ON t IS 'unique a';
COMMENT ON INDEX t_a_idx IS 'by a';

-- case: materialized_view_index_comment
CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE MATERIALIZED VIEW mv AS SELECT id, a FROM t;
CREATE UNIQUE INDEX mv_id_idx ON mv (id);
-- to
CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE MATERIALIZED VIEW mv AS SELECT id, a FROM t;
CREATE UNIQUE INDEX mv_id_idx ON mv (id);
COMMENT ON INDEX mv_id_idx IS 'for REFRESH CONCURRENTLY';
