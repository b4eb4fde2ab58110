use shale::Table;

#[derive(Table)]
#[table(name = "people")]
#[grant(select, to = "app_ro")]
pub struct Person {
    #[column(primary_key)]
    pub id: i64,
}
