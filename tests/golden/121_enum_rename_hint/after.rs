//! The enum type is renamed, settled by a --rename enum: hint.

#[derive(PgEnum)]
#[pg_enum(name = "state")]
pub enum State {
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
    pub status: State,
}
