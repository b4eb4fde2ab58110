#[derive(Table)]
#[table(schema = "auth")]
#[index(columns(email), method = "gin", include(name))]
#[index(columns(email), unique, nulls_not_distinct)]
#[unique(columns(name), nulls_not_distinct)]
pub struct User {
    #[column(primary_key, identity = "always")]
    pub id: i64,
    pub email: String,
    pub name: String,
}

#[derive(PgEnum)]
#[pg_enum(schema = "auth")]
pub enum Role {
    Admin,
}
