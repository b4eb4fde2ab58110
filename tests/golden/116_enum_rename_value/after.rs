//! A value is renamed via renamed_from on the variant.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    Draft,
    #[pg_enum(renamed_from = "review")]
    InReview,
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
