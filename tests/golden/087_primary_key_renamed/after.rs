//! Only the primary key's name changes: the constraint is renamed in place
//! (a foreign key depends on it, and keeps doing so).

#[derive(Table)]
#[table(name = "tags")]
#[primary_key(columns(name), name = "tags_name_pk")]
pub struct Tag {
    pub name: String,
}

#[derive(Table)]
#[table(name = "taggings")]
pub struct Tagging {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "tags.name")]
    pub tag: String,
}
