//! The enum type is renamed via renamed_from.

#[derive(PgEnum)]
#[pg_enum(name = "page_status", renamed_from = "status")]
pub enum PageStatus {
    Draft,
    Review,
    Published,
}

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'draft'")]
    pub status: PageStatus,
}
