-- Enums: created, values added anywhere, removed, dropped, used by columns.

-- case: create_enum_and_column
CREATE TABLE t (id integer PRIMARY KEY);
-- to
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id integer PRIMARY KEY, mood mood NOT NULL DEFAULT 'ok');

-- case: enum_value_appended
CREATE TYPE mood AS ENUM ('sad', 'ok');
-- to
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

-- case: enum_value_prepended
CREATE TYPE mood AS ENUM ('ok', 'happy');
-- to
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

-- case: enum_value_in_the_middle
CREATE TYPE mood AS ENUM ('sad', 'happy');
-- to
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

-- case: enum_values_removed
CREATE TYPE mood AS ENUM ('sad', 'meh', 'ok', 'happy');
CREATE TABLE t (m mood);
-- to
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (m mood);

-- case: enum_values_reordered
CREATE TYPE level AS ENUM ('low', 'high', 'mid');
-- to
CREATE TYPE level AS ENUM ('low', 'mid', 'high');

-- case: drop_enum_and_its_column
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (id integer, m mood);
-- to
CREATE TABLE t (id integer);

-- case: enum_in_schema
CREATE SCHEMA app;
-- to
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('draft', 'published');
CREATE TABLE app.posts (id integer PRIMARY KEY, status app.status NOT NULL DEFAULT 'draft');

-- case: enum_array_column
CREATE TYPE flag AS ENUM ('a', 'b');
CREATE TABLE t (id integer);
-- to
CREATE TYPE flag AS ENUM ('a', 'b');
CREATE TABLE t (id integer, flags flag[] NOT NULL DEFAULT '{}');

-- case: column_becomes_enum
CREATE TABLE t (status text);
-- to
CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE t (status status);

-- case: column_leaves_enum
CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE t (status status);
-- to
CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE t (status text);

-- case: enum_value_removed_under_default
CREATE TYPE mood AS ENUM ('sad', 'ok', 'gone');
CREATE TABLE t (m mood DEFAULT 'ok');
-- to
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (m mood DEFAULT 'ok');

-- case: enum_with_odd_values
-- to
CREATE TYPE odd AS ENUM ('a b', 'it''s', 'UPPER', '1st', '');

-- case: two_enums_one_table
-- to
CREATE TYPE a AS ENUM ('x');
CREATE TYPE b AS ENUM ('y', 'z');
CREATE TABLE t (a a, b b NOT NULL, bs b[]);
