#[derive(Table)]
#[table(name = "comments")]
pub struct Comment {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "comments.id", on_delete = "cascade")]
    pub parent_id: Option<i64>,
}
