//! Index key ordering: DESC, ASC NULLS FIRST, DESC NULLS LAST.

#[derive(Table)]
#[table(name = "feed_items")]
#[index(columns(created_at(desc)))]
#[index(columns(channel_id, score(desc, nulls_last), published_at(asc, nulls_first)), name = "feed_items_ranking")]
pub struct FeedItem {
    #[column(primary_key, identity)]
    pub id: i64,
    pub channel_id: i64,
    pub score: Option<f64>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}
