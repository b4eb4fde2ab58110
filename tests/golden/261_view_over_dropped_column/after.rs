//! A column that a view reads is dropped together with the view's column:
//! the view is dropped before the column and created after.
use shale::{Table, View};

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
}

#[derive(View)]
#[view(sql = "SELECT id FROM users")]
pub struct States {
    pub id: i64,
}
