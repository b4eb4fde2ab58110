use shale::{Function, Table};

#[derive(Table)]
#[table(name = "accounts")]
#[grant(select, to = "app_ro")]
#[grant(select, insert, to = "app_rw", with_grant_option)]
#[grant(truncate, to = "app_admin")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Function)]
#[function(name = "one", returns = "integer", language = "sql", sql = "SELECT 1")]
pub struct One;
