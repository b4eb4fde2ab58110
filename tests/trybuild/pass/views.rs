//! View structs compile, and their metadata is usable at run time like a
//! table's.

use shale::{Table, View};

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
}

/// Users who can sign in.
#[derive(View)]
#[view(name = "active_users", schema = "app", sql = "SELECT id, email FROM users")]
#[view(with_check_option = "local", security_invoker, security_barrier)]
pub struct ActiveUser {
    pub id: i64,
    #[column(name = "mail", sql_type = "text")]
    pub email: Option<String>,
    #[column(skip)]
    pub cached: u8,
}

#[derive(View)]
#[view(materialized, sql_file = "views/totals.sql", renamed_from = "old_totals")]
#[index(columns(id), unique)]
#[index(expr = "lower(email)", name = "totals_email")]
pub struct Totals {
    pub id: i64,
    pub email: String,
}

fn main() {
    assert_eq!(<ActiveUser as View>::QUALIFIED_NAME, "\"app\".\"active_users\"");
    assert_eq!(ActiveUser::COLUMNS, ["id", "mail"]);
    assert_eq!(active_user_columns::EMAIL, "mail");
    assert!(!ActiveUser::MATERIALIZED);
    assert!(Totals::MATERIALIZED);
    assert_eq!(Totals::NAME, "totals");
    assert_eq!(User::NAME, "users");
}
