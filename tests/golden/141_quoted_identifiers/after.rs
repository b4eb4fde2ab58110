//! Names that need quoting: reserved words and mixed case.

#[derive(Table)]
#[table(name = "order")]
#[index(columns(user, select))]
pub struct OrderRow {
    #[column(primary_key)]
    pub id: i64,
    pub user: String,
    pub select: i32,
    #[column(name = "CamelCase")]
    pub camel: Option<String>,
}
