use shale::{Domain, Table};

#[derive(Domain)]
#[domain(default = "'none'")]
pub struct Label(pub String);

/// Before.
#[derive(Domain)]
#[domain(not_null)]
pub struct Score(pub i32);

#[derive(Table)]
#[table(name = "items")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
    pub label: Option<Label>,
    pub score: Score,
}
