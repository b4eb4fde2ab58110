-- Comments on tables, columns and enums.

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
