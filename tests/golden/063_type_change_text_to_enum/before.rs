#[derive(Table)]
#[table(name = "tasks")]
pub struct Task {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'todo'")]
    pub status: String,
}
