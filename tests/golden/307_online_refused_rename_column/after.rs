//! Online mode refuses a column rename, with the expand/contract recipe.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(renamed_from = "name")]
    pub full_name: String,
}
