#[derive(Table)]
pub struct User {
    #[column(default = "now()
    pub created_at: i64,
}
