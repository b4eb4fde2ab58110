use shale::{Domain, Table};

#[derive(Domain)]
#[check(name = "slug_format", expr = "VALUE ~ '^[a-z0-9-]+$'")]
pub struct Slug(pub String);

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    pub slug: String,
    pub old_slug: Option<Slug>,
}
