//! A column used by an index is renamed: the index follows (PostgreSQL
//! keeps it), nothing is re-created.

#[derive(Table)]
#[table(name = "articles")]
#[index(columns(writer_id), name = "articles_author_id_idx")]
#[index(columns(slug), unique, name = "articles_slug_uidx")]
#[index(columns(published_at(desc)), name = "articles_recent")]
pub struct Article {
    #[column(primary_key)]
    pub id: i64,
    #[column(renamed_from = "author_id")]
    pub writer_id: i64,
    pub slug: String,
    pub title: String,
    pub published_at: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
}
