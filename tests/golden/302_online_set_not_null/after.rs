//! Online mode: SET NOT NULL through a CHECK (col IS NOT NULL) NOT VALID,
//! validated, then SET NOT NULL (which skips its scan) and the helper dropped.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
}
