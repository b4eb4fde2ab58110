-- Grants on tables, views, sequences, routines and schemas to the roles the
-- tests manage (app_ro, app_rw, app_admin, PUBLIC): created with their
-- objects, added, revoked, grant options given and taken, kept across
-- renames and re-created objects; schema comments. The roles exist on the
-- test server; `reporting` is not managed, so its grants must stay.
-- pg_dump prints an object's grants in the order of its access list, which
-- is the order they were granted in; shale grants role by role in name
-- order, so B grants in that order too (the order means nothing).

-- case: grant_select_on_new_table
-- to
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT ON t TO app_ro;

-- case: grant_added_to_existing_table
CREATE TABLE t (id integer PRIMARY KEY);
-- to
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT, INSERT, UPDATE, DELETE ON t TO app_rw;

-- case: grant_revoked_from_table
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT, INSERT ON t TO app_rw;
GRANT SELECT ON t TO app_ro;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT ON t TO app_rw;

-- case: grant_all_privileges
CREATE TABLE t (id integer PRIMARY KEY);
-- to
CREATE TABLE t (id integer PRIMARY KEY);
GRANT ALL ON t TO app_admin;

-- case: grant_option_added
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT ON t TO app_rw;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT ON t TO app_rw WITH GRANT OPTION;

-- case: grant_option_removed
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT, UPDATE ON t TO app_rw WITH GRANT OPTION;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT ON t TO app_rw;
GRANT UPDATE ON t TO app_rw WITH GRANT OPTION;

-- case: grant_to_public
CREATE TABLE t (id integer PRIMARY KEY);
-- to
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT ON t TO PUBLIC;

-- case: unmanaged_role_grant_is_left_alone
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT ON t TO reporting;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT ON t TO reporting;
GRANT SELECT ON t TO app_ro;

-- case: grant_on_view
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE VIEW v AS SELECT id FROM t;
-- to
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE VIEW v AS SELECT id FROM t;
GRANT SELECT ON v TO app_ro;

-- case: grant_kept_on_recreated_view
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE VIEW v AS SELECT id, n FROM t;
GRANT SELECT ON v TO app_ro;
-- to
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE VIEW v AS SELECT n FROM t;
GRANT SELECT ON v TO app_ro;

-- case: grant_on_materialized_view
CREATE TABLE t (id integer PRIMARY KEY);
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
GRANT SELECT ON mv TO app_ro, app_rw;

-- case: grant_on_sequence
CREATE SEQUENCE s;
-- to
CREATE SEQUENCE s;
GRANT UPDATE ON SEQUENCE s TO app_admin;
GRANT USAGE, SELECT ON SEQUENCE s TO app_rw;

-- case: grant_revoked_from_sequence
CREATE SEQUENCE s;
GRANT USAGE ON SEQUENCE s TO app_rw;
-- to
CREATE SEQUENCE s;

-- case: grant_execute_on_function
CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
-- to
CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
GRANT EXECUTE ON FUNCTION f(integer) TO app_rw;

-- case: grant_execute_on_procedure
-- to
CREATE PROCEDURE p() LANGUAGE plpgsql AS 'BEGIN END';
GRANT EXECUTE ON PROCEDURE p() TO app_admin;

-- case: grant_kept_on_recreated_function
CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
GRANT EXECUTE ON FUNCTION f() TO app_ro;
-- to
CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS 'SELECT 1::bigint';
GRANT EXECUTE ON FUNCTION f() TO app_ro;

-- case: grant_on_schema
CREATE SCHEMA app;
-- to
CREATE SCHEMA app;
GRANT USAGE, CREATE ON SCHEMA app TO app_admin WITH GRANT OPTION;
GRANT USAGE ON SCHEMA app TO app_ro;

-- case: schema_created_with_grants_and_comment
-- to
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
GRANT USAGE ON SCHEMA app TO app_rw;
CREATE TABLE app.t (id integer PRIMARY KEY);
GRANT SELECT ON app.t TO app_rw;

-- case: schema_comment_changed_and_removed
CREATE SCHEMA a;
CREATE SCHEMA b;
COMMENT ON SCHEMA a IS 'first';
COMMENT ON SCHEMA b IS 'second';
-- to
CREATE SCHEMA a;
CREATE SCHEMA b;
COMMENT ON SCHEMA a IS 'first, changed';

-- case: grant_on_public_schema
-- to
GRANT CREATE ON SCHEMA public TO app_admin;
COMMENT ON SCHEMA public IS 'the application';

-- case: grants_kept_on_renamed_column_table
CREATE TABLE t (id integer PRIMARY KEY, n integer);
GRANT SELECT ON t TO app_ro;
-- to
CREATE TABLE t (id integer PRIMARY KEY, n integer, m text);
GRANT SELECT, INSERT ON t TO app_ro;

-- case: grants_with_dropped_table
CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE u (id integer PRIMARY KEY);
GRANT SELECT ON t TO app_ro;
GRANT SELECT ON u TO app_ro;
-- to
CREATE TABLE u (id integer PRIMARY KEY);
GRANT SELECT ON u TO app_ro;

-- case: grants_mixed_with_policies_and_triggers
CREATE TABLE t (id integer PRIMARY KEY, owner text);
-- to
CREATE TABLE t (id integer PRIMARY KEY, owner text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON t FOR SELECT TO app_ro USING (owner = current_user);
GRANT SELECT ON t TO app_ro;
GRANT SELECT, INSERT, UPDATE ON t TO app_rw;

-- NOT VALID checks and foreign keys (left unvalidated) and MATCH FULL
-- foreign keys.

-- case: not_valid_check_added
CREATE TABLE t (id integer PRIMARY KEY, n integer);
-- to
CREATE TABLE t (id integer PRIMARY KEY, n integer);
ALTER TABLE t ADD CONSTRAINT t_n_positive CHECK (n > 0) NOT VALID;

-- case: not_valid_check_on_new_table
-- to
CREATE TABLE t (id integer PRIMARY KEY, n integer);
ALTER TABLE t ADD CONSTRAINT t_n_positive CHECK (n > 0) NOT VALID;

-- case: not_valid_foreign_key_added
CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer);
-- to
CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer);
ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id) NOT VALID;

-- case: not_valid_constraints_validated
CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer, n integer);
ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id) NOT VALID;
ALTER TABLE b ADD CONSTRAINT b_n_check CHECK (n > 0) NOT VALID;
-- to
CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id), n integer CHECK (n > 0));

-- case: match_full_foreign_key_created
CREATE TABLE a (x integer, y integer, UNIQUE (x, y));
-- to
CREATE TABLE a (x integer, y integer, UNIQUE (x, y));
CREATE TABLE b (x integer, y integer, FOREIGN KEY (x, y) REFERENCES a (x, y) MATCH FULL ON DELETE CASCADE);

-- case: match_full_removed
CREATE TABLE a (x integer, y integer, UNIQUE (x, y));
CREATE TABLE b (x integer, y integer, FOREIGN KEY (x, y) REFERENCES a (x, y) MATCH FULL);
-- to
CREATE TABLE a (x integer, y integer, UNIQUE (x, y));
CREATE TABLE b (x integer, y integer, FOREIGN KEY (x, y) REFERENCES a (x, y));

-- Column privileges (GRANT SELECT (col) ON TABLE …); revoking a privilege
-- on the table revokes it on every column too.

-- case: column_grants_created
CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
-- to
CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
GRANT SELECT (a), UPDATE (a) ON t TO app_ro;
GRANT SELECT (b) ON t TO app_rw WITH GRANT OPTION;

-- case: column_grants_changed_and_revoked
CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
GRANT SELECT (a), UPDATE (a) ON t TO app_ro;
GRANT SELECT (b), INSERT (b) ON t TO app_rw;
-- to
CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
GRANT SELECT (a) ON t TO app_ro;
GRANT SELECT (b), REFERENCES (b) ON t TO app_rw;

-- case: table_revoke_keeps_column_grant
CREATE TABLE t (id integer PRIMARY KEY, a text);
GRANT SELECT ON t TO app_ro;
GRANT SELECT (a) ON t TO app_ro;
-- to
CREATE TABLE t (id integer PRIMARY KEY, a text);
GRANT SELECT (a) ON t TO app_ro;

-- case: column_grants_on_added_and_renamed_columns
CREATE TABLE t (id integer PRIMARY KEY, a text);
GRANT SELECT (a) ON t TO app_ro;
-- to
CREATE TABLE t (id integer PRIMARY KEY, a text, c integer);
GRANT SELECT (a) ON t TO app_ro;
GRANT UPDATE (c) ON t TO app_rw;
