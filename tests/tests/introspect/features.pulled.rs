use shale::{Domain, Extension, Function, PgEnum, Sequence, Table, View};

#[derive(Extension)]
#[extension(version = "1.6")]
pub struct Citext;

#[derive(Extension)]
#[extension(version = "1.6")]
pub struct PgTrgm;

#[derive(PgEnum)]
#[pg_enum(schema = "auth")]
pub enum Status {
    Active,
    Pending,
    Disabled,
}

/// What a user may do
#[derive(PgEnum)]
pub enum Role {
    Admin,
    Member,
    #[pg_enum(rename = "guest-user")]
    GuestUser,
}

#[derive(Domain)]
#[check(name = "positive_int_check", expr = "VALUE > 0")]
pub struct PositiveInt(pub i32);

/// Invoice numbers
#[derive(Sequence)]
#[sequence(
    schema = "auth",
    data_type = "integer",
    start = 100,
    increment = 2,
    min = 10,
    max = 99999,
    cache = 5,
    cycle,
    owned_by = "invoices.number"
)]
pub struct InvoiceNumbers;

#[derive(Sequence)]
#[sequence(schema = "auth", data_type = "integer", owned_by = "invoices.legacy")]
pub struct LegacyNumbers;

#[derive(Sequence)]
#[sequence(increment = -1)]
pub struct Countdown;

#[derive(Function)]
#[function(
    schema = "auth",
    procedure,
    args = "who bigint",
    language = "plpgsql",
    sql = "BEGIN DELETE FROM users WHERE id = who; END"
)]
pub struct Forget;

/// Defaults the age
#[derive(Function)]
#[function(
    schema = "auth",
    returns = "trigger",
    language = "plpgsql",
    security_definer,
    search_path = "pg_catalog, pg_temp",
    sql = r#"
BEGIN
    NEW.age := coalesce(NEW.age, 0);
    RETURN NEW;
END
"#
)]
pub struct Touch;

#[derive(Function)]
#[function(
    args = "min_age integer DEFAULT 18, OUT n bigint",
    returns = "bigint",
    language = "sql",
    volatility = "stable",
    strict,
    sql = "SELECT count(*) FROM users WHERE age > min_age"
)]
pub struct AdultsOver;

#[derive(Function)]
#[function(
    returns = "TABLE(id integer, \"Handle\" text)",
    language = "sql",
    parallel = "safe",
    sql = "SELECT id, handle FROM users"
)]
pub struct Handles;

#[derive(Table)]
#[table(schema = "auth")]
pub struct Invoices {
    #[column(primary_key, identity, identity_start = 1000, identity_increment = 10)]
    pub id: i64,
    #[column(default = "nextval('auth.invoice_numbers'::regclass)")]
    pub number: i32,
    #[column(default = "nextval('auth.legacy_numbers'::regclass)")]
    pub legacy: i32,
}

/// Organisations
#[derive(Table)]
#[table(schema = "auth")]
#[foreign_key(
    columns(owner_id),
    references = "public.users(id)",
    on_delete = "set_null",
    on_update = "restrict",
    name = "orgs_owner_fk",
    deferrable = "initially_deferred"
)]
pub struct Orgs {
    #[column(primary_key, identity = "always")]
    pub id: i64,
    #[column(sql_type = "varchar(200)")]
    pub name: String,
    /// URL name, case-insensitive
    #[column(sql_type = "citext", unique)]
    pub slug: String,
    pub owner_id: Option<i64>,
}

#[derive(Table)]
pub struct Counters {
    #[column(sql_type = "smallserial")]
    pub small: i16,
    #[column(sql_type = "bigserial", unique)]
    pub big: i64,
    #[column(identity)]
    pub byd: i32,
    #[column(default = "nextval('users_id_seq'::regclass)")]
    pub shared: i32,
}

#[derive(Table)]
#[primary_key(columns(user_id, org_id))]
#[foreign_key(
    columns(org_id),
    references = "auth.orgs(id)",
    on_delete = "restrict",
    name = "memberships_org"
)]
#[foreign_key(
    columns(user_id),
    references = "public.users(id)",
    on_update = "cascade",
    deferrable = "initially_immediate"
)]
#[index(columns(since))]
pub struct Memberships {
    pub user_id: i32,
    pub org_id: i64,
    #[column(default = "CURRENT_DATE")]
    pub since: chrono::NaiveDate,
    #[column(sql_type = "varchar")]
    pub note: Option<String>,
}

#[derive(Table)]
#[primary_key(columns(id), deferrable = "initially_immediate")]
#[unique(columns(row_no, position), deferrable = "initially_deferred")]
#[check(name = "seats_position_check", expr = "\"position\" > 0", no_inherit)]
pub struct Seats {
    pub id: i32,
    pub row_no: i32,
    pub position: i32,
}

/// People who can sign in
#[derive(Table)]
#[unique(columns(org_id, handle), name = "users_handle_org_key", nulls_not_distinct)]
#[check(
    name = "users_email_shape",
    expr = "email::text ~~ '%@%'::text AND length(email::text) < 320"
)]
#[index(
    columns(code),
    name = "users_code_nnd",
    unique,
    nulls_not_distinct,
    where = "active"
)]
#[index(columns(org_id), name = "users_email_incl", include(email, handle))]
#[index(expr = "lower(email::text)", name = "users_email_lower", unique)]
#[index(
    columns(expr(sql = "email::text", ops = "gin_trgm_ops")),
    name = "users_email_trgm",
    method = "gin"
)]
#[index(
    columns(handle(nulls_first, ops = "text_pattern_ops")),
    name = "users_handle_pattern"
)]
#[index(
    columns(handle(ops = "gist_trgm_ops")),
    name = "users_handle_trgm",
    method = "gist"
)]
#[index(columns(email), name = "users_hash", method = "hash")]
#[index(
    columns(expr(sql = "lower(email::text)", desc, nulls_last)),
    name = "users_lower_desc"
)]
#[index(
    columns(org_id(desc, nulls_last), expr(sql = "age + 1"), role(nulls_first)),
    name = "users_mixed"
)]
#[index(
    columns(org_id),
    name = "users_org_brin",
    method = "brin",
    where = "updated_at IS NULL"
)]
#[index(columns(org_id, created_at(desc)), name = "users_org_created_idx")]
#[index(
    columns(settings(ops = "jsonb_path_ops")),
    name = "users_settings_gin",
    method = "gin"
)]
#[index(columns(tags), name = "users_tags_gin", method = "gin")]
#[trigger(
    name = "users_age",
    timing = "after",
    events(update),
    for_each = "row",
    when = "old.age IS DISTINCT FROM new.age",
    function = "auth.touch",
    args = "age, it's",
    comment = "Age changes"
)]
#[trigger(
    name = "users_touch",
    timing = "before",
    events(insert, update),
    update_of(age),
    for_each = "row",
    function = "auth.touch"
)]
pub struct Users {
    #[column(sql_type = "serial", primary_key)]
    pub id: i32,
    #[column(references = "auth.orgs.id", on_delete = "cascade")]
    pub org_id: i64,
    /// Where we write to
    #[column(sql_type = "varchar(320)")]
    pub email: String,
    pub handle: Option<String>,
    #[column(check = "age > 0")]
    pub age: Option<i32>,
    #[column(default = "'member'::role")]
    pub role: Role,
    #[column(default = "'active'::auth.status")]
    pub status: Option<Status>,
    #[column(default = "'{}'::text[]")]
    pub tags: Vec<String>,
    pub matrix: Option<Vec<Vec<i32>>>,
    #[column(sql_type = "numeric(12,2)", default = "0")]
    pub balance: rust_decimal::Decimal,
    #[column(sql_type = "numeric(5,0)")]
    pub ratio: Option<rust_decimal::Decimal>,
    #[column(sql_type = "timestamptz(3)", default = "now()")]
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[column(default = "CURRENT_TIMESTAMP")]
    pub updated_at: Option<chrono::NaiveDateTime>,
    #[column(default = "'{}'::jsonb")]
    pub settings: serde_json::Value,
    pub score: Option<PositiveInt>,
    #[column(generated = "(lower(handle) || '@'::text) || email::text")]
    pub full_name: Option<String>,
    #[column(sql_type = "char(4)")]
    pub code: Option<String>,
    #[column(default = "true")]
    pub active: Option<bool>,
}

/// Handles of active users
#[derive(View)]
#[view(name = "Active Handles", schema = "auth", security_invoker, security_barrier)]
#[view(
    sql = r#"SELECT u.id,
    u.handle AS "Handle",
    'it''s'::text AS note,
    u.tags
   FROM active_users a
     JOIN users u USING (id)"#
)]
pub struct ActiveHandles {
    pub id: Option<i32>,
    /// As shown
    #[column(name = "Handle")]
    pub handle: Option<String>,
    pub note: Option<String>,
    pub tags: Option<Vec<String>>,
}

#[derive(View)]
#[view(schema = "auth", with_check_option = "local")]
#[view(sql = r#"SELECT users.id,
    users.age
   FROM users
  WHERE users.age >= 18"#)]
pub struct Adults {
    pub id: Option<i32>,
    pub age: Option<i32>,
}

#[derive(View)]
#[view(sql = r#"SELECT users.id
   FROM users
  WHERE users.active"#)]
pub struct ActiveUsers {
    pub id: Option<i32>,
}

/// Users per role
#[derive(View)]
#[view(materialized)]
#[view(
    sql = r#"SELECT users.role,
    count(*) AS users
   FROM users
  GROUP BY users.role"#
)]
#[index(columns(role), unique)]
pub struct UserRoles {
    pub role: Option<Role>,
    pub users: Option<i64>,
}
