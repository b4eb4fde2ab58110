-- Domains and composite types: created, altered in every way PostgreSQL
-- allows, replaced where it cannot alter, renamed, dropped; mixed with
-- tables, enums, views and functions that use them.

-- case: domain_created_with_everything
-- to
CREATE DOMAIN email AS varchar(320) COLLATE "C" DEFAULT 'nobody@example.com' NOT NULL
    CONSTRAINT email_has_at CHECK (VALUE ~ '@');
COMMENT ON DOMAIN email IS 'an e-mail address';
CREATE TABLE users (id bigint PRIMARY KEY, email email, backup email);

-- case: domain_unnamed_checks
-- to
CREATE DOMAIN percent AS smallint CHECK (VALUE >= 0) CHECK (VALUE <= 100);
CREATE TABLE progress (id integer PRIMARY KEY, done percent NOT NULL DEFAULT 0);

-- case: domain_default_changed_and_dropped
CREATE DOMAIN label AS text DEFAULT 'none';
CREATE DOMAIN code AS text DEFAULT 'x';
CREATE TABLE t (id integer PRIMARY KEY, l label, c code);
-- to
CREATE DOMAIN label AS text DEFAULT 'unnamed';
CREATE DOMAIN code AS text;
CREATE TABLE t (id integer PRIMARY KEY, l label, c code);

-- case: domain_not_null_toggled
CREATE DOMAIN a AS integer NOT NULL;
CREATE DOMAIN b AS integer;
CREATE TABLE t (id integer PRIMARY KEY, x a, y b);
-- to
CREATE DOMAIN a AS integer;
CREATE DOMAIN b AS integer NOT NULL;
CREATE TABLE t (id integer PRIMARY KEY, x a, y b);

-- case: domain_checks_added_changed_dropped
CREATE DOMAIN code AS text CONSTRAINT code_len CHECK (length(VALUE) = 3) CONSTRAINT code_gone CHECK (VALUE <> 'XXX');
CREATE TABLE countries (code code PRIMARY KEY);
-- to
CREATE DOMAIN code AS text CONSTRAINT code_len CHECK (length(VALUE) BETWEEN 2 AND 3) CONSTRAINT code_upper CHECK (VALUE = upper(VALUE));
CREATE TABLE countries (code code PRIMARY KEY);

-- case: domain_comment_changed
CREATE DOMAIN d AS integer;
COMMENT ON DOMAIN d IS 'before';
-- to
CREATE DOMAIN d AS integer;
COMMENT ON DOMAIN d IS 'after';

-- case: domain_base_type_widened_under_columns
CREATE DOMAIN zip AS varchar(5) DEFAULT '-' CHECK (VALUE <> '');
CREATE TABLE places (id integer PRIMARY KEY, zip zip NOT NULL, other zip DEFAULT '00000', history zip[]);
INSERT INTO places VALUES (1, '12345', '54321', '{11111}');
-- to
CREATE DOMAIN zip AS varchar(10) DEFAULT '-' CHECK (VALUE <> '');
CREATE TABLE places (id integer PRIMARY KEY, zip zip NOT NULL, other zip DEFAULT '00000', history zip[]);

-- case: domain_collation_changed
CREATE DOMAIN name_c AS text;
CREATE TABLE t (id integer PRIMARY KEY, n name_c);
-- to
CREATE DOMAIN name_c AS text COLLATE "C";
CREATE TABLE t (id integer PRIMARY KEY, n name_c);

-- case: domain_over_domain_and_enum
-- to
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN default_mood AS mood DEFAULT 'happy';
CREATE DOMAIN positive AS integer DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN small_positive AS positive CONSTRAINT small CHECK (VALUE < 100);
CREATE TABLE t (id integer PRIMARY KEY, m default_mood, n small_positive);

-- case: domain_over_array
-- to
CREATE DOMAIN tags AS text[] CHECK (cardinality(VALUE) < 10);
CREATE TABLE posts (id integer PRIMARY KEY, tags tags NOT NULL DEFAULT '{}');

-- case: domain_in_other_schema
-- to
CREATE SCHEMA billing;
CREATE DOMAIN billing.cents AS bigint CHECK (VALUE >= 0);
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, total billing.cents NOT NULL);

-- case: column_moves_onto_and_off_a_domain
CREATE DOMAIN slug AS text CHECK (VALUE ~ '^[a-z0-9-]+$');
CREATE TABLE pages (id integer PRIMARY KEY, slug text NOT NULL, old slug);
INSERT INTO pages VALUES (1, 'home', 'old-home');
-- to
CREATE DOMAIN slug AS text CHECK (VALUE ~ '^[a-z0-9-]+$');
CREATE TABLE pages (id integer PRIMARY KEY, slug slug NOT NULL, old text);

-- case: domain_dropped_with_its_table
CREATE DOMAIN cents AS bigint;
CREATE TABLE t (id integer PRIMARY KEY, c cents);
CREATE TABLE keep (id integer PRIMARY KEY);
-- to
CREATE TABLE keep (id integer PRIMARY KEY);

-- case: function_taking_a_domain
-- to
CREATE DOMAIN cents AS bigint CHECK (VALUE >= 0);
CREATE FUNCTION double_cents(c cents) RETURNS cents LANGUAGE sql IMMUTABLE AS 'SELECT (c * 2)::cents';

-- case: view_over_domain_column
-- to
CREATE DOMAIN cents AS bigint;
CREATE TABLE orders (id integer PRIMARY KEY, total cents NOT NULL);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 1000;

-- case: composite_type_created
-- to
CREATE TYPE kind AS ENUM ('home', 'work');
CREATE DOMAIN zip AS text CHECK (VALUE ~ '^[0-9]+$');
CREATE TYPE address AS (street text, zip zip, kind kind, lines varchar(80)[]);
COMMENT ON TYPE address IS 'a postal address';
CREATE TABLE people (id integer PRIMARY KEY, home address, others address[]);

-- case: composite_of_composite_in_other_schema
-- to
CREATE SCHEMA geo;
CREATE TYPE geo.point2 AS (x double precision, y double precision);
CREATE TYPE geo.segment AS (a geo.point2, b geo.point2);
CREATE TABLE geo.roads (id integer PRIMARY KEY, path geo.segment[]);

-- case: composite_attribute_added_and_dropped_under_column
CREATE TYPE money2 AS (amount integer, currency text, note text);
CREATE TABLE prices (id integer PRIMARY KEY, price money2);
INSERT INTO prices VALUES (1, ROW(10, 'EUR', 'x'));
-- to
CREATE TYPE money2 AS (amount integer, currency text, precision smallint);
CREATE TABLE prices (id integer PRIMARY KEY, price money2);

-- case: composite_attribute_retyped_and_reordered_unused
CREATE TYPE pair AS (low integer, high integer);
-- to
CREATE TYPE pair AS (label text, low bigint, high bigint);

-- case: composite_comment_removed
CREATE TYPE p AS (a integer);
COMMENT ON TYPE p IS 'gone soon';
-- to
CREATE TYPE p AS (a integer);

-- case: composite_dropped_with_column
CREATE TYPE old AS (x text);
CREATE TABLE t (id integer PRIMARY KEY, o old, keep integer);
-- to
CREATE TABLE t (id integer PRIMARY KEY, keep integer);

-- case: composite_empty
-- to
CREATE TYPE nothing AS ();

-- case: types_mixed_with_tables_and_enums
CREATE TYPE status AS ENUM ('active', 'closed');
CREATE TABLE accounts (id bigint PRIMARY KEY, status status NOT NULL);
-- to
CREATE TYPE status AS ENUM ('active', 'closed', 'frozen');
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TYPE contact AS (email email, phone text);
CREATE TABLE accounts (id bigint PRIMARY KEY, status status NOT NULL, contact contact, emails email[]);
CREATE TABLE audit (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id), who email NOT NULL);

-- case: domain_replaced_under_a_view
CREATE DOMAIN code AS varchar(5);
CREATE TABLE t (id integer PRIMARY KEY, c code);
CREATE VIEW v AS SELECT id, c FROM t;
-- to
CREATE DOMAIN code AS varchar(10);
CREATE TABLE t (id integer PRIMARY KEY, c code);
CREATE VIEW v AS SELECT id, c FROM t;
