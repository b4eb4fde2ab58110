//! A text column becomes an enum (which is created first); its default must
//! be dropped and set again around the type change.

#[derive(PgEnum)]
pub enum TaskStatus {
    Todo,
    Done,
}

#[derive(Table)]
#[table(name = "tasks")]
pub struct Task {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'todo'")]
    pub status: TaskStatus,
}
