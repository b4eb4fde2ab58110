//! Plain btree indexes on one and several columns, named by PostgreSQL's rule.

#[derive(Table)]
#[table(name = "posts")]
#[index(columns(author_id))]
#[index(columns(author_id, created_at))]
pub struct Post {
    #[column(primary_key, identity)]
    pub id: i64,
    pub author_id: i64,
    pub created_at: DateTime<Utc>,
}
