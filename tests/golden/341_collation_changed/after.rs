//! Column collations changed in place: set (under a view, which is dropped
//! and created again around it, and over an index, which PostgreSQL
//! rebuilds), changed, reset to the type's default, and kept through a type
//! change (the new type is named with its collation).
use shale::{Table, View};

#[derive(Table)]
#[table(name = "words")]
#[index(columns(word))]
pub struct Word {
    #[column(primary_key)]
    pub id: i64,
    #[column(collate = "C")]
    pub word: String,
    #[column(collate = "POSIX")]
    pub tag: String,
    pub note: String,
    #[column(sql_type = "varchar(20)", collate = "C")]
    pub code: String,
}

#[derive(View)]
#[view(name = "word_list", sql = "SELECT id, word FROM words")]
pub struct WordList {
    pub id: i64,
    pub word: String,
}
