//! New indexes: a gin on an array, an expression and a partial one.

#[derive(Table)]
#[table(name = "articles")]
#[index(columns(author_id))]
#[index(columns(slug), unique, name = "articles_slug_uidx")]
#[index(columns(published_at(desc)), name = "articles_recent")]
#[index(columns(tags), method = "gin")]
#[index(expr = "lower(title)", columns(title), name = "articles_title_lower")]
#[index(columns(author_id, published_at), where = "published_at IS NOT NULL", name = "articles_published_by_author")]
pub struct Article {
    #[column(primary_key)]
    pub id: i64,
    pub author_id: i64,
    pub slug: String,
    pub title: String,
    pub published_at: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
}
