#[derive(Table)]
pub struct Profile {
    pub id: i64,
    pub bio: Option<String>,
    pub age: std::option::Option<i32>,
    pub nested: Option<Option<bool>>,
    pub seen_at: Option<chrono::DateTime<chrono::Utc>>,
}
