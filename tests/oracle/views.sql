-- Views and materialized views: created, dropped, replaced in place, recreated
-- with their readers, options, comments, indexes, and around table changes.

-- case: view_created
CREATE TABLE t (id integer PRIMARY KEY, name text);
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t WHERE name IS NOT NULL;

-- case: view_dropped
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);

-- case: view_column_appended
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t;

-- case: view_column_removed
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT name FROM t;

-- case: view_where_changed
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t WHERE id > 0;
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t WHERE id > 10 AND name <> '';

-- case: view_column_retyped_by_query
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id::bigint AS id, name FROM t;

-- case: base_view_recreated_with_its_reader
CREATE TABLE t (id integer PRIMARY KEY, name text, age integer);
CREATE VIEW base AS SELECT id, name, age FROM t;
CREATE VIEW reader AS SELECT id, name FROM base;
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text, age integer);
CREATE VIEW base AS SELECT id, name FROM t;
CREATE VIEW reader AS SELECT id, name FROM base;

-- case: chain_of_three_middle_changes
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW a AS SELECT id, name FROM t;
CREATE VIEW b AS SELECT id, name FROM a;
CREATE VIEW c AS SELECT id FROM b;
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW a AS SELECT id, name FROM t;
CREATE VIEW b AS SELECT id FROM a WHERE name IS NOT NULL;
CREATE VIEW c AS SELECT id FROM b;

-- case: materialized_view_created_with_index
CREATE TABLE t (id integer PRIMARY KEY, kind text NOT NULL);
-- to
CREATE TABLE t (id integer PRIMARY KEY, kind text NOT NULL);
CREATE MATERIALIZED VIEW counts AS SELECT kind, count(*) AS n FROM t GROUP BY kind;
CREATE UNIQUE INDEX counts_kind ON counts (kind);

-- case: materialized_view_query_changed
CREATE TABLE t (id integer PRIMARY KEY, kind text NOT NULL);
CREATE MATERIALIZED VIEW counts AS SELECT kind, count(*) AS n FROM t GROUP BY kind;
CREATE UNIQUE INDEX counts_kind ON counts (kind);
-- to
CREATE TABLE t (id integer PRIMARY KEY, kind text NOT NULL);
CREATE MATERIALIZED VIEW counts AS SELECT kind, count(*) AS n FROM t WHERE id > 0 GROUP BY kind;
CREATE UNIQUE INDEX counts_kind ON counts (kind);

-- case: materialized_view_index_added_and_dropped
CREATE TABLE t (id integer PRIMARY KEY, kind text NOT NULL);
CREATE MATERIALIZED VIEW m AS SELECT id, kind FROM t;
CREATE INDEX m_kind ON m (kind);
-- to
CREATE TABLE t (id integer PRIMARY KEY, kind text NOT NULL);
CREATE MATERIALIZED VIEW m AS SELECT id, kind FROM t;
CREATE UNIQUE INDEX m_id ON m (id);

-- case: materialized_view_dropped
CREATE TABLE t (id integer PRIMARY KEY);
CREATE MATERIALIZED VIEW m AS SELECT id FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY);

-- case: plain_view_becomes_materialized
CREATE TABLE t (id integer PRIMARY KEY);
CREATE VIEW v AS SELECT id FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE MATERIALIZED VIEW v AS SELECT id FROM t;

-- case: check_option_added
CREATE TABLE t (id integer PRIMARY KEY, age integer);
CREATE VIEW adults AS SELECT id, age FROM t WHERE age >= 18;
-- to
CREATE TABLE t (id integer PRIMARY KEY, age integer);
CREATE VIEW adults AS SELECT id, age FROM t WHERE age >= 18 WITH LOCAL CHECK OPTION;

-- case: check_option_local_to_cascaded
CREATE TABLE t (id integer PRIMARY KEY, age integer);
CREATE VIEW adults AS SELECT id, age FROM t WHERE age >= 18 WITH LOCAL CHECK OPTION;
-- to
CREATE TABLE t (id integer PRIMARY KEY, age integer);
CREATE VIEW adults AS SELECT id, age FROM t WHERE age >= 18 WITH CASCADED CHECK OPTION;

-- case: security_options_swapped
-- (The model keeps options, not their order: PostgreSQL stores and pg_dump
-- prints them as written, and shale writes security_barrier first.)
CREATE TABLE t (id integer PRIMARY KEY);
CREATE VIEW a WITH (security_barrier) AS SELECT id FROM t;
CREATE VIEW b AS SELECT id FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE VIEW a AS SELECT id FROM t;
CREATE VIEW b WITH (security_barrier = true, security_invoker = true) AS SELECT id FROM t;

-- case: view_comments
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t;
COMMENT ON VIEW v IS 'before';
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t;
COMMENT ON VIEW v IS 'after';
COMMENT ON COLUMN v.name IS 'the name';

-- case: materialized_view_comment
CREATE TABLE t (id integer PRIMARY KEY);
CREATE MATERIALIZED VIEW m AS SELECT id FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE MATERIALIZED VIEW m AS SELECT id FROM t;
COMMENT ON MATERIALIZED VIEW m IS 'stored ids';

-- case: column_type_changed_under_views
CREATE TABLE t (id integer PRIMARY KEY, email varchar(100) NOT NULL);
CREATE VIEW v AS SELECT id, email FROM t;
CREATE VIEW w AS SELECT email FROM v;
CREATE MATERIALIZED VIEW m AS SELECT email FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY, email text NOT NULL);
CREATE VIEW v AS SELECT id, email FROM t;
CREATE VIEW w AS SELECT email FROM v;
CREATE MATERIALIZED VIEW m AS SELECT email FROM t;

-- case: column_dropped_under_a_view
CREATE TABLE t (id integer PRIMARY KEY, legacy text, name text);
CREATE VIEW v AS SELECT id, legacy, name FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE VIEW v AS SELECT id, name FROM t;

-- case: table_dropped_with_its_view
CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE u (id integer PRIMARY KEY);
CREATE VIEW v AS SELECT t.id FROM t JOIN u USING (id);
-- to
CREATE TABLE u (id integer PRIMARY KEY);

-- case: view_reads_a_new_table
CREATE TABLE t (id integer PRIMARY KEY);
CREATE VIEW v AS SELECT id FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE u (id integer PRIMARY KEY, t_id integer NOT NULL);
CREATE VIEW v AS SELECT t.id, count(u.id) AS uses FROM t LEFT JOIN u ON u.t_id = t.id GROUP BY t.id;

-- case: view_in_another_schema_reading_public
CREATE TABLE t (id integer PRIMARY KEY, name text);
-- to
CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE SCHEMA reporting;
CREATE VIEW reporting.names AS SELECT name FROM t;
CREATE MATERIALIZED VIEW reporting.ids AS SELECT id FROM public.t;
CREATE INDEX ids_id ON reporting.ids (id);

-- case: view_replaced_by_a_table_of_its_name
CREATE TABLE t (id integer PRIMARY KEY);
CREATE VIEW archive AS SELECT id FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE archive (id integer PRIMARY KEY);

-- case: table_replaced_by_a_view_of_its_name
CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE archive (id integer PRIMARY KEY);
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE VIEW archive AS SELECT id FROM t;

-- case: enum_value_removed_under_a_view
CREATE TYPE mood AS ENUM ('sad', 'meh', 'ok');
CREATE TABLE t (id integer PRIMARY KEY, m mood NOT NULL);
CREATE VIEW v AS SELECT id, m FROM t;
-- to
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (id integer PRIMARY KEY, m mood NOT NULL);
CREATE VIEW v AS SELECT id, m FROM t;

-- case: cte_values_and_aliases
CREATE TABLE t (id integer PRIMARY KEY, n integer);
-- to
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE VIEW totals (total, "Rows") AS WITH s AS (SELECT sum(n) AS total, count(*) AS c FROM t) SELECT total, c FROM s;
CREATE VIEW constants AS VALUES (1, 'one'), (2, 'two');

-- case: view_quotes_and_case
CREATE TABLE "Users" ("Id" integer PRIMARY KEY, "E-mail" text);
-- to
CREATE TABLE "Users" ("Id" integer PRIMARY KEY, "E-mail" text);
CREATE VIEW "Active Users" AS SELECT "Id", "E-mail" AS "Mail", 'it''s' AS note FROM "Users";
