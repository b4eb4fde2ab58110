//! A domain's default changes and goes, NOT NULL comes and goes, its comment changes: ALTER DOMAIN in place.
use shale::{Domain, Table};

#[derive(Domain)]
#[domain(default = "'unnamed'", not_null)]
pub struct Label(pub String);

/// After.
#[derive(Domain)]
pub struct Score(pub i32);

#[derive(Table)]
#[table(name = "items")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
    pub label: Option<Label>,
    pub score: Score,
}
