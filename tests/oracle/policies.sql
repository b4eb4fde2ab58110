-- Row-level security: enabled, forced, and policies created, altered, dropped.

-- case: enable_row_level_security
CREATE TABLE t (id integer PRIMARY KEY, owner text);
-- to
CREATE TABLE t (id integer PRIMARY KEY, owner text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;

-- case: force_row_level_security
CREATE TABLE t (id integer PRIMARY KEY);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
-- to
CREATE TABLE t (id integer PRIMARY KEY);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
ALTER TABLE t FORCE ROW LEVEL SECURITY;

-- case: disable_row_level_security
CREATE TABLE t (id integer PRIMARY KEY);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
ALTER TABLE t FORCE ROW LEVEL SECURITY;
-- to
CREATE TABLE t (id integer PRIMARY KEY);

-- case: create_policies_every_command
CREATE TABLE t (id integer PRIMARY KEY, owner text, archived boolean);
-- to
CREATE TABLE t (id integer PRIMARY KEY, owner text, archived boolean);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY t_select ON t FOR SELECT USING (owner = current_user);
CREATE POLICY t_insert ON t FOR INSERT WITH CHECK (owner = current_user);
CREATE POLICY t_update ON t FOR UPDATE USING (owner = current_user) WITH CHECK (NOT archived);
CREATE POLICY t_delete ON t FOR DELETE USING (archived);
CREATE POLICY t_all ON t USING (true);

-- case: restrictive_policy_for_roles
CREATE TABLE t (id integer PRIMARY KEY, tenant integer);
-- to
CREATE TABLE t (id integer PRIMARY KEY, tenant integer);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY t_tenant ON t AS RESTRICTIVE TO pg_read_all_data, pg_write_all_data USING (tenant = 1);

-- case: policy_with_subquery_on_another_table
CREATE TABLE orgs (id integer PRIMARY KEY, owner text);
CREATE TABLE docs (id integer PRIMARY KEY, org_id integer REFERENCES orgs (id));
-- to
CREATE TABLE orgs (id integer PRIMARY KEY, owner text);
CREATE TABLE docs (id integer PRIMARY KEY, org_id integer REFERENCES orgs (id));
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_member ON docs FOR SELECT USING (EXISTS (SELECT 1 FROM orgs o WHERE o.id = docs.org_id AND o.owner = current_user));

-- case: policy_on_new_table
-- to
CREATE TABLE t (id integer PRIMARY KEY, owner text NOT NULL DEFAULT current_user);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY t_own ON t USING (owner = current_user) WITH CHECK (owner = current_user);

-- case: alter_policy_using
CREATE TABLE t (id integer PRIMARY KEY, owner text);
CREATE POLICY p ON t USING (owner = current_user);
-- to
CREATE TABLE t (id integer PRIMARY KEY, owner text);
CREATE POLICY p ON t USING (owner = current_user OR owner IS NULL);

-- case: alter_policy_roles
CREATE TABLE t (id integer PRIMARY KEY);
CREATE POLICY p ON t TO pg_read_all_data USING (true);
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE POLICY p ON t TO PUBLIC USING (true);

-- case: alter_policy_add_with_check
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE POLICY p ON t FOR UPDATE USING (n > 0);
-- to
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE POLICY p ON t FOR UPDATE USING (n > 0) WITH CHECK (n < 100);

-- case: policy_loses_with_check
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE POLICY p ON t FOR UPDATE USING (n > 0) WITH CHECK (n < 100);
-- to
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE POLICY p ON t FOR UPDATE USING (n > 0);

-- case: policy_command_changes
CREATE TABLE t (id integer PRIMARY KEY);
CREATE POLICY p ON t FOR SELECT USING (true);
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE POLICY p ON t FOR DELETE USING (true);

-- case: policy_becomes_restrictive
CREATE TABLE t (id integer PRIMARY KEY);
CREATE POLICY p ON t USING (id > 0);
-- to
CREATE TABLE t (id integer PRIMARY KEY);
CREATE POLICY p ON t AS RESTRICTIVE USING (id > 0);

-- case: drop_policy
CREATE TABLE t (id integer PRIMARY KEY);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON t USING (true);
CREATE POLICY q ON t USING (false);
-- to
CREATE TABLE t (id integer PRIMARY KEY);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY q ON t USING (false);

-- case: policy_over_column_changing_type
CREATE TABLE t (id integer PRIMARY KEY, level integer);
CREATE POLICY p ON t USING (level > 2);
-- to
CREATE TABLE t (id integer PRIMARY KEY, level bigint);
CREATE POLICY p ON t USING (level > 2);

-- case: policies_in_another_schema
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, owner text);
-- to
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, owner text);
ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Owners see their rows" ON app.t FOR SELECT USING (owner = current_user);

-- case: policy_comments_added_changed_removed
CREATE TABLE t (id integer PRIMARY KEY, owner text);
CREATE POLICY a ON t USING (owner = current_user);
CREATE POLICY b ON t FOR SELECT USING (true);
COMMENT ON POLICY a ON t IS 'old';
COMMENT ON POLICY b ON t IS 'gone soon';
-- to
CREATE TABLE t (id integer PRIMARY KEY, owner text);
CREATE POLICY a ON t USING (owner = current_user);
CREATE POLICY b ON t FOR SELECT USING (true);
CREATE POLICY c ON t FOR DELETE USING (false);
COMMENT ON POLICY a ON t IS 'new';
COMMENT ON POLICY c ON t IS 'nothing is deleted';

-- case: policy_comment_kept_when_the_policy_is_recreated
CREATE TABLE t (id integer PRIMARY KEY, level integer);
CREATE POLICY p ON t FOR SELECT USING (level > 2);
COMMENT ON POLICY p ON t IS 'levels above two';
-- to
CREATE TABLE t (id integer PRIMARY KEY, level integer);
CREATE POLICY p ON t FOR UPDATE USING (level > 2);
COMMENT ON POLICY p ON t IS 'levels above two';
