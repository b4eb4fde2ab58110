//! The value used by the column default is removed and the default changes.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    Review,
    Published,
}

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'review'")]
    pub status: Status,
}
