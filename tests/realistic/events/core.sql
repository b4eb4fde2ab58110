-- An event-sourced order-management backend: an append-only event store
-- with streams, snapshots, projections and an outbox, plus the read models
-- the projections maintain. The part shale models today; extras.sql holds
-- the monthly partitions, the append function and the notify triggers.

CREATE SCHEMA es;
CREATE SCHEMA read;
CREATE SCHEMA ops;

CREATE TYPE es.stream_state AS ENUM ('open', 'closed', 'archived', 'deleted');
CREATE TYPE es.delivery_state AS ENUM ('pending', 'in_flight', 'delivered', 'dead');
CREATE TYPE read.order_state AS ENUM ('draft', 'placed', 'paid', 'packed', 'shipped', 'delivered', 'returned', 'cancelled');
CREATE TYPE read.shipment_state AS ENUM ('label_created', 'in_transit', 'out_for_delivery', 'delivered', 'exception');
CREATE TYPE ops.job_state AS ENUM ('queued', 'running', 'succeeded', 'failed');

CREATE TABLE es.categories (
    id smallint PRIMARY KEY,
    name text NOT NULL UNIQUE,
    description text
);

CREATE TABLE es.event_types (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_id smallint NOT NULL REFERENCES es.categories (id),
    name text NOT NULL,
    schema_version smallint NOT NULL DEFAULT 1,
    json_schema jsonb,
    deprecated boolean NOT NULL DEFAULT false,
    UNIQUE (category_id, name, schema_version)
);

CREATE TABLE es.streams (
    id uuid PRIMARY KEY,
    category_id smallint NOT NULL REFERENCES es.categories (id),
    state es.stream_state NOT NULL DEFAULT 'open',
    version bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    closed_at timestamptz
);
CREATE INDEX streams_category_state ON es.streams (category_id, state);

CREATE TABLE es.events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id uuid NOT NULL REFERENCES es.streams (id),
    stream_version bigint NOT NULL,
    type_id integer NOT NULL REFERENCES es.event_types (id),
    payload jsonb NOT NULL,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    causation_id uuid,
    correlation_id uuid,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (stream_id, stream_version),
    CHECK (stream_version > 0)
);
CREATE INDEX events_type ON es.events (type_id, global_position);
CREATE INDEX events_correlation ON es.events (correlation_id) WHERE correlation_id IS NOT NULL;
CREATE INDEX events_recorded ON es.events USING brin (recorded_at);
COMMENT ON TABLE es.events IS 'Append-only; never updated or deleted';
COMMENT ON COLUMN es.events.global_position IS 'Total order across all streams';

CREATE TABLE es.snapshots (
    stream_id uuid NOT NULL REFERENCES es.streams (id) ON DELETE CASCADE,
    version bigint NOT NULL,
    state jsonb NOT NULL,
    taken_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream_id, version)
);

CREATE TABLE es.stream_tags (
    stream_id uuid NOT NULL REFERENCES es.streams (id) ON DELETE CASCADE,
    tag text NOT NULL,
    PRIMARY KEY (stream_id, tag)
);

CREATE TABLE es.projections (
    name text PRIMARY KEY,
    description text,
    enabled boolean NOT NULL DEFAULT true,
    handled_types integer[] NOT NULL DEFAULT '{}'::integer[]
);

CREATE TABLE es.checkpoints (
    projection text PRIMARY KEY REFERENCES es.projections (name) ON DELETE CASCADE ON UPDATE CASCADE,
    position bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE es.projection_errors (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    projection text NOT NULL REFERENCES es.projections (name) ON DELETE CASCADE,
    global_position bigint NOT NULL REFERENCES es.events (global_position),
    error text NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    resolved boolean NOT NULL DEFAULT false
);

CREATE TABLE es.subscriptions (
    id text PRIMARY KEY,
    filter_category smallint REFERENCES es.categories (id),
    filter_types integer[],
    batch_size integer NOT NULL DEFAULT 100 CHECK (batch_size BETWEEN 1 AND 10000),
    paused boolean NOT NULL DEFAULT false
);

CREATE TABLE es.consumers (
    subscription_id text NOT NULL REFERENCES es.subscriptions (id) ON DELETE CASCADE,
    consumer text NOT NULL,
    position bigint NOT NULL DEFAULT 0,
    heartbeat_at timestamptz,
    PRIMARY KEY (subscription_id, consumer)
);

CREATE TABLE es.outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    global_position bigint NOT NULL REFERENCES es.events (global_position),
    destination text NOT NULL,
    state es.delivery_state NOT NULL DEFAULT 'pending',
    attempts smallint NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error text
);
CREATE INDEX outbox_due ON es.outbox (next_attempt_at) WHERE state IN ('pending', 'in_flight');

CREATE TABLE es.inbox (
    message_id uuid PRIMARY KEY,
    source text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    payload jsonb NOT NULL
);
CREATE INDEX inbox_unprocessed ON es.inbox (received_at) WHERE processed_at IS NULL;

CREATE TABLE es.dead_letters (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id bigint REFERENCES es.outbox (id) ON DELETE SET NULL,
    inbox_id uuid REFERENCES es.inbox (message_id) ON DELETE SET NULL,
    reason text NOT NULL,
    dead_at timestamptz NOT NULL DEFAULT now(),
    CHECK (outbox_id IS NOT NULL OR inbox_id IS NOT NULL)
);

CREATE TABLE es.upcasters (
    type_id integer NOT NULL REFERENCES es.event_types (id),
    from_version smallint NOT NULL,
    to_version smallint NOT NULL,
    script text NOT NULL,
    PRIMARY KEY (type_id, from_version),
    CHECK (to_version = from_version + 1)
);

CREATE TABLE es.idempotency_keys (
    key text PRIMARY KEY,
    stream_id uuid NOT NULL REFERENCES es.streams (id),
    global_position bigint NOT NULL REFERENCES es.events (global_position),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE es.retention_rules (
    category_id smallint PRIMARY KEY REFERENCES es.categories (id),
    keep_days integer NOT NULL CHECK (keep_days > 0),
    snapshot_every integer NOT NULL DEFAULT 100
);

CREATE TABLE read.customers (
    id uuid PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL,
    phone text,
    marketing_opt_in boolean NOT NULL DEFAULT false,
    lifetime_value_cents bigint NOT NULL DEFAULT 0,
    version bigint NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX customers_email ON read.customers (lower(email));

CREATE TABLE read.addresses (
    id uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES read.customers (id) ON DELETE CASCADE,
    line1 text NOT NULL,
    line2 text,
    city text NOT NULL,
    region text,
    postal_code text NOT NULL,
    country char(2) NOT NULL,
    is_default boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX addresses_one_default ON read.addresses (customer_id) WHERE is_default;

CREATE TABLE read.products (
    sku text PRIMARY KEY,
    name text NOT NULL,
    description text,
    price_cents integer NOT NULL CHECK (price_cents >= 0),
    currency char(3) NOT NULL DEFAULT 'EUR',
    active boolean NOT NULL DEFAULT true,
    attributes jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX products_attributes ON read.products USING gin (attributes);

CREATE TABLE read.product_categories (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES read.product_categories (id),
    name text NOT NULL
);

CREATE TABLE read.product_category_links (
    sku text NOT NULL REFERENCES read.products (sku) ON DELETE CASCADE ON UPDATE CASCADE,
    category_id integer NOT NULL REFERENCES read.product_categories (id) ON DELETE CASCADE,
    PRIMARY KEY (sku, category_id)
);

CREATE TABLE read.warehouses (
    code text PRIMARY KEY,
    name text NOT NULL,
    country char(2) NOT NULL
);

CREATE TABLE read.stock_levels (
    sku text NOT NULL REFERENCES read.products (sku) ON UPDATE CASCADE,
    warehouse text NOT NULL REFERENCES read.warehouses (code),
    on_hand integer NOT NULL DEFAULT 0,
    reserved integer NOT NULL DEFAULT 0,
    available integer GENERATED ALWAYS AS (on_hand - reserved) STORED,
    version bigint NOT NULL,
    PRIMARY KEY (sku, warehouse),
    CHECK (reserved >= 0 AND on_hand >= 0)
);

CREATE TABLE read.carts (
    id uuid PRIMARY KEY,
    customer_id uuid REFERENCES read.customers (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    abandoned boolean NOT NULL DEFAULT false
);

CREATE TABLE read.cart_items (
    cart_id uuid NOT NULL REFERENCES read.carts (id) ON DELETE CASCADE,
    sku text NOT NULL REFERENCES read.products (sku) ON UPDATE CASCADE,
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (cart_id, sku)
);

CREATE TABLE read.orders (
    id uuid PRIMARY KEY,
    number bigint NOT NULL UNIQUE,
    customer_id uuid NOT NULL REFERENCES read.customers (id),
    shipping_address uuid REFERENCES read.addresses (id) ON DELETE SET NULL,
    state read.order_state NOT NULL,
    currency char(3) NOT NULL,
    subtotal_cents bigint NOT NULL,
    shipping_cents bigint NOT NULL DEFAULT 0,
    discount_cents bigint NOT NULL DEFAULT 0,
    total_cents bigint GENERATED ALWAYS AS (subtotal_cents + shipping_cents - discount_cents) STORED,
    placed_at timestamptz,
    version bigint NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX orders_customer_placed ON read.orders (customer_id, placed_at DESC NULLS LAST);
CREATE INDEX orders_open ON read.orders (state) WHERE state NOT IN ('delivered', 'returned', 'cancelled');

CREATE TABLE read.order_lines (
    order_id uuid NOT NULL REFERENCES read.orders (id) ON DELETE CASCADE,
    line smallint NOT NULL,
    sku text NOT NULL,
    name text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_cents integer NOT NULL,
    PRIMARY KEY (order_id, line)
);

CREATE TABLE read.order_status_history (
    order_id uuid NOT NULL REFERENCES read.orders (id) ON DELETE CASCADE,
    at timestamptz NOT NULL,
    state read.order_state NOT NULL,
    note text,
    PRIMARY KEY (order_id, at)
);

CREATE TABLE read.payments (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES read.orders (id),
    provider text NOT NULL,
    provider_ref text NOT NULL,
    amount_cents bigint NOT NULL,
    captured boolean NOT NULL DEFAULT false,
    at timestamptz NOT NULL,
    UNIQUE (provider, provider_ref)
);

CREATE TABLE read.refunds (
    id uuid PRIMARY KEY,
    payment_id uuid NOT NULL REFERENCES read.payments (id),
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    reason text,
    at timestamptz NOT NULL
);

CREATE TABLE read.shipments (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES read.orders (id),
    warehouse text NOT NULL REFERENCES read.warehouses (code),
    carrier text NOT NULL,
    tracking_number text,
    state read.shipment_state NOT NULL DEFAULT 'label_created',
    shipped_at timestamptz,
    delivered_at timestamptz,
    CHECK (delivered_at IS NULL OR shipped_at IS NOT NULL)
);
CREATE UNIQUE INDEX shipments_tracking ON read.shipments (carrier, tracking_number) WHERE tracking_number IS NOT NULL;

CREATE TABLE read.shipment_items (
    shipment_id uuid NOT NULL REFERENCES read.shipments (id) ON DELETE CASCADE,
    order_id uuid NOT NULL,
    line smallint NOT NULL,
    quantity integer NOT NULL,
    PRIMARY KEY (shipment_id, order_id, line),
    FOREIGN KEY (order_id, line) REFERENCES read.order_lines (order_id, line)
);

CREATE TABLE read.returns (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES read.orders (id),
    reason text NOT NULL,
    requested_at timestamptz NOT NULL,
    received_at timestamptz
);

CREATE TABLE read.return_items (
    return_id uuid NOT NULL REFERENCES read.returns (id) ON DELETE CASCADE,
    order_id uuid NOT NULL,
    line smallint NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (return_id, order_id, line),
    FOREIGN KEY (order_id, line) REFERENCES read.order_lines (order_id, line)
);

CREATE TABLE read.promotions (
    code text PRIMARY KEY,
    description text NOT NULL,
    percent_off smallint,
    amount_off_cents integer,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz,
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);

CREATE TABLE read.order_promotions (
    order_id uuid NOT NULL REFERENCES read.orders (id) ON DELETE CASCADE,
    code text NOT NULL REFERENCES read.promotions (code),
    PRIMARY KEY (order_id, code)
);

CREATE TABLE read.reviews (
    id uuid PRIMARY KEY,
    sku text NOT NULL REFERENCES read.products (sku) ON UPDATE CASCADE,
    customer_id uuid REFERENCES read.customers (id) ON DELETE SET NULL,
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body text,
    published boolean NOT NULL DEFAULT false,
    at timestamptz NOT NULL
);
CREATE INDEX reviews_sku_published ON read.reviews (sku) WHERE published;

CREATE TABLE read.wishlists (
    customer_id uuid NOT NULL REFERENCES read.customers (id) ON DELETE CASCADE,
    sku text NOT NULL REFERENCES read.products (sku) ON DELETE CASCADE ON UPDATE CASCADE,
    added_at timestamptz NOT NULL,
    PRIMARY KEY (customer_id, sku)
);

CREATE TABLE read.daily_sales (
    day date NOT NULL,
    currency char(3) NOT NULL,
    orders integer NOT NULL DEFAULT 0,
    revenue_cents bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, currency)
);

CREATE TABLE read.customer_segments (
    customer_id uuid NOT NULL REFERENCES read.customers (id) ON DELETE CASCADE,
    segment text NOT NULL,
    score real NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, segment)
);

CREATE TABLE read.search_documents (
    kind text NOT NULL,
    key text NOT NULL,
    document tsvector NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX search_documents_fts ON read.search_documents USING gin (document);

CREATE TABLE read.notifications (
    id uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES read.customers (id) ON DELETE CASCADE,
    channel text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
    template text NOT NULL,
    sent_at timestamptz
);

CREATE TABLE read.gift_cards (
    code text PRIMARY KEY,
    balance_cents bigint NOT NULL CHECK (balance_cents >= 0),
    currency char(3) NOT NULL,
    expires_on date
);

CREATE TABLE read.gift_card_uses (
    code text NOT NULL REFERENCES read.gift_cards (code),
    order_id uuid NOT NULL REFERENCES read.orders (id),
    amount_cents bigint NOT NULL,
    PRIMARY KEY (code, order_id)
);

CREATE TABLE read.tax_rates (
    country char(2) NOT NULL,
    region text NOT NULL DEFAULT '',
    rate numeric(6,4) NOT NULL CHECK (rate >= 0 AND rate < 1),
    valid_from date NOT NULL,
    PRIMARY KEY (country, region, valid_from)
);

CREATE TABLE read.exchange_rates (
    base char(3) NOT NULL,
    quote char(3) NOT NULL,
    day date NOT NULL,
    rate numeric(18,8) NOT NULL,
    PRIMARY KEY (base, quote, day)
);

CREATE TABLE ops.jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    args jsonb NOT NULL DEFAULT '{}'::jsonb,
    state ops.job_state NOT NULL DEFAULT 'queued',
    priority smallint NOT NULL DEFAULT 0,
    run_at timestamptz NOT NULL DEFAULT now(),
    attempts smallint NOT NULL DEFAULT 0,
    locked_by text,
    locked_at timestamptz
);
CREATE INDEX jobs_ready ON ops.jobs (priority DESC, run_at) WHERE state = 'queued';

CREATE TABLE ops.job_runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id bigint NOT NULL REFERENCES ops.jobs (id) ON DELETE CASCADE,
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    error text
);

CREATE TABLE ops.replays (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    projection text NOT NULL REFERENCES es.projections (name),
    from_position bigint NOT NULL DEFAULT 0,
    to_position bigint,
    requested_by text NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);

CREATE TABLE ops.feature_toggles (
    name text PRIMARY KEY,
    enabled boolean NOT NULL DEFAULT false,
    note text
);

CREATE TABLE ops.maintenance_windows (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    reason text NOT NULL,
    CHECK (ends_at > starts_at)
);

CREATE TABLE ops.api_clients (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,
    secret_hash bytea NOT NULL,
    rate_limit_per_minute integer NOT NULL DEFAULT 600,
    allowed_ips cidr[] NOT NULL DEFAULT '{}'::cidr[]
);

CREATE TABLE ops.request_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id uuid REFERENCES ops.api_clients (id) ON DELETE SET NULL,
    method text NOT NULL,
    path text NOT NULL,
    status smallint NOT NULL,
    duration_ms integer NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_log_at ON ops.request_log USING brin (at);

CREATE TABLE ops.schema_notes (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    object text NOT NULL,
    note text NOT NULL
);

CREATE SEQUENCE read.order_numbers START 100000 CACHE 20;

-- Views (modelled; moved here from extras.sql).
CREATE VIEW read.open_orders AS
    SELECT o.id, o.number, o.customer_id, o.state, o.total_cents
    FROM read.orders o
    WHERE o.state NOT IN ('delivered', 'returned', 'cancelled');

CREATE MATERIALIZED VIEW read.revenue_by_month AS
    SELECT date_trunc('month', placed_at) AS month, currency, sum(total_cents) AS revenue_cents
    FROM read.orders WHERE placed_at IS NOT NULL GROUP BY 1, 2;

-- Functions and triggers (modelled since issue 12).
CREATE FUNCTION es.append(stream uuid, expected bigint, type_id integer, body jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    current bigint;
    position bigint;
BEGIN
    SELECT version INTO current FROM es.streams WHERE id = stream FOR UPDATE;
    IF current IS DISTINCT FROM expected THEN
        RAISE EXCEPTION 'stream % is at %, not %', stream, current, expected;
    END IF;
    INSERT INTO es.events (stream_id, stream_version, type_id, payload)
    VALUES (stream, expected + 1, type_id, body) RETURNING global_position INTO position;
    UPDATE es.streams SET version = expected + 1 WHERE id = stream;
    RETURN position;
END
$$;

CREATE FUNCTION es.notify_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('events', NEW.global_position::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER events_notify AFTER INSERT ON es.events FOR EACH ROW EXECUTE FUNCTION es.notify_event();
CREATE TRIGGER outbox_notify AFTER INSERT ON es.outbox FOR EACH STATEMENT EXECUTE FUNCTION es.notify_event();

COMMENT ON SCHEMA es IS 'The event store: append-only';

CREATE TABLE es.raw_events (
    stream_id uuid NOT NULL,
    stream_version bigint NOT NULL,
    payload jsonb NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (stream_id, stream_version, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE TABLE es.raw_events_2026_10 PARTITION OF es.raw_events FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE es.raw_events_2026_11 PARTITION OF es.raw_events FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE es.raw_events_2026_12 PARTITION OF es.raw_events FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');

