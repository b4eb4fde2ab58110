//! One value renamed (renamed_from), one removed (confirmed by a hint) and
//! one added, in one migration.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    #[pg_enum(renamed_from = "draft")]
    Proposal,
    Published,
    Archived,
}

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'proposal'")]
    pub status: Status,
}

#[derive(Table)]
#[table(name = "posts")]
pub struct Post {
    #[column(primary_key)]
    pub id: i64,
    pub status: Status,
}
