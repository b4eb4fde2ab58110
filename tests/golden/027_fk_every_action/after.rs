//! Every referential action: restrict, set_null, set_default, no_action, cascade.

#[derive(Table)]
#[table(name = "people")]
pub struct Person {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "assignments")]
pub struct Assignment {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "people.id", on_delete = "restrict")]
    pub owner_id: i64,
    #[column(references = "people.id", on_delete = "set_null", on_update = "restrict")]
    pub reviewer_id: Option<i64>,
    #[column(default = "0", references = "people.id", on_delete = "set_default")]
    pub fallback_id: i64,
    #[column(references = "people.id", on_delete = "no_action", on_update = "no_action")]
    pub creator_id: i64,
    #[column(references = "people.id", on_update = "cascade")]
    pub editor_id: Option<i64>,
}
