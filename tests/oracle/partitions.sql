-- Declarative partitioning (partitioned tables and their partitions),
-- exclusion constraints and column collations: created, changed, dropped,
-- mixed with keys, indexes, foreign keys, triggers and views.

-- case: range_partitioned_table_created
-- to
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE events_2026_01 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE events_2026_02 PARTITION OF events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE TABLE events_rest PARTITION OF events DEFAULT;

-- case: list_partitioned_table_created
-- to
CREATE TABLE customers (id bigint NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE customers_eu PARTITION OF customers FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE customers_us PARTITION OF customers FOR VALUES IN ('us');

-- case: hash_partitioned_table_created
-- to
CREATE TABLE sessions (id bigint NOT NULL, token text) PARTITION BY HASH (id);
CREATE TABLE sessions_0 PARTITION OF sessions FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE sessions_1 PARTITION OF sessions FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE sessions_2 PARTITION OF sessions FOR VALUES WITH (MODULUS 3, REMAINDER 2);

-- case: keys_indexes_and_foreign_keys_reach_the_partitions
CREATE TABLE accounts (id bigint PRIMARY KEY);
-- to
CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, account_id bigint NOT NULL REFERENCES accounts (id),
                     kind text CHECK (kind <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX events_account_id_at_idx ON events (account_id, at);
CREATE TABLE events_2026_01 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE events_2026_02 PARTITION OF events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');

-- case: index_added_to_a_partitioned_table_with_partitions
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- to
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX events_id_idx ON events (id);
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id, at);

-- case: partition_added_and_dropped
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- to
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE events_2027 PARTITION OF events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');

-- case: partition_bound_changed_is_detached_and_attached
CREATE TABLE customers (id bigint NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE customers_eu PARTITION OF customers FOR VALUES IN ('de');
-- to
CREATE TABLE customers (id bigint NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE customers_eu PARTITION OF customers FOR VALUES IN ('de', 'fr');

-- case: range_bounds_swap_between_partitions
CREATE TABLE m (id integer NOT NULL, n integer NOT NULL) PARTITION BY RANGE (n);
CREATE TABLE m_a PARTITION OF m FOR VALUES FROM (0) TO (10);
CREATE TABLE m_b PARTITION OF m FOR VALUES FROM (10) TO (20);
-- to
CREATE TABLE m (id integer NOT NULL, n integer NOT NULL) PARTITION BY RANGE (n);
CREATE TABLE m_a PARTITION OF m FOR VALUES FROM (10) TO (20);
CREATE TABLE m_b PARTITION OF m FOR VALUES FROM (0) TO (10);

-- case: minvalue_maxvalue_and_multi_column_range
-- to
CREATE TABLE r (a integer NOT NULL, b integer NOT NULL) PARTITION BY RANGE (a, b);
CREATE TABLE r_low PARTITION OF r FOR VALUES FROM (MINVALUE, MINVALUE) TO (0, 0);
CREATE TABLE r_high PARTITION OF r FOR VALUES FROM (0, 0) TO (MAXVALUE, MAXVALUE);

-- case: expression_partition_key
-- to
CREATE TABLE people (id bigint NOT NULL, name text NOT NULL) PARTITION BY LIST (lower(left(name, 1)));
CREATE TABLE people_a PARTITION OF people FOR VALUES IN ('a');
CREATE TABLE people_rest PARTITION OF people DEFAULT;

-- case: column_added_and_changed_on_partitioned_table
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, n integer) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- to
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, n bigint NOT NULL DEFAULT 0, note text) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- case: partition_key_changed_recreates_the_table
CREATE TABLE t (a integer NOT NULL, b date NOT NULL) PARTITION BY RANGE (b);
CREATE TABLE t_2026 PARTITION OF t FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- to
CREATE TABLE t (a integer NOT NULL, b date NOT NULL) PARTITION BY LIST (a);
CREATE TABLE t_1 PARTITION OF t FOR VALUES IN (1, 2);

-- case: plain_table_becomes_partitioned
CREATE TABLE t (a integer NOT NULL, b date NOT NULL);
CREATE INDEX t_a_idx ON t (a);
-- to
CREATE TABLE t (a integer NOT NULL, b date NOT NULL) PARTITION BY RANGE (b);
CREATE INDEX t_a_idx ON t (a);
CREATE TABLE t_2026 PARTITION OF t FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- case: partitioned_table_dropped
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE keep (id integer);
-- to
CREATE TABLE keep (id integer);

-- case: trigger_and_view_on_partitioned_table
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, touched timestamptz) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- to
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, touched timestamptz) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN NEW.touched := now(); RETURN NEW; END';
CREATE TRIGGER events_touch BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW recent AS SELECT id, at FROM events WHERE at > '2026-06-01';

-- case: partitioned_table_in_other_schema_with_comment
-- to
CREATE SCHEMA app;
CREATE TABLE app.logs (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE app.logs_2026 PARTITION OF app.logs FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
COMMENT ON TABLE app.logs IS 'partitioned by year';

-- case: exclusion_constraint_created_with_btree_gist
CREATE EXTENSION btree_gist;
CREATE TABLE bookings (id bigint PRIMARY KEY, room integer NOT NULL, during tstzrange NOT NULL);
-- to
CREATE EXTENSION btree_gist;
CREATE TABLE bookings (id bigint PRIMARY KEY, room integer NOT NULL, during tstzrange NOT NULL,
                       EXCLUDE USING gist (room WITH =, during WITH &&));

-- case: exclusion_constraint_with_table
CREATE EXTENSION btree_gist;
-- to
CREATE EXTENSION btree_gist;
CREATE TABLE bookings (id bigint PRIMARY KEY, room integer NOT NULL, during tstzrange NOT NULL,
                       cancelled boolean NOT NULL DEFAULT false,
                       CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled)
                           DEFERRABLE INITIALLY DEFERRED);

-- case: exclusion_constraint_over_expression_and_dropped
CREATE EXTENSION btree_gist;
CREATE TABLE tags (id integer, name text NOT NULL, EXCLUDE USING gist (lower(name) WITH =));
CREATE TABLE slots (id integer, during tsrange, EXCLUDE USING gist (during WITH &&));
-- to
CREATE EXTENSION btree_gist;
CREATE TABLE tags (id integer, name text NOT NULL);
CREATE TABLE slots (id integer, during tsrange, CONSTRAINT slots_no_overlap EXCLUDE USING gist (during WITH &&));

-- case: exclusion_constraint_predicate_changed
CREATE EXTENSION btree_gist;
CREATE TABLE b (room integer, during tstzrange, active boolean, EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (active));
-- to
CREATE EXTENSION btree_gist;
CREATE TABLE b (room integer, during tstzrange, active boolean, EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (active AND room > 0));

-- case: column_collations_created
-- to
CREATE TABLE words (id integer PRIMARY KEY, w text COLLATE "C" NOT NULL, v varchar(20) COLLATE "POSIX", a text[] COLLATE "C");
CREATE INDEX words_w_idx ON words (w);

-- case: column_collation_changed_set_and_reset
CREATE TABLE words (id integer PRIMARY KEY, w text, v text COLLATE "C", x varchar(5) COLLATE "C");
CREATE INDEX words_w_idx ON words (w);
-- to
CREATE TABLE words (id integer PRIMARY KEY, w text COLLATE "C", v text, x varchar(10) COLLATE "C");
CREATE INDEX words_w_idx ON words (w);

-- case: collated_column_under_a_view
CREATE TABLE words (id integer PRIMARY KEY, w text);
CREATE VIEW wv AS SELECT id, w FROM words;
-- to
CREATE TABLE words (id integer PRIMARY KEY, w text COLLATE "POSIX");
CREATE VIEW wv AS SELECT id, w FROM words;

-- case: collation_on_partitioned_table_column_and_key
-- to
CREATE TABLE codes (code text COLLATE "C" NOT NULL, n integer) PARTITION BY LIST (code);
CREATE TABLE codes_a PARTITION OF codes FOR VALUES IN ('a');

-- case: collation_changed_on_an_array_key_a_foreign_key_references
CREATE TABLE posts (name text[] COLLATE "C" PRIMARY KEY);
CREATE TABLE links (post text[] REFERENCES posts (name));
-- to
CREATE TABLE posts (name text[] COLLATE "POSIX" PRIMARY KEY);
CREATE TABLE links (post text[] REFERENCES posts (name));
