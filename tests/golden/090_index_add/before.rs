#[derive(Table)]
#[table(name = "articles")]
#[index(columns(author_id))]
#[index(columns(slug), unique, name = "articles_slug_uidx")]
#[index(columns(published_at(desc)), name = "articles_recent")]
pub struct Article {
    #[column(primary_key)]
    pub id: i64,
    pub author_id: i64,
    pub slug: String,
    pub title: String,
    pub published_at: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
}
