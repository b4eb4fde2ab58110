//! A value is removed from an enum that a generated column compares with.
//! PostgreSQL refuses to change the type of a column a generated column
//! uses, so the generated column must go before the type swap and come back
//! after it.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    Draft,
    Published,
}

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    pub status: Status,
    #[column(generated = "status = 'published'")]
    pub is_public: bool,
}
