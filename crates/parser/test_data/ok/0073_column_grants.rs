// Column privileges: `#[grant(…)]` on a table's field.
#[derive(Table)]
#[table(name = "people")]
#[grant(select, to = "app_rw")]
pub struct Person {
    #[column(primary_key)]
    pub id: i64,
    #[grant(select, update, to = "app_ro")]
    #[grant(references, to = "app_admin", with_grant_option)]
    pub email: String,
    #[grant(all, to = "public")]
    pub nickname: Option<String>,
}
