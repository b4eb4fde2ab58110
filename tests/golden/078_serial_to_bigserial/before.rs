#[derive(Table)]
#[table(name = "tickets")]
pub struct Ticket {
    #[column(primary_key, sql_type = "serial")]
    pub id: i32,
    #[column(identity)]
    pub number: i32,
}
