//! Grants created with their objects: on a table, a view, a sequence, a
//! function and a schema, to named roles and to PUBLIC, with and without
//! the grant option; `all` expands to every privilege of the object's kind.
use shale::{Function, Namespace, Sequence, Table, View};

/// The application's own schema.
#[derive(Namespace)]
#[namespace(name = "app")]
#[grant(usage, to = "app_ro")]
#[grant(usage, create, to = "app_admin", with_grant_option)]
pub struct AppSchema;

#[derive(Table)]
#[table(name = "accounts", schema = "app")]
#[grant(select, to = "app_ro")]
#[grant(select, insert, update, delete, to = "app_rw")]
#[grant(all, to = "app_admin", with_grant_option)]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
}

#[derive(View)]
#[view(name = "emails", schema = "app", sql = "SELECT id, email FROM app.accounts")]
#[grant(select, to(app_ro, app_rw))]
pub struct Emails {
    pub id: i64,
    pub email: String,
}

#[derive(Sequence)]
#[sequence(name = "tickets", schema = "app")]
#[grant(usage, select, to = "app_rw")]
pub struct Tickets;

#[derive(Function)]
#[function(name = "next_ticket", schema = "app", returns = "bigint", language = "sql",
           sql = "SELECT nextval('app.tickets')")]
#[grant(execute, to = "app_rw")]
pub struct NextTicket;

#[derive(Table)]
#[table(name = "notices")]
#[grant(select, to = "public")]
pub struct Notice {
    #[column(primary_key)]
    pub id: i32,
}
