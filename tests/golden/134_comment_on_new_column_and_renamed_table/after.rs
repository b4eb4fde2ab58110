//! A commented table is renamed and its comment changes; a new column
//! arrives with its comment.

/// Short texts pinned to a board.
#[derive(Table)]
#[table(name = "memos", renamed_from = "notes")]
pub struct Memo {
    #[column(primary_key)]
    pub id: i64,
    /// Markdown.
    pub body: Option<String>,
}
