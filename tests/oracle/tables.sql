-- Tables: created, dropped, several at once, in other schemas.

-- case: create_first_table
-- to
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);

-- case: drop_only_table
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- to

-- case: create_second_table
CREATE TABLE a (id integer PRIMARY KEY);
-- to
CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY, note text);

-- case: drop_one_of_two
CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY, note text);
-- to
CREATE TABLE a (id integer PRIMARY KEY);

-- case: table_without_primary_key
-- to
CREATE TABLE log (at timestamptz NOT NULL, line text);

-- case: table_without_columns
-- to
CREATE TABLE marker ();

-- case: quoted_table_name
-- to
CREATE TABLE "Order Lines" ("Id" integer PRIMARY KEY, "Qty" integer NOT NULL);

-- case: keyword_table_name
-- to
CREATE TABLE "user" (id integer PRIMARY KEY, "select" text, "from" date);

-- case: table_in_new_schema
-- to
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);

-- case: drop_schema_with_its_table
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY);
-- to

-- case: same_name_two_schemas
CREATE TABLE items (id integer PRIMARY KEY);
-- to
CREATE SCHEMA archive;
CREATE TABLE items (id integer PRIMARY KEY);
CREATE TABLE archive.items (id integer PRIMARY KEY, archived_at timestamptz NOT NULL);

-- case: move_tables_between_schemas_as_drop_create
CREATE SCHEMA old_ns;
CREATE TABLE old_ns.t (id integer PRIMARY KEY);
-- to
CREATE SCHEMA new_ns;
CREATE TABLE new_ns.t (id integer PRIMARY KEY);

-- case: empty_schema_created
-- to
CREATE SCHEMA reporting;

-- case: empty_schema_dropped
CREATE SCHEMA reporting;
-- to

-- case: many_tables_at_once
-- to
CREATE TABLE t1 (id integer PRIMARY KEY);
CREATE TABLE t2 (id integer PRIMARY KEY, t1_id integer REFERENCES t1 (id));
CREATE TABLE t3 (id integer PRIMARY KEY, t2_id integer REFERENCES t2 (id), t1_id integer REFERENCES t1 (id));
CREATE TABLE t4 (id integer PRIMARY KEY, name text UNIQUE);

-- case: long_table_name
-- to
CREATE TABLE a_table_name_that_is_exactly_sixty_three_bytes_long_abcdefghijk (id integer PRIMARY KEY, some_rather_long_column_name_for_the_index integer UNIQUE);
