#[derive(Table)]
#[table(schema = "auth")]
pub struct Orgs {
    #[column(primary_key, identity)]
    pub id: i64,
    pub name: String,
}

/// People who can sign in.
#[derive(Table)]
#[table(name = "users", schema = "auth")]
#[index(columns(org_id, created_at))]
#[index(columns(email), unique, name = "users_email_lower", expr = "lower(email)")]
#[unique(columns(org_id, handle), nulls_not_distinct)]
#[check(name = "users_age_positive", expr = "age > 0")]
#[index(columns(org_id), method = "brin", where = "deleted_at IS NULL", include(email))]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(sql_type = "varchar(320)")]
    pub email: String,
    pub age: Option<i32>,
    #[column(references = "auth.orgs.id", on_delete = "cascade")]
    pub org_id: i64,
    #[column(renamed_from = "nickname")]
    pub handle: String,
    #[column(default = "now()")]
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub deleted_at: Option<chrono::DateTime<chrono::Utc>>,
    pub role: Role,
    pub tags: Vec<String>,
    #[column(skip)]
    pub cached: u8,
}

#[derive(PgEnum)]
#[pg_enum(name = "role")]
pub enum Role { Admin, Member, #[pg_enum(rename = "guest-user")] Guest }
