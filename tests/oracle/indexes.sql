-- Indexes: every method and key form.

-- case: add_index
CREATE TABLE t (id integer PRIMARY KEY, a integer);
-- to
CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE INDEX t_a_idx ON t (a);

-- case: drop_index
CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE INDEX t_a_idx ON t (a);
-- to
CREATE TABLE t (id integer PRIMARY KEY, a integer);

-- case: unique_index
CREATE TABLE t (a text, b text);
-- to
CREATE TABLE t (a text, b text);
CREATE UNIQUE INDEX t_a_b ON t (a, b);

-- case: unique_index_nulls_not_distinct
CREATE TABLE t (a text);
-- to
CREATE TABLE t (a text);
CREATE UNIQUE INDEX t_a_nnd ON t (a) NULLS NOT DISTINCT;

-- case: index_ordering_and_nulls
CREATE TABLE t (a integer, b integer, c integer);
-- to
CREATE TABLE t (a integer, b integer, c integer);
CREATE INDEX t_order ON t (a DESC, b NULLS FIRST, c DESC NULLS LAST);

-- case: partial_index
CREATE TABLE t (a integer, deleted_at timestamptz);
-- to
CREATE TABLE t (a integer, deleted_at timestamptz);
CREATE INDEX t_live ON t (a) WHERE deleted_at IS NULL;

-- case: covering_index
CREATE TABLE t (a integer, b text, c text);
-- to
CREATE TABLE t (a integer, b text, c text);
CREATE INDEX t_a_incl ON t (a) INCLUDE (b, c);

-- case: expression_index
CREATE TABLE t (email text);
-- to
CREATE TABLE t (email text);
CREATE UNIQUE INDEX t_email_lower ON t (lower(email));

-- case: expression_index_desc
CREATE TABLE t (email text);
-- to
CREATE TABLE t (email text);
CREATE INDEX t_email_lower_desc ON t (lower(email) DESC NULLS LAST);

-- case: mixed_column_and_expression_keys
CREATE TABLE t (org integer, email text, n integer);
-- to
CREATE TABLE t (org integer, email text, n integer);
CREATE INDEX t_mixed ON t (org, lower(email), (n + 1) DESC);

-- case: operator_class_on_column
CREATE TABLE t (handle text);
-- to
CREATE TABLE t (handle text);
CREATE INDEX t_handle_pattern ON t (handle text_pattern_ops);

-- case: operator_class_on_expression
CREATE TABLE t (handle varchar(40));
-- to
CREATE TABLE t (handle varchar(40));
CREATE INDEX t_handle_lower_pattern ON t (lower(handle) varchar_pattern_ops);

-- case: gin_index
CREATE TABLE t (tags text[], doc jsonb);
-- to
CREATE TABLE t (tags text[], doc jsonb);
CREATE INDEX t_tags ON t USING gin (tags);
CREATE INDEX t_doc ON t USING gin (doc jsonb_path_ops);

-- case: brin_and_hash
CREATE TABLE t (at timestamptz, code text);
-- to
CREATE TABLE t (at timestamptz, code text);
CREATE INDEX t_at_brin ON t USING brin (at);
CREATE INDEX t_code_hash ON t USING hash (code);

-- case: gist_on_range
CREATE TABLE t (during tstzrange);
-- to
CREATE TABLE t (during tstzrange);
CREATE INDEX t_during ON t USING gist (during);

-- case: index_columns_change
CREATE TABLE t (a integer, b integer);
CREATE INDEX t_idx ON t (a);
-- to
CREATE TABLE t (a integer, b integer);
CREATE INDEX t_idx ON t (a, b);

-- case: index_becomes_unique
CREATE TABLE t (a integer);
CREATE INDEX t_idx ON t (a);
-- to
CREATE TABLE t (a integer);
CREATE UNIQUE INDEX t_idx ON t (a);

-- case: index_predicate_changes
CREATE TABLE t (a integer, b boolean);
CREATE INDEX t_idx ON t (a) WHERE b;
-- to
CREATE TABLE t (a integer, b boolean);
CREATE INDEX t_idx ON t (a) WHERE NOT b;

-- case: index_method_changes
CREATE TABLE t (a integer);
CREATE INDEX t_idx ON t (a);
-- to
CREATE TABLE t (a integer);
CREATE INDEX t_idx ON t USING hash (a);

-- case: index_on_table_in_schema
CREATE SCHEMA app;
CREATE TABLE app.t (a integer);
-- to
CREATE SCHEMA app;
CREATE TABLE app.t (a integer);
CREATE INDEX t_a_idx ON app.t (a);

-- case: index_on_quoted_column
CREATE TABLE t ("Weird Name" integer);
-- to
CREATE TABLE t ("Weird Name" integer);
CREATE INDEX "t_Weird" ON t ("Weird Name");

-- case: index_survives_column_add
CREATE TABLE t (a integer);
CREATE INDEX t_a ON t (a);
-- to
CREATE TABLE t (a integer, b integer);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b ON t (b);
