-- A usage-based billing system: catalogue, price books, contracts, metering,
-- rating, invoicing, payments, dunning, a double-entry ledger and tax. The
-- part shale models today; extras.sql holds the money and currency domains,
-- the no-overlap exclusion constraints and the ledger balance trigger.

CREATE SCHEMA catalog;
CREATE SCHEMA ledger;

CREATE TYPE account_state AS ENUM ('prospect', 'active', 'suspended', 'closed');
CREATE TYPE invoice_state AS ENUM ('draft', 'open', 'paid', 'void', 'uncollectible');
CREATE TYPE payment_method_kind AS ENUM ('card', 'sepa_debit', 'ach_debit', 'wire', 'invoice');
CREATE TYPE dunning_step_kind AS ENUM ('email', 'retry', 'suspend', 'collections');
CREATE TYPE catalog.billing_scheme AS ENUM ('flat', 'per_unit', 'tiered', 'volume', 'package');
CREATE TYPE catalog.usage_aggregation AS ENUM ('sum', 'max', 'last', 'unique_count');
CREATE TYPE ledger.entry_side AS ENUM ('debit', 'credit');

CREATE TABLE currencies (
    code char(3) PRIMARY KEY,
    name text NOT NULL,
    minor_units smallint NOT NULL DEFAULT 2 CHECK (minor_units BETWEEN 0 AND 4),
    symbol text
);

CREATE TABLE countries (
    code char(2) PRIMARY KEY,
    name text NOT NULL,
    default_currency char(3) NOT NULL REFERENCES currencies (code),
    eu_member boolean NOT NULL DEFAULT false
);

CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id text UNIQUE,
    name text NOT NULL,
    state account_state NOT NULL DEFAULT 'prospect',
    country char(2) NOT NULL REFERENCES countries (code),
    currency char(3) NOT NULL REFERENCES currencies (code),
    billing_email text NOT NULL,
    vat_number text,
    credit_limit_cents bigint,
    parent_id bigint REFERENCES accounts (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX accounts_parent ON accounts (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX accounts_state ON accounts (state);

CREATE TABLE account_contacts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name text NOT NULL,
    email text NOT NULL,
    role text NOT NULL DEFAULT 'billing',
    UNIQUE (account_id, email)
);

CREATE TABLE account_addresses (
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('billing', 'shipping')),
    line1 text NOT NULL,
    line2 text,
    city text NOT NULL,
    postal_code text NOT NULL,
    country char(2) NOT NULL REFERENCES countries (code),
    PRIMARY KEY (account_id, kind)
);

CREATE TABLE account_notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    author text NOT NULL,
    body text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalog.products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    description text,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE catalog.meters (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    unit text NOT NULL,
    aggregation catalog.usage_aggregation NOT NULL DEFAULT 'sum',
    event_filter jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE catalog.price_books (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    currency char(3) NOT NULL REFERENCES currencies (code),
    is_default boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX price_books_one_default ON catalog.price_books (currency) WHERE is_default;

CREATE TABLE catalog.prices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    price_book_id bigint NOT NULL REFERENCES catalog.price_books (id) ON DELETE CASCADE,
    product_id bigint NOT NULL REFERENCES catalog.products (id),
    meter_id bigint REFERENCES catalog.meters (id),
    scheme catalog.billing_scheme NOT NULL,
    unit_amount numeric(18,6),
    package_size integer CHECK (package_size > 0),
    valid_from date NOT NULL,
    valid_to date,
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK ((scheme = 'package') = (package_size IS NOT NULL))
);
CREATE INDEX prices_product ON catalog.prices (product_id, valid_from DESC);

CREATE TABLE catalog.price_tiers (
    price_id bigint NOT NULL REFERENCES catalog.prices (id) ON DELETE CASCADE,
    up_to bigint,
    unit_amount numeric(18,6) NOT NULL,
    flat_amount numeric(18,6) NOT NULL DEFAULT 0,
    position smallint NOT NULL,
    PRIMARY KEY (price_id, position)
);

CREATE TABLE catalog.bundles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL
);

CREATE TABLE catalog.bundle_items (
    bundle_id bigint NOT NULL REFERENCES catalog.bundles (id) ON DELETE CASCADE,
    product_id bigint NOT NULL REFERENCES catalog.products (id),
    quantity integer NOT NULL DEFAULT 1,
    PRIMARY KEY (bundle_id, product_id)
);

CREATE TABLE catalog.discounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    percent numeric(5,2) CHECK (percent > 0 AND percent <= 100),
    amount_cents bigint CHECK (amount_cents > 0),
    duration_months smallint,
    CHECK ((percent IS NULL) <> (amount_cents IS NULL))
);

CREATE TABLE contracts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    price_book_id bigint NOT NULL REFERENCES catalog.price_books (id),
    number text NOT NULL UNIQUE,
    starts_on date NOT NULL,
    ends_on date,
    auto_renew boolean NOT NULL DEFAULT true,
    billing_day smallint NOT NULL DEFAULT 1 CHECK (billing_day BETWEEN 1 AND 28),
    signed_at timestamptz
);
CREATE INDEX contracts_account ON contracts (account_id, starts_on DESC);

CREATE TABLE contract_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id bigint NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    price_id bigint NOT NULL REFERENCES catalog.prices (id),
    quantity numeric(18,6) NOT NULL DEFAULT 1,
    discount_id bigint REFERENCES catalog.discounts (id),
    starts_on date NOT NULL,
    ends_on date
);

CREATE TABLE contract_amendments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id bigint NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    effective_on date NOT NULL,
    summary text NOT NULL,
    document_url text
);

CREATE TABLE commitments (
    contract_id bigint NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    period_start date NOT NULL,
    minimum_cents bigint NOT NULL CHECK (minimum_cents >= 0),
    PRIMARY KEY (contract_id, period_start)
);

CREATE TABLE usage_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    meter_id bigint NOT NULL REFERENCES catalog.meters (id),
    idempotency_key text NOT NULL,
    quantity numeric(18,6) NOT NULL,
    properties jsonb NOT NULL DEFAULT '{}'::jsonb,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, idempotency_key)
);
CREATE INDEX usage_events_meter_time ON usage_events (meter_id, occurred_at);
CREATE INDEX usage_events_received ON usage_events USING brin (received_at);

CREATE TABLE usage_aggregates (
    account_id bigint NOT NULL REFERENCES accounts (id),
    meter_id bigint NOT NULL REFERENCES catalog.meters (id),
    period_start date NOT NULL,
    quantity numeric(18,6) NOT NULL DEFAULT 0,
    computed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, meter_id, period_start)
);

CREATE TABLE rating_runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period_start date NOT NULL,
    period_end date NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    accounts_rated integer NOT NULL DEFAULT 0,
    CHECK (period_end > period_start)
);

CREATE TABLE rated_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id bigint NOT NULL REFERENCES rating_runs (id) ON DELETE CASCADE,
    contract_item_id bigint NOT NULL REFERENCES contract_items (id),
    quantity numeric(18,6) NOT NULL,
    amount numeric(18,6) NOT NULL,
    currency char(3) NOT NULL REFERENCES currencies (code)
);
CREATE INDEX rated_items_item ON rated_items (contract_item_id);

CREATE TABLE invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    contract_id bigint REFERENCES contracts (id),
    number text UNIQUE,
    state invoice_state NOT NULL DEFAULT 'draft',
    currency char(3) NOT NULL REFERENCES currencies (code),
    period_start date NOT NULL,
    period_end date NOT NULL,
    subtotal_cents bigint NOT NULL DEFAULT 0,
    tax_cents bigint NOT NULL DEFAULT 0,
    total_cents bigint GENERATED ALWAYS AS (subtotal_cents + tax_cents) STORED,
    issued_at timestamptz,
    due_on date,
    CHECK (state = 'draft' OR number IS NOT NULL)
);
CREATE INDEX invoices_account_period ON invoices (account_id, period_start DESC);
CREATE INDEX invoices_open_due ON invoices (due_on) WHERE state = 'open';
COMMENT ON COLUMN invoices.number IS 'Assigned when the invoice leaves draft';

CREATE TABLE invoice_lines (
    invoice_id bigint NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line integer NOT NULL,
    rated_item_id bigint REFERENCES rated_items (id),
    description text NOT NULL,
    quantity numeric(18,6) NOT NULL,
    unit_amount numeric(18,6) NOT NULL,
    amount_cents bigint NOT NULL,
    tax_rate numeric(6,4) NOT NULL DEFAULT 0,
    PRIMARY KEY (invoice_id, line)
);

CREATE TABLE credit_notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES invoices (id),
    number text NOT NULL UNIQUE,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    reason text NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE credit_note_lines (
    credit_note_id bigint NOT NULL REFERENCES credit_notes (id) ON DELETE CASCADE,
    invoice_id bigint NOT NULL,
    line integer NOT NULL,
    amount_cents bigint NOT NULL,
    PRIMARY KEY (credit_note_id, invoice_id, line),
    FOREIGN KEY (invoice_id, line) REFERENCES invoice_lines (invoice_id, line)
);

CREATE TABLE payment_methods (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind payment_method_kind NOT NULL,
    provider_token text NOT NULL,
    last4 char(4),
    expires_on date,
    is_default boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (account_id) WHERE is_default;

CREATE TABLE payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    method_id bigint REFERENCES payment_methods (id) ON DELETE SET NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    currency char(3) NOT NULL REFERENCES currencies (code),
    provider_ref text UNIQUE,
    succeeded boolean,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payment_allocations (
    payment_id bigint NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
    invoice_id bigint NOT NULL REFERENCES invoices (id),
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    PRIMARY KEY (payment_id, invoice_id)
);

CREATE TABLE refunds (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id bigint NOT NULL REFERENCES payments (id),
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    provider_ref text UNIQUE,
    at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payment_attempts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    method_id bigint REFERENCES payment_methods (id) ON DELETE SET NULL,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    outcome text NOT NULL CHECK (outcome IN ('succeeded', 'declined', 'error')),
    decline_code text
);
CREATE INDEX payment_attempts_invoice ON payment_attempts (invoice_id, attempted_at DESC);

CREATE TABLE dunning_policies (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    grace_days smallint NOT NULL DEFAULT 3
);

CREATE TABLE dunning_steps (
    policy_id bigint NOT NULL REFERENCES dunning_policies (id) ON DELETE CASCADE,
    position smallint NOT NULL,
    after_days smallint NOT NULL,
    kind dunning_step_kind NOT NULL,
    template text,
    PRIMARY KEY (policy_id, position)
);

CREATE TABLE dunning_cases (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint NOT NULL UNIQUE REFERENCES invoices (id),
    policy_id bigint NOT NULL REFERENCES dunning_policies (id),
    next_position smallint NOT NULL DEFAULT 1,
    opened_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz
);

CREATE TABLE dunning_actions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id bigint NOT NULL REFERENCES dunning_cases (id) ON DELETE CASCADE,
    position smallint NOT NULL,
    done_at timestamptz NOT NULL DEFAULT now(),
    result text
);

CREATE TABLE tax_jurisdictions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country char(2) NOT NULL REFERENCES countries (code),
    region text,
    name text NOT NULL,
    UNIQUE NULLS NOT DISTINCT (country, region)
);

CREATE TABLE tax_rates (
    jurisdiction_id bigint NOT NULL REFERENCES tax_jurisdictions (id) ON DELETE CASCADE,
    category text NOT NULL DEFAULT 'standard',
    rate numeric(6,4) NOT NULL CHECK (rate >= 0 AND rate < 1),
    valid_from date NOT NULL,
    PRIMARY KEY (jurisdiction_id, category, valid_from)
);

CREATE TABLE tax_exemptions (
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    jurisdiction_id bigint NOT NULL REFERENCES tax_jurisdictions (id),
    certificate text NOT NULL,
    expires_on date,
    PRIMARY KEY (account_id, jurisdiction_id)
);

CREATE TABLE ledger.accounts (
    code text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'revenue', 'expense')),
    parent_code text REFERENCES ledger.accounts (code)
);

CREATE TABLE ledger.journals (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    description text NOT NULL,
    source_type text NOT NULL,
    source_id bigint NOT NULL,
    posted_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source_type, source_id)
);

CREATE TABLE ledger.entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    journal_id bigint NOT NULL REFERENCES ledger.journals (id) ON DELETE RESTRICT,
    account_code text NOT NULL REFERENCES ledger.accounts (code),
    side ledger.entry_side NOT NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    currency char(3) NOT NULL REFERENCES currencies (code)
);
CREATE INDEX entries_account ON ledger.entries (account_code, journal_id);

CREATE TABLE ledger.periods (
    starts_on date PRIMARY KEY,
    ends_on date NOT NULL,
    closed boolean NOT NULL DEFAULT false,
    CHECK (ends_on > starts_on)
);

CREATE TABLE ledger.balances (
    account_code text NOT NULL REFERENCES ledger.accounts (code),
    period_start date NOT NULL REFERENCES ledger.periods (starts_on),
    currency char(3) NOT NULL REFERENCES currencies (code),
    debit_cents bigint NOT NULL DEFAULT 0,
    credit_cents bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (account_code, period_start, currency)
);

CREATE TABLE exchange_rates (
    base char(3) NOT NULL REFERENCES currencies (code),
    quote char(3) NOT NULL REFERENCES currencies (code),
    day date NOT NULL,
    rate numeric(18,8) NOT NULL CHECK (rate > 0),
    PRIMARY KEY (base, quote, day),
    CHECK (base <> quote)
);

CREATE TABLE revenue_schedules (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES invoices (id),
    line integer NOT NULL,
    recognize_from date NOT NULL,
    recognize_to date NOT NULL,
    FOREIGN KEY (invoice_id, line) REFERENCES invoice_lines (invoice_id, line)
);

CREATE TABLE revenue_recognitions (
    schedule_id bigint NOT NULL REFERENCES revenue_schedules (id) ON DELETE CASCADE,
    period_start date NOT NULL,
    amount_cents bigint NOT NULL,
    journal_id bigint REFERENCES ledger.journals (id),
    PRIMARY KEY (schedule_id, period_start)
);

CREATE TABLE webhooks_out (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint REFERENCES accounts (id) ON DELETE CASCADE,
    event text NOT NULL,
    payload jsonb NOT NULL,
    delivered_at timestamptz,
    attempts smallint NOT NULL DEFAULT 0
);
CREATE INDEX webhooks_out_pending ON webhooks_out (id) WHERE delivered_at IS NULL;

CREATE TABLE api_idempotency (
    key text PRIMARY KEY,
    request_hash bytea NOT NULL,
    response jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_trail (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor text NOT NULL,
    action text NOT NULL,
    object_type text NOT NULL,
    object_id bigint NOT NULL,
    before jsonb,
    after jsonb,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_trail_object ON audit_trail (object_type, object_id, at DESC);

CREATE TABLE statements (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    period_start date NOT NULL,
    opening_cents bigint NOT NULL,
    closing_cents bigint NOT NULL,
    pdf_url text,
    UNIQUE (account_id, period_start)
);

CREATE TABLE price_overrides (
    contract_item_id bigint NOT NULL REFERENCES contract_items (id) ON DELETE CASCADE,
    valid_from date NOT NULL,
    unit_amount numeric(18,6) NOT NULL,
    approved_by text NOT NULL,
    PRIMARY KEY (contract_item_id, valid_from)
);

CREATE EXTENSION btree_gist;

-- Views (modelled; moved here from extras.sql).
CREATE VIEW receivables AS
    SELECT i.account_id, i.currency, sum(i.total_cents) AS open_cents, min(i.due_on) AS oldest_due
    FROM invoices i WHERE i.state = 'open' GROUP BY i.account_id, i.currency;

-- Functions and triggers (modelled since issue 12).
CREATE FUNCTION ledger.check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM ledger.entries e WHERE e.journal_id = NEW.journal_id
        GROUP BY e.currency
        HAVING sum(CASE WHEN e.side = 'debit' THEN e.amount_cents ELSE -e.amount_cents END) <> 0
    ) THEN
        RAISE EXCEPTION 'journal % does not balance', NEW.journal_id;
    END IF;
    RETURN NULL;
END
$$;

ALTER TABLE catalog.prices ADD CONSTRAINT prices_no_overlap
    EXCLUDE USING gist (price_book_id WITH =, product_id WITH =, daterange(valid_from, valid_to) WITH &&);
ALTER TABLE contract_items ADD CONSTRAINT contract_items_no_overlap
    EXCLUDE USING gist (contract_id WITH =, price_id WITH =, daterange(starts_on, ends_on) WITH &&);

-- Money and currency domains, and a table whose columns use them.
CREATE DOMAIN money_cents AS bigint CHECK (VALUE >= 0);
CREATE DOMAIN currency_code AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE TABLE manual_adjustments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    amount money_cents NOT NULL,
    currency currency_code NOT NULL,
    reason text NOT NULL
);
