use shale::Table;

#[derive(Table)]
#[table(name = "people")]
#[grant(select, to = "app_rw")]
pub struct Person {
    #[column(primary_key)]
    pub id: i64,
    #[grant(select, to = "app_ro")]
    pub name: String,
    #[grant(select, update, to = "app_ro")]
    #[grant(select, to = "app_rw")]
    pub email: String,
    #[grant(update, to = "app_admin")]
    pub salary: i64,
}
