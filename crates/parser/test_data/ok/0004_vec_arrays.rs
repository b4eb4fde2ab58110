#[derive(Table)]
pub struct Post {
    pub id: i64,
    pub tags: Vec<String>,
    pub avatar: Vec<u8>,
    pub thumbnails: Vec<Vec<u8>>,
    pub matrix: Vec<Vec<i32>>,
    pub maybe_scores: Option<Vec<f64>>,
    pub sparse: Vec<Option<i64>>,
}
