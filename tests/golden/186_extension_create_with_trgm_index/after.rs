//! Extensions are created before the types and operator classes they bring
//! are used: a citext column, a GIN index with `gin_trgm_ops`.

#[derive(Extension)]
pub struct PgTrgm;

#[derive(Extension)]
#[extension(name = "citext", version = "1.6")]
pub struct CaseInsensitive;

#[derive(Table)]
#[index(columns(name(ops = "gin_trgm_ops")), method = "gin", name = "people_name_trgm")]
pub struct People {
    #[column(primary_key)]
    pub id: i64,
    pub name: String,
    #[column(sql_type = "citext")]
    pub email: String,
}
