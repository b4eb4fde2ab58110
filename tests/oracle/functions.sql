-- Functions, procedures and triggers: created, replaced, recreated, dropped;
-- triggers of every timing, event, level and condition.

-- case: create_trigger_function_and_trigger
CREATE TABLE t (id integer PRIMARY KEY, updated_at timestamptz);
-- to
CREATE TABLE t (id integer PRIMARY KEY, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER t_touch BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();

-- case: sql_function_options
CREATE TABLE t (id integer PRIMARY KEY, n integer);
-- to
CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE FUNCTION total(lo integer DEFAULT 0, hi integer DEFAULT 100) RETURNS bigint
    LANGUAGE sql STABLE STRICT PARALLEL SAFE AS 'SELECT sum(n) FROM t WHERE n BETWEEN lo AND hi';
CREATE FUNCTION pairs() RETURNS TABLE(id integer, n integer) LANGUAGE sql AS 'SELECT id, n FROM t';
CREATE FUNCTION ids() RETURNS SETOF integer LANGUAGE sql IMMUTABLE AS 'SELECT 1';
CREATE FUNCTION secure() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS 'BEGIN END';
CREATE FUNCTION empty_path() RETURNS void LANGUAGE plpgsql SET search_path = '' AS 'BEGIN END';
CREATE FUNCTION outs(a integer, OUT doubled integer, INOUT tag text) LANGUAGE sql AS 'SELECT a * 2, tag';
CREATE FUNCTION many(VARIADIC xs integer[]) RETURNS integer LANGUAGE sql AS 'SELECT cardinality(xs)';
COMMENT ON FUNCTION total(integer, integer) IS 'sums n';

-- case: procedure_created_and_commented
-- to
CREATE PROCEDURE tidy(days integer DEFAULT 30) LANGUAGE plpgsql AS 'BEGIN RAISE NOTICE ''%'', days; END';
COMMENT ON PROCEDURE tidy(integer) IS 'cleans up';

-- case: body_replaced
CREATE FUNCTION f() RETURNS integer LANGUAGE plpgsql AS 'BEGIN RETURN 1; END';
-- to
CREATE FUNCTION f() RETURNS integer LANGUAGE plpgsql IMMUTABLE AS 'BEGIN RETURN 2; END';

-- case: result_type_changed
CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
-- to
CREATE FUNCTION f(a integer) RETURNS bigint LANGUAGE sql AS 'SELECT a::bigint';

-- case: overloads
CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
-- to
CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql AS 'SELECT a';

-- case: function_in_other_schema_with_trigger
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY);
-- to
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY);
CREATE FUNCTION app.guard() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END';
CREATE TRIGGER t_guard AFTER DELETE ON app.t FOR EACH STATEMENT EXECUTE FUNCTION app.guard('x', 'it''s');
COMMENT ON TRIGGER t_guard ON app.t IS 'guards';

-- case: trigger_changed
CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION noop();
CREATE TRIGGER t2 AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION noop();
-- to
CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t1 BEFORE INSERT OR UPDATE OF a, b ON t FOR EACH ROW WHEN (NEW.a IS NOT NULL) EXECUTE FUNCTION noop();
CREATE TRIGGER t3 AFTER TRUNCATE ON t FOR EACH STATEMENT EXECUTE FUNCTION noop();

-- case: trigger_column_retyped
CREATE TABLE t (id integer PRIMARY KEY, code integer);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_code BEFORE UPDATE OF code ON t FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION noop();
-- to
CREATE TABLE t (id integer PRIMARY KEY, code bigint);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_code BEFORE UPDATE OF code ON t FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION noop();

-- case: everything_dropped
CREATE TABLE t (id integer PRIMARY KEY);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_noop BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION noop();
CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';
-- to
CREATE TABLE t (id integer PRIMARY KEY);

-- case: table_with_trigger_dropped
CREATE TABLE t (id integer PRIMARY KEY);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_noop BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION noop();
-- to
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
