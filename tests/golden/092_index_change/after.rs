//! Indexes keep their names but change: ordering, uniqueness, predicate,
//! include list. Each is dropped and re-created.

#[derive(Table)]
#[table(name = "articles")]
#[index(columns(author_id), include(title))]
#[index(columns(slug), name = "articles_slug_uidx")]
#[index(columns(published_at(asc, nulls_first)), name = "articles_recent", where = "author_id > 0")]
pub struct Article {
    #[column(primary_key)]
    pub id: i64,
    pub author_id: i64,
    pub slug: String,
    pub title: String,
    pub published_at: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
}
