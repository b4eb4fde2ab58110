//! A new enum and a new column using it (the type is created first).

#[derive(PgEnum)]
pub enum Plan {
    Free,
    Team,
    Enterprise,
}

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub name: Option<String>,
    #[column(default = "'free'")]
    pub plan: Plan,
}
