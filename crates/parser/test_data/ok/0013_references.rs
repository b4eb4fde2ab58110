#[derive(Table)]
#[table(schema = "auth")]
pub struct Org {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(schema = "auth")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "auth.org.id", on_delete = "cascade")]
    pub org_id: i64,
    /// Unqualified: the table's own namespace first.
    #[column(references = "org.id", on_delete = "set null", on_update = "restrict")]
    pub home_org_id: Option<i64>,
}

#[derive(Table)]
pub struct Post {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "auth.user.id", on_delete = "SET_DEFAULT", on_update = "no-action", default = "0")]
    pub author_id: i64,
    #[column(references = "post.id")]
    pub parent_id: Option<i64>,
    #[column(references = "public.tag.name", on_delete = "set_null")]
    pub tag: Option<String>,
}

#[derive(Table)]
pub struct Tag {
    pub id: i64,
    #[column(unique)]
    pub name: String,
}
