#[derive(Table)]
#[table(name = "logins")]
pub struct Login {
    #[column(primary_key)]
    pub id: i64,
    pub at: NaiveDateTime,
    pub day: NaiveDateTime,
}
