use shale::{Table, View};

#[derive(Table)]
#[table(name = "words")]
#[index(columns(word))]
pub struct Word {
    #[column(primary_key)]
    pub id: i64,
    pub word: String,
    #[column(collate = "C")]
    pub tag: String,
    #[column(collate = "C")]
    pub note: String,
    #[column(sql_type = "varchar(10)", collate = "C")]
    pub code: String,
}

#[derive(View)]
#[view(name = "word_list", sql = "SELECT id, word FROM words")]
pub struct WordList {
    pub id: i64,
    pub word: String,
}
