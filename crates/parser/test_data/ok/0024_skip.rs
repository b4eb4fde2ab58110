#[derive(Table)]
pub struct User {
    pub id: i64,
    #[column(skip)]
    pub cached: u8,
    #[column(skip, sql_type = "whatever")]
    pub computed: std::collections::HashMap<String, Vec<u8>>,
    pub name: String,
}
