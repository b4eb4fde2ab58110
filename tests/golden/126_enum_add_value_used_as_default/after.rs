//! A value is added and becomes the column default in the same migration.
//! PostgreSQL refuses to use a value added in the same transaction, so
//! this cannot be ADD VALUE followed by SET DEFAULT in one transaction.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    Idea,
    Draft,
    Review,
    Published,
}

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'idea'")]
    pub status: Status,
}
