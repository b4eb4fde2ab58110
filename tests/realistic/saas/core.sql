-- A multi-tenant SaaS application in the shape of a Supabase project:
-- organisations, members, projects, tasks, billing, integrations, audit.
-- The part shale models today; extras.sql holds the rest.

CREATE SCHEMA billing;
CREATE SCHEMA integrations;

CREATE TYPE member_role AS ENUM ('owner', 'admin', 'member', 'guest');
CREATE TYPE task_status AS ENUM ('backlog', 'todo', 'in_progress', 'review', 'done', 'cancelled');
CREATE TYPE task_priority AS ENUM ('none', 'low', 'medium', 'high', 'urgent');
CREATE TYPE notification_kind AS ENUM ('mention', 'assignment', 'comment', 'due_soon', 'system');
CREATE TYPE billing.subscription_status AS ENUM ('trialing', 'active', 'past_due', 'cancelled', 'unpaid');
CREATE TYPE billing.interval AS ENUM ('month', 'year');
CREATE TYPE integrations.provider AS ENUM ('github', 'gitlab', 'slack', 'google', 'microsoft');

CREATE TABLE profiles (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL,
    full_name text,
    avatar_url text,
    locale text NOT NULL DEFAULT 'en',
    time_zone text NOT NULL DEFAULT 'UTC',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT profiles_email_shape CHECK (email LIKE '%@%')
);
CREATE UNIQUE INDEX profiles_email_lower ON profiles (lower(email));
COMMENT ON TABLE profiles IS 'One row per signed-up person';

CREATE TABLE organizations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE,
    name text NOT NULL,
    logo_url text,
    created_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    CONSTRAINT organizations_slug_shape CHECK (slug ~ '^[a-z0-9-]{3,40}$')
);
CREATE INDEX organizations_live ON organizations (created_at) WHERE deleted_at IS NULL;

CREATE TABLE memberships (
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    profile_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    role member_role NOT NULL DEFAULT 'member',
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, profile_id)
);
CREATE INDEX memberships_profile ON memberships (profile_id);

CREATE TABLE invitations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email text NOT NULL,
    role member_role NOT NULL DEFAULT 'member',
    token text NOT NULL UNIQUE,
    invited_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    expires_at timestamptz NOT NULL,
    accepted_at timestamptz
);
CREATE UNIQUE INDEX invitations_open ON invitations (org_id, lower(email)) WHERE accepted_at IS NULL;

CREATE TABLE teams (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    description text,
    UNIQUE (org_id, name)
);

CREATE TABLE team_members (
    team_id bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    profile_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    lead boolean NOT NULL DEFAULT false,
    PRIMARY KEY (team_id, profile_id)
);

CREATE TABLE projects (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    team_id bigint REFERENCES teams (id) ON DELETE SET NULL,
    key varchar(10) NOT NULL,
    name text NOT NULL,
    description text,
    archived boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, key),
    CHECK (key = upper(key))
);
CREATE INDEX projects_active ON projects (org_id) WHERE NOT archived;

CREATE TABLE milestones (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title text NOT NULL,
    due_on date,
    closed boolean NOT NULL DEFAULT false
);

CREATE TABLE sprints (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    CONSTRAINT sprints_dates CHECK (ends_on > starts_on)
);

CREATE TABLE tasks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number integer NOT NULL,
    title text NOT NULL,
    body text,
    status task_status NOT NULL DEFAULT 'backlog',
    priority task_priority NOT NULL DEFAULT 'none',
    assignee_id uuid REFERENCES profiles (id) ON DELETE SET NULL,
    reporter_id uuid REFERENCES profiles (id) ON DELETE SET NULL,
    milestone_id bigint REFERENCES milestones (id) ON DELETE SET NULL,
    sprint_id bigint REFERENCES sprints (id) ON DELETE SET NULL,
    parent_id bigint REFERENCES tasks (id) ON DELETE CASCADE,
    estimate_points smallint CHECK (estimate_points BETWEEN 0 AND 100),
    due_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    search_text text GENERATED ALWAYS AS (coalesce(title, '') || ' ' || coalesce(body, '')) STORED,
    UNIQUE (project_id, number)
);
CREATE INDEX tasks_assignee_open ON tasks (assignee_id, status) WHERE status NOT IN ('done', 'cancelled');
CREATE INDEX tasks_project_status ON tasks (project_id, status, priority DESC);
CREATE INDEX tasks_due ON tasks (due_at NULLS LAST) WHERE due_at IS NOT NULL;
COMMENT ON COLUMN tasks.number IS 'Per-project sequence shown as KEY-123';

CREATE TABLE labels (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    color char(7) NOT NULL DEFAULT '#888888',
    UNIQUE (org_id, name)
);

CREATE TABLE task_labels (
    task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    label_id bigint NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, label_id)
);

CREATE TABLE task_watchers (
    task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    profile_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, profile_id)
);

CREATE TABLE task_links (
    from_task bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    to_task bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('blocks', 'duplicates', 'relates')),
    PRIMARY KEY (from_task, to_task, kind),
    CHECK (from_task <> to_task)
);

CREATE TABLE comments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    author_id uuid REFERENCES profiles (id) ON DELETE SET NULL,
    body text NOT NULL,
    edited boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_task_created ON comments (task_id, created_at);

CREATE TABLE reactions (
    comment_id bigint NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    profile_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    emoji text NOT NULL,
    PRIMARY KEY (comment_id, profile_id, emoji)
);

CREATE TABLE mentions (
    comment_id bigint NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    profile_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    PRIMARY KEY (comment_id, profile_id)
);

CREATE TABLE folders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    parent_id bigint REFERENCES folders (id) ON DELETE CASCADE,
    name text NOT NULL
);

CREATE TABLE files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    folder_id bigint REFERENCES folders (id) ON DELETE SET NULL,
    task_id bigint REFERENCES tasks (id) ON DELETE SET NULL,
    uploaded_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    bucket text NOT NULL DEFAULT 'attachments',
    path text NOT NULL,
    mime_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    checksum bytea,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (bucket, path)
);

CREATE TABLE custom_fields (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('text', 'number', 'date', 'select')),
    options jsonb NOT NULL DEFAULT '[]'::jsonb,
    position integer NOT NULL DEFAULT 0,
    UNIQUE (project_id, name)
);

CREATE TABLE custom_field_values (
    task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    field_id bigint NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    value jsonb NOT NULL,
    PRIMARY KEY (task_id, field_id)
);
CREATE INDEX custom_field_values_value ON custom_field_values USING gin (value jsonb_path_ops);

CREATE TABLE time_entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    profile_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    started_at timestamptz NOT NULL,
    minutes integer NOT NULL CHECK (minutes > 0),
    note text
);
CREATE INDEX time_entries_profile_started ON time_entries (profile_id, started_at DESC);

CREATE TABLE notifications (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    profile_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    kind notification_kind NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb,
    read_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_unread ON notifications (profile_id, created_at DESC) WHERE read_at IS NULL;

CREATE TABLE user_settings (
    profile_id uuid PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    theme text NOT NULL DEFAULT 'system',
    email_digest boolean NOT NULL DEFAULT true,
    shortcuts jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE org_settings (
    org_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    sso_required boolean NOT NULL DEFAULT false,
    allowed_domains text[] NOT NULL DEFAULT '{}'::text[],
    retention_days integer NOT NULL DEFAULT 365 CHECK (retention_days BETWEEN 30 AND 3650)
);

CREATE TABLE api_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name text NOT NULL,
    prefix char(8) NOT NULL UNIQUE,
    hashed_secret bytea NOT NULL,
    scopes text[] NOT NULL DEFAULT '{}'::text[],
    last_used_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    profile_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    user_agent text,
    ip inet,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_profile ON sessions (profile_id);
CREATE INDEX sessions_expiry ON sessions USING brin (expires_at);

CREATE TABLE sso_providers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('saml', 'oidc')),
    metadata_url text,
    domains text[] NOT NULL DEFAULT '{}'::text[]
);

CREATE TABLE webhooks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    url text NOT NULL CHECK (url LIKE 'https://%'),
    secret text NOT NULL,
    events text[] NOT NULL,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE webhook_deliveries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id bigint NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event text NOT NULL,
    payload jsonb NOT NULL,
    status_code smallint,
    attempts smallint NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    delivered_at timestamptz
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL;

CREATE TABLE feature_flags (
    key text PRIMARY KEY,
    description text,
    enabled boolean NOT NULL DEFAULT false,
    rollout_percent smallint NOT NULL DEFAULT 0 CHECK (rollout_percent BETWEEN 0 AND 100)
);

CREATE TABLE org_feature_flags (
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    flag_key text NOT NULL REFERENCES feature_flags (key) ON DELETE CASCADE ON UPDATE CASCADE,
    enabled boolean NOT NULL,
    PRIMARY KEY (org_id, flag_key)
);

CREATE TABLE announcements (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL,
    published_at timestamptz,
    audience text NOT NULL DEFAULT 'all'
);

CREATE TABLE support_tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid REFERENCES organizations (id) ON DELETE SET NULL,
    opened_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    subject text NOT NULL,
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'pending', 'solved', 'closed')),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ticket_messages (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id bigint NOT NULL REFERENCES support_tickets (id) ON DELETE CASCADE,
    from_staff boolean NOT NULL DEFAULT false,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE exports (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    requested_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    format text NOT NULL DEFAULT 'csv',
    file_id uuid REFERENCES files (id) ON DELETE SET NULL,
    finished_at timestamptz
);

CREATE TABLE imports (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    source text NOT NULL,
    rows_total integer,
    rows_done integer NOT NULL DEFAULT 0,
    errors jsonb NOT NULL DEFAULT '[]'::jsonb,
    CHECK (rows_total IS NULL OR rows_done <= rows_total)
);

CREATE TABLE email_templates (
    key text PRIMARY KEY,
    subject text NOT NULL,
    html text NOT NULL,
    text_body text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE email_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template_key text REFERENCES email_templates (key) ON DELETE SET NULL,
    to_address text NOT NULL,
    provider_id text,
    sent_at timestamptz NOT NULL DEFAULT now(),
    bounced boolean NOT NULL DEFAULT false
);
CREATE INDEX email_log_sent ON email_log USING brin (sent_at);

CREATE TABLE audit_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
    actor_id uuid REFERENCES profiles (id) ON DELETE SET NULL,
    action text NOT NULL,
    target_type text NOT NULL,
    target_id text NOT NULL,
    diff jsonb,
    ip inet,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_org_at ON audit_events (org_id, at DESC);
CREATE INDEX audit_events_target ON audit_events (target_type, target_id);

CREATE TABLE saved_views (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    owner_id uuid REFERENCES profiles (id) ON DELETE CASCADE,
    name text NOT NULL,
    filters jsonb NOT NULL DEFAULT '{}'::jsonb,
    shared boolean NOT NULL DEFAULT false
);

CREATE TABLE billing.plans (
    id text PRIMARY KEY,
    name text NOT NULL,
    monthly_cents integer NOT NULL CHECK (monthly_cents >= 0),
    yearly_cents integer NOT NULL CHECK (yearly_cents >= 0),
    seat_limit integer,
    features jsonb NOT NULL DEFAULT '{}'::jsonb,
    public boolean NOT NULL DEFAULT true
);

CREATE TABLE billing.customers (
    org_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    stripe_customer_id text UNIQUE,
    billing_email text NOT NULL,
    tax_id text,
    country char(2) NOT NULL DEFAULT 'US'
);

CREATE TABLE billing.subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES billing.customers (org_id) ON DELETE CASCADE,
    plan_id text NOT NULL REFERENCES billing.plans (id),
    status billing.subscription_status NOT NULL DEFAULT 'trialing',
    interval billing.interval NOT NULL DEFAULT 'month',
    seats integer NOT NULL DEFAULT 1 CHECK (seats > 0),
    current_period_start timestamptz NOT NULL,
    current_period_end timestamptz NOT NULL,
    cancel_at timestamptz,
    CHECK (current_period_end > current_period_start)
);
CREATE UNIQUE INDEX subscriptions_one_live ON billing.subscriptions (org_id) WHERE status IN ('trialing', 'active', 'past_due');

CREATE TABLE billing.coupons (
    code text PRIMARY KEY,
    percent_off smallint CHECK (percent_off BETWEEN 1 AND 100),
    amount_off_cents integer CHECK (amount_off_cents > 0),
    redeem_by date,
    CHECK ((percent_off IS NULL) <> (amount_off_cents IS NULL))
);

CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES billing.customers (org_id) ON DELETE RESTRICT,
    subscription_id bigint REFERENCES billing.subscriptions (id) ON DELETE SET NULL,
    number text NOT NULL UNIQUE,
    currency char(3) NOT NULL DEFAULT 'USD',
    subtotal_cents bigint NOT NULL DEFAULT 0,
    tax_cents bigint NOT NULL DEFAULT 0,
    total_cents bigint GENERATED ALWAYS AS (subtotal_cents + tax_cents) STORED,
    coupon_code text REFERENCES billing.coupons (code),
    issued_on date NOT NULL DEFAULT CURRENT_DATE,
    due_on date NOT NULL,
    paid_at timestamptz
);
CREATE INDEX invoices_unpaid ON billing.invoices (due_on) WHERE paid_at IS NULL;

CREATE TABLE billing.invoice_lines (
    invoice_id bigint NOT NULL REFERENCES billing.invoices (id) ON DELETE CASCADE,
    line smallint NOT NULL,
    description text NOT NULL,
    quantity integer NOT NULL DEFAULT 1,
    unit_cents bigint NOT NULL,
    PRIMARY KEY (invoice_id, line)
);

CREATE TABLE billing.payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES billing.invoices (id) ON DELETE RESTRICT,
    provider_ref text NOT NULL UNIQUE,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    succeeded boolean NOT NULL,
    failure_reason text,
    at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE billing.usage_records (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id bigint NOT NULL REFERENCES billing.subscriptions (id) ON DELETE CASCADE,
    metric text NOT NULL,
    quantity bigint NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_records_sub_metric ON billing.usage_records (subscription_id, metric, recorded_at);

CREATE TABLE billing.quotas (
    plan_id text NOT NULL REFERENCES billing.plans (id) ON DELETE CASCADE,
    metric text NOT NULL,
    monthly_limit bigint,
    PRIMARY KEY (plan_id, metric)
);

CREATE TABLE integrations.connections (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    provider integrations.provider NOT NULL,
    external_account text NOT NULL,
    config jsonb NOT NULL DEFAULT '{}'::jsonb,
    connected_by uuid REFERENCES profiles (id) ON DELETE SET NULL,
    connected_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, provider, external_account)
);

CREATE TABLE integrations.oauth_tokens (
    connection_id bigint PRIMARY KEY REFERENCES integrations.connections (id) ON DELETE CASCADE,
    access_token bytea NOT NULL,
    refresh_token bytea,
    expires_at timestamptz
);

CREATE TABLE integrations.repository_links (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_id bigint NOT NULL REFERENCES integrations.connections (id) ON DELETE CASCADE,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    repository text NOT NULL,
    default_branch text NOT NULL DEFAULT 'main',
    UNIQUE (project_id, repository)
);

CREATE TABLE integrations.commits (
    sha char(40) PRIMARY KEY,
    link_id bigint NOT NULL REFERENCES integrations.repository_links (id) ON DELETE CASCADE,
    message text NOT NULL,
    author_email text,
    committed_at timestamptz NOT NULL
);

CREATE TABLE integrations.task_commits (
    task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    sha char(40) NOT NULL REFERENCES integrations.commits (sha) ON DELETE CASCADE,
    PRIMARY KEY (task_id, sha)
);

CREATE TABLE integrations.slack_channels (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_id bigint NOT NULL REFERENCES integrations.connections (id) ON DELETE CASCADE,
    channel_id text NOT NULL,
    project_id bigint REFERENCES projects (id) ON DELETE CASCADE,
    events text[] NOT NULL DEFAULT ARRAY['task.created']::text[]
);

-- Row-level security, the Supabase way: members see their organisation's rows.
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing.invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing.invoices FORCE ROW LEVEL SECURITY;
CREATE POLICY tasks_member_read ON tasks FOR SELECT USING (
    EXISTS (SELECT 1 FROM projects p JOIN memberships m ON m.org_id = p.org_id WHERE p.id = tasks.project_id)
);
CREATE POLICY tasks_assignee_update ON tasks FOR UPDATE TO pg_write_all_data
    USING (assignee_id IS NOT NULL) WITH CHECK (status <> 'cancelled');
CREATE POLICY projects_member_read ON projects FOR SELECT USING (
    EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = projects.org_id)
);
CREATE POLICY projects_not_archived ON projects AS RESTRICTIVE USING (NOT archived);
CREATE POLICY invoices_billing_read ON billing.invoices FOR SELECT TO pg_read_all_data USING (paid_at IS NOT NULL);

CREATE EXTENSION pg_trgm;
CREATE INDEX tasks_title_trgm ON tasks USING gin (title gin_trgm_ops);

CREATE SEQUENCE invoice_number_seq START 1000;

-- Views (modelled; moved here from extras.sql).
CREATE VIEW open_tasks AS
    SELECT t.id, t.project_id, t.title, t.status, t.assignee_id
    FROM tasks t
    WHERE t.status NOT IN ('done', 'cancelled');

-- Functions and triggers (modelled since issue 12).
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER profiles_updated_at BEFORE UPDATE ON profiles FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER tasks_updated_at BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE page_views (
    id bigint NOT NULL,
    path text NOT NULL,
    viewed_at timestamptz NOT NULL,
    PRIMARY KEY (id, viewed_at)
) PARTITION BY RANGE (viewed_at);
CREATE TABLE page_views_2026_11 PARTITION OF page_views FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE page_views_2026_12 PARTITION OF page_views FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');


-- A domain and the table whose column uses it.
CREATE DOMAIN email_address AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE TABLE contact_requests (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email email_address NOT NULL, body text);
