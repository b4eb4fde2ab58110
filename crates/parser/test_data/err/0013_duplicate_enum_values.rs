#[derive(PgEnum)]
pub enum Status {
    Active,
    #[pg_enum(rename = "active")]
    Enabled,
    InReview,
    #[pg_enum(rename = "in_review")]
    Reviewing,
}

#[derive(PgEnum)]
pub enum Status2 {
    A,
}

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status3 {
    B,
}
