//! Column-level unique constraints get PostgreSQL's default names.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(unique)]
    pub email: String,
    #[column(unique)]
    pub handle: Option<String>,
}
