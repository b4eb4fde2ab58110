//! A self-referencing table is renamed: its foreign key now points at the
//! new name and its default name changes.

#[derive(Table)]
#[table(name = "replies", renamed_from = "comments")]
pub struct Reply {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "replies.id", on_delete = "cascade")]
    pub parent_id: Option<i64>,
}
