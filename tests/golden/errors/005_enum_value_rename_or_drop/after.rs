//! The value review disappears and pending appears in its place.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    Draft,
    Pending,
    Published,
}

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'draft'")]
    pub status: Status,
}
