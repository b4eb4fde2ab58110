//! One value goes (confirmed drop) and another comes: type swap.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    Draft,
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
