//! Domains over arrays and enums, arrays of domains, a domain default naming an enum value, a column default on a domain column.
use shale::{Domain, PgEnum, Table};

#[derive(PgEnum)]
pub enum Mood {
    Happy,
    Sad,
}

#[derive(Domain)]
#[domain(default = "'happy'")]
pub struct DefaultMood(pub Mood);

#[derive(Domain)]
#[check(name = "tags_short", expr = "cardinality(VALUE) < 10")]
pub struct Tags(pub Vec<String>);

#[derive(Domain)]
#[check(name = "percent_range", expr = "VALUE BETWEEN 0 AND 100")]
pub struct Percent(pub i16);

#[derive(Table)]
#[table(name = "posts")]
pub struct Post {
    #[column(primary_key)]
    pub id: i64,
    pub mood: DefaultMood,
    pub tags: Option<Tags>,
    #[column(default = "50")]
    pub progress: Percent,
    pub history: Vec<Percent>,
}
