-- Primary keys, unique constraints and checks.

-- case: add_primary_key
CREATE TABLE t (id integer NOT NULL);
-- to
CREATE TABLE t (id integer PRIMARY KEY);

-- case: drop_primary_key
CREATE TABLE t (id integer PRIMARY KEY);
-- to
CREATE TABLE t (id integer NOT NULL);

-- case: composite_primary_key
-- to
CREATE TABLE m (user_id integer, org_id integer, PRIMARY KEY (org_id, user_id));

-- case: primary_key_columns_change
CREATE TABLE m (a integer NOT NULL, b integer NOT NULL, PRIMARY KEY (a));
-- to
CREATE TABLE m (a integer NOT NULL, b integer NOT NULL, PRIMARY KEY (a, b));

-- case: named_primary_key
-- to
CREATE TABLE t (id integer, CONSTRAINT t_primary PRIMARY KEY (id));

-- case: rename_primary_key_constraint
CREATE TABLE t (id integer, CONSTRAINT t_pkey PRIMARY KEY (id));
-- to
CREATE TABLE t (id integer, CONSTRAINT t_primary PRIMARY KEY (id));

-- case: add_unique_column
CREATE TABLE t (id integer PRIMARY KEY, email text);
-- to
CREATE TABLE t (id integer PRIMARY KEY, email text UNIQUE);

-- case: drop_unique
CREATE TABLE t (id integer PRIMARY KEY, email text UNIQUE);
-- to
CREATE TABLE t (id integer PRIMARY KEY, email text);

-- case: unique_multi_column_named
CREATE TABLE t (a integer, b integer);
-- to
CREATE TABLE t (a integer, b integer, CONSTRAINT t_a_b_unique UNIQUE (a, b));

-- case: unique_nulls_not_distinct
CREATE TABLE t (a integer, b integer, UNIQUE (a, b));
-- to
CREATE TABLE t (a integer, b integer, UNIQUE NULLS NOT DISTINCT (a, b));

-- case: unique_columns_change
CREATE TABLE t (a integer, b integer, c integer, CONSTRAINT t_key UNIQUE (a, b));
-- to
CREATE TABLE t (a integer, b integer, c integer, CONSTRAINT t_key UNIQUE (a, c));

-- case: add_check
CREATE TABLE t (age integer);
-- to
CREATE TABLE t (age integer CHECK (age >= 0));

-- case: named_checks
CREATE TABLE t (a integer, b integer);
-- to
CREATE TABLE t (a integer, b integer, CONSTRAINT a_positive CHECK (a > 0), CONSTRAINT a_below_b CHECK (a < b));

-- case: change_check_expression
CREATE TABLE t (a integer, CONSTRAINT a_range CHECK (a > 0));
-- to
CREATE TABLE t (a integer, CONSTRAINT a_range CHECK (a > 0 AND a < 100));

-- case: drop_check
CREATE TABLE t (a integer, CONSTRAINT a_range CHECK (a > 0));
-- to
CREATE TABLE t (a integer);

-- case: check_with_in_list_and_like
-- to
CREATE TABLE t (status text CHECK (status IN ('new', 'done')), email text CHECK (email LIKE '%@%' AND length(email) < 320));

-- case: check_with_function_calls
-- to
CREATE TABLE t (s text CHECK (lower(s) = s), ts timestamptz CHECK (ts > '2020-01-01'::timestamptz), n numeric CHECK (n::integer <> 0));

-- case: check_on_two_columns_and_null
-- to
CREATE TABLE t (a integer, b integer, CHECK ((a IS NULL) <> (b IS NULL)));

-- case: checks_and_uniques_together
CREATE TABLE t (id integer PRIMARY KEY, code text);
-- to
CREATE TABLE t (id integer PRIMARY KEY, code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]+$'));
