//! A value in the middle and one at the end: BEFORE/AFTER positions.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    Draft,
    Review,
    Approved,
    Published,
    Archived,
}

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'draft'")]
    pub status: Status,
}
