//! A multi-column foreign key onto a composite primary key, named, with actions.

#[derive(Table)]
#[table(name = "memberships")]
#[primary_key(columns(org_id, user_id))]
pub struct Membership {
    pub org_id: i64,
    pub user_id: i64,
}

#[derive(Table)]
#[table(name = "membership_grants")]
#[foreign_key(columns(org_id, user_id), references = "memberships(org_id, user_id)", on_delete = "cascade", name = "grants_membership_fk")]
#[foreign_key(columns(org_id, granted_by), references = "public.memberships(org_id, user_id)")]
pub struct MembershipGrant {
    #[column(primary_key, identity)]
    pub id: i64,
    pub org_id: i64,
    pub user_id: i64,
    pub granted_by: i64,
    pub permission: String,
}
