//! Columns used by indexes are dropped; so are those indexes, before the
//! columns (PostgreSQL would drop them implicitly, shale says so).

#[derive(Table)]
#[table(name = "articles")]
#[index(columns(author_id))]
pub struct Article {
    #[column(primary_key)]
    pub id: i64,
    pub author_id: i64,
    pub title: String,
    pub tags: Vec<String>,
}
