//! A column other tables reference is dropped: the foreign key goes first,
//! the referencing column stays.

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "projects")]
pub struct Project {
    #[column(primary_key, identity)]
    pub id: i64,
    pub org_code: String,
}
