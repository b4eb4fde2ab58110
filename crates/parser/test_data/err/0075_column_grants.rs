#[derive(Table)]
#[table(name = "people")]
pub struct Person {
    #[column(primary_key)]
    pub id: i64,
    #[grant(delete, to = "app_ro")]
    pub email: String,
}

#[derive(View)]
#[view(sql = "SELECT id FROM people")]
pub struct PersonIds {
    #[grant(select, to = "app_ro")]
    pub id: i64,
}
