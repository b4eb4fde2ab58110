//! Column collations on create: `COLLATE` after the type, on text, varchar
//! and arrays; an index over a collated column keeps the column's collation.
use shale::Table;

#[derive(Table)]
#[table(name = "words")]
#[index(columns(word))]
pub struct Word {
    #[column(primary_key)]
    pub id: i64,
    #[column(collate = "C")]
    pub word: String,
    #[column(sql_type = "varchar(40)", collate = "POSIX")]
    pub tag: Option<String>,
    #[column(collate = "\"C\"")]
    pub aliases: Vec<String>,
    #[column(collate = "default")]
    pub plain: String,
}
