-- Column types: every family, and changes between them.

-- case: numeric_types
-- to
CREATE TABLE t (a smallint, b integer, c bigint, d real, e double precision, f numeric, g numeric(10,2), h numeric(5));

-- case: text_types
-- to
CREATE TABLE t (a text, b varchar(20), c character varying, d char(3), e "char", f name);

-- case: time_types
-- to
CREATE TABLE t (a date, b time, c time(3), d timetz, e timestamp, f timestamp(0), g timestamptz, h timestamptz(6), i interval, j interval(2));

-- case: misc_types
-- to
CREATE TABLE t (a boolean, b bytea, c uuid, d inet, e cidr, f macaddr, g json, h jsonb, i money, j bit(4), k bit varying(8), l xml, m tsvector, n point, o int4range, p tstzrange);

-- case: array_types
-- to
CREATE TABLE t (a text[], b integer[][], c varchar(10)[], d numeric(4,1)[], e uuid[] NOT NULL DEFAULT '{}');

-- case: widen_integer
CREATE TABLE t (id integer PRIMARY KEY, n integer);
-- to
CREATE TABLE t (id integer PRIMARY KEY, n bigint);

-- case: narrow_bigint
CREATE TABLE t (id integer PRIMARY KEY, n bigint);
-- to
CREATE TABLE t (id integer PRIMARY KEY, n smallint);

-- case: varchar_length_grows
CREATE TABLE t (s varchar(10));
-- to
CREATE TABLE t (s varchar(200));

-- case: varchar_to_text
CREATE TABLE t (s varchar(10) NOT NULL);
-- to
CREATE TABLE t (s text NOT NULL);

-- case: text_to_integer
CREATE TABLE t (n text);
-- to
CREATE TABLE t (n integer);

-- case: numeric_precision_changes
CREATE TABLE t (x numeric(10,2));
-- to
CREATE TABLE t (x numeric(12,4));

-- case: timestamp_to_timestamptz
CREATE TABLE t (at timestamp NOT NULL DEFAULT now());
-- to
CREATE TABLE t (at timestamptz NOT NULL DEFAULT now());

-- case: json_to_jsonb
CREATE TABLE t (doc json);
-- to
CREATE TABLE t (doc jsonb);

-- case: scalar_to_array
CREATE TABLE t (tag text);
-- to
CREATE TABLE t (tag text[]);

-- case: type_change_with_default
CREATE TABLE t (n integer DEFAULT 5);
-- to
CREATE TABLE t (n bigint DEFAULT 7);

-- case: type_change_of_indexed_column
CREATE TABLE t (id integer PRIMARY KEY, code varchar(5));
CREATE INDEX t_code_idx ON t (code);
-- to
CREATE TABLE t (id integer PRIMARY KEY, code text);
CREATE INDEX t_code_idx ON t (code);

-- case: type_change_of_primary_key_referenced
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p (id));
-- to
CREATE TABLE p (id bigint PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, p_id bigint REFERENCES p (id));

-- case: bit_types_change
CREATE TABLE t (flags bit(4));
-- to
CREATE TABLE t (flags bit varying(16));

-- case: interval_fields
-- to
CREATE TABLE t (a interval year to month, b interval day to second(3));
