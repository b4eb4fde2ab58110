//! Enum values are the snake_case variant names, unless renamed.

#[derive(PgEnum)]
#[pg_enum(name = "user_role")]
pub enum Role {
    Owner,
    Admin,
    BillingManager,
    #[pg_enum(rename = "guest-user")]
    Guest,
}

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub role: Role,
}
