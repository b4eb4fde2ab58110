-- Foreign keys: actions, composite, self-references, cycles, deferrable.

-- case: add_foreign_key_column
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY);
-- to
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p (id));

-- case: foreign_key_on_existing_column
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer);
-- to
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p (id) ON DELETE CASCADE);

-- case: drop_foreign_key
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p (id));
-- to
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer);

-- case: every_action
CREATE TABLE p (id integer PRIMARY KEY);
-- to
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (
  a integer REFERENCES p (id) ON DELETE CASCADE ON UPDATE CASCADE,
  b integer REFERENCES p (id) ON DELETE SET NULL,
  c integer DEFAULT 1 REFERENCES p (id) ON DELETE SET DEFAULT,
  d integer REFERENCES p (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
  e integer REFERENCES p (id) ON DELETE NO ACTION
);

-- case: change_on_delete
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (p_id integer REFERENCES p (id) ON DELETE CASCADE);
-- to
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (p_id integer REFERENCES p (id) ON DELETE SET NULL);

-- case: composite_foreign_key
-- to
CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE c (x integer, y integer, FOREIGN KEY (x, y) REFERENCES p (a, b));

-- case: foreign_key_to_unique_constraint
-- to
CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE c (code text REFERENCES p (code));

-- case: self_reference
CREATE TABLE node (id integer PRIMARY KEY);
-- to
CREATE TABLE node (id integer PRIMARY KEY, parent_id integer REFERENCES node (id));

-- case: reference_cycle
-- to
CREATE TABLE a (id integer PRIMARY KEY, b_id integer);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id));
ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id);

-- case: drop_both_tables_of_a_cycle
CREATE TABLE a (id integer PRIMARY KEY, b_id integer);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id));
ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id);
-- to

-- case: deferrable_foreign_keys
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (a integer REFERENCES p (id), b integer REFERENCES p (id));
-- to
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (a integer REFERENCES p (id) DEFERRABLE, b integer REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED);

-- case: foreign_key_across_schemas
CREATE SCHEMA auth;
CREATE TABLE auth.users (id bigint PRIMARY KEY);
-- to
CREATE SCHEMA auth;
CREATE TABLE auth.users (id bigint PRIMARY KEY);
CREATE TABLE posts (id bigint PRIMARY KEY, author bigint NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE);

-- case: drop_referenced_table_and_its_reference
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p (id));
-- to
CREATE TABLE c (id integer PRIMARY KEY, p_id integer);

-- case: named_foreign_key
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (p_id integer);
-- to
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (p_id integer, CONSTRAINT c_parent FOREIGN KEY (p_id) REFERENCES p (id));

-- case: foreign_key_target_changes
CREATE TABLE p1 (id integer PRIMARY KEY);
CREATE TABLE p2 (id integer PRIMARY KEY);
CREATE TABLE c (p integer, CONSTRAINT c_p_fkey FOREIGN KEY (p) REFERENCES p1 (id));
-- to
CREATE TABLE p1 (id integer PRIMARY KEY);
CREATE TABLE p2 (id integer PRIMARY KEY);
CREATE TABLE c (p integer, CONSTRAINT c_p_fkey FOREIGN KEY (p) REFERENCES p2 (id));
