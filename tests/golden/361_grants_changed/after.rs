//! Grants changed in every way: a privilege added to a role, one taken
//! away, a grant option removed and one added, a role gaining its first
//! grant, a role losing all of them; a function gains EXECUTE grants.
use shale::{Function, Table};

#[derive(Table)]
#[table(name = "accounts")]
#[grant(select, update, to = "app_ro")]
#[grant(select, to = "app_rw")]
#[grant(insert, to = "app_rw")]
#[grant(references, trigger, to = "app_admin", with_grant_option)]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Function)]
#[function(name = "one", returns = "integer", language = "sql", sql = "SELECT 1")]
#[grant(execute, to = "app_ro", with_grant_option)]
pub struct One;
