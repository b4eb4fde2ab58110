//! The key loses its identity and another column gains a default: two
//! independent column changes on one table.

#[derive(Table)]
#[table(name = "jobs")]
pub struct Job {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "1")]
    pub attempt: i32,
}
