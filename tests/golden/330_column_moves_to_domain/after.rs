//! A column retyped from its base type to a domain created in the same migration, another from a domain back to text, a column added with a domain type.
use shale::{Domain, Table};

#[derive(Domain)]
#[check(name = "slug_format", expr = "VALUE ~ '^[a-z0-9-]+$'")]
pub struct Slug(pub String);

#[derive(Domain)]
#[domain(name = "title", not_null)]
pub struct Title(pub String);

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    pub slug: Slug,
    pub old_slug: Option<String>,
    pub title: Option<Title>,
}
