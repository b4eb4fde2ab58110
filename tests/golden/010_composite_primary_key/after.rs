//! A join table with a composite primary key (default name).

#[derive(Table)]
#[table(name = "memberships")]
#[primary_key(columns(org_id, user_id))]
pub struct Membership {
    pub org_id: i64,
    pub user_id: i64,
    pub role: String,
}
