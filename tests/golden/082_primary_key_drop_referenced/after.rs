//! The natural primary key of tags, which a foreign key depends on, is
//! replaced by a surrogate one; the name stays unique. The foreign key must be
//! dropped before the old key and re-created once the new unique exists.

#[derive(Table)]
#[table(name = "tags")]
pub struct Tag {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(unique)]
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
