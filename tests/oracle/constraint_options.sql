-- Deferrable primary keys and unique constraints, NO INHERIT checks.

-- case: deferrable_unique_created
-- to
CREATE TABLE seats (id integer PRIMARY KEY, position integer NOT NULL, CONSTRAINT seats_position_key UNIQUE (position) DEFERRABLE INITIALLY DEFERRED);

-- case: deferrable_primary_key_created
-- to
CREATE TABLE slots (id integer, CONSTRAINT slots_pkey PRIMARY KEY (id) DEFERRABLE);

-- case: unique_becomes_deferrable
CREATE TABLE seats (id integer PRIMARY KEY, position integer NOT NULL UNIQUE);
-- to
CREATE TABLE seats (id integer PRIMARY KEY, position integer NOT NULL, CONSTRAINT seats_position_key UNIQUE (position) DEFERRABLE INITIALLY IMMEDIATE);

-- case: unique_initially_deferred_to_immediate
CREATE TABLE seats (id integer PRIMARY KEY, position integer NOT NULL, CONSTRAINT seats_position_key UNIQUE (position) DEFERRABLE INITIALLY DEFERRED);
-- to
CREATE TABLE seats (id integer PRIMARY KEY, position integer NOT NULL, CONSTRAINT seats_position_key UNIQUE (position) DEFERRABLE INITIALLY IMMEDIATE);

-- case: primary_key_no_longer_deferrable
CREATE TABLE slots (id integer, CONSTRAINT slots_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED);
-- to
CREATE TABLE slots (id integer PRIMARY KEY);

-- case: primary_key_becomes_deferrable_under_no_foreign_key
CREATE TABLE slots (id integer PRIMARY KEY, label text);
-- to
CREATE TABLE slots (id integer, label text, CONSTRAINT slots_pkey PRIMARY KEY (id) DEFERRABLE);

-- case: no_inherit_check_created
-- to
CREATE TABLE parts (id integer PRIMARY KEY, qty integer, CONSTRAINT parts_qty_check CHECK (qty > 0) NO INHERIT);

-- case: check_becomes_no_inherit
CREATE TABLE parts (id integer PRIMARY KEY, qty integer, CONSTRAINT parts_qty_check CHECK (qty > 0));
-- to
CREATE TABLE parts (id integer PRIMARY KEY, qty integer, CONSTRAINT parts_qty_check CHECK (qty > 0) NO INHERIT);

-- case: no_inherit_dropped
CREATE TABLE parts (id integer PRIMARY KEY, qty integer, CONSTRAINT parts_qty_check CHECK (qty > 0) NO INHERIT);
-- to
CREATE TABLE parts (id integer PRIMARY KEY, qty integer, CONSTRAINT parts_qty_check CHECK (qty > 0));

-- case: deferrable_unique_renamed
CREATE TABLE seats (id integer PRIMARY KEY, position integer NOT NULL, CONSTRAINT seats_position_key UNIQUE (position) DEFERRABLE);
-- to
CREATE TABLE seats (id integer PRIMARY KEY, position integer NOT NULL, CONSTRAINT seats_position_unique UNIQUE (position) DEFERRABLE);

-- case: deferrable_composite_unique_with_foreign_key_elsewhere
CREATE TABLE orgs (id integer PRIMARY KEY);
CREATE TABLE members (org_id integer NOT NULL REFERENCES orgs (id), rank integer NOT NULL);
-- to
CREATE TABLE orgs (id integer PRIMARY KEY);
CREATE TABLE members (org_id integer NOT NULL REFERENCES orgs (id), rank integer NOT NULL, CONSTRAINT members_org_id_rank_key UNIQUE (org_id, rank) DEFERRABLE INITIALLY DEFERRED);
