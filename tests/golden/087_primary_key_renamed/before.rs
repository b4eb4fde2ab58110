#[derive(Table)]
#[table(name = "tags")]
pub struct Tag {
    #[column(primary_key)]
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
