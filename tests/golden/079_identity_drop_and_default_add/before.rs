#[derive(Table)]
#[table(name = "jobs")]
pub struct Job {
    #[column(primary_key, identity)]
    pub id: i64,
    pub attempt: i32,
}
