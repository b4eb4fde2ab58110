//! A renamed table keeps its privileges (PostgreSQL keeps the access list
//! with the table): only the new grant is written, under the next name.
use shale::Table;

#[derive(Table)]
#[table(name = "users", renamed_from = "people")]
#[grant(select, to = "app_ro")]
#[grant(insert, to = "app_rw")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
}
