//! Online mode refuses a type change that rewrites the table, with the
//! expand/contract recipe for that column.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub age: i64,
}
