//! An enum column with a default value of that enum.

#[derive(PgEnum)]
pub enum TaskStatus {
    Todo,
    InProgress,
    Done,
}

#[derive(Table)]
#[table(name = "tasks")]
pub struct Task {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(default = "'todo'")]
    pub status: TaskStatus,
    pub previous_status: Option<TaskStatus>,
}
