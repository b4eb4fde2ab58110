//! A column another table references is renamed: PostgreSQL keeps the
//! foreign key pointing at it, so only the column is renamed.

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, renamed_from = "code")]
    pub slug: String,
}

#[derive(Table)]
#[table(name = "projects")]
pub struct Project {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "orgs.slug")]
    pub org_code: String,
}
