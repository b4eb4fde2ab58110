//! The value used as the column default is renamed: PostgreSQL's stored
//! default follows the value, so only the rename is needed.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    #[pg_enum(renamed_from = "draft")]
    Proposal,
    Review,
    Published,
}

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'proposal'")]
    pub status: Status,
}
