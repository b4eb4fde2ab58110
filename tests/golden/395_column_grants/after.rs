//! Column privileges (`#[grant(…)]` on a field: `GRANT SELECT ("col") ON
//! TABLE …`): granted on a new table's and an added column, one revoked,
//! one widened, a renamed column keeping its privileges; and a privilege
//! revoked on the table, which PostgreSQL also revokes on every column, is
//! granted again on the column that keeps it.
use shale::Table;

#[derive(Table)]
#[table(name = "people")]
pub struct Person {
    #[column(primary_key)]
    pub id: i64,
    #[grant(select, update, to = "app_ro")]
    pub full_name: String,
    #[grant(select, to = "app_ro")]
    #[grant(select, to = "app_rw")]
    pub email: String,
    pub salary: i64,
    #[grant(select, insert, references, to = "app_rw", with_grant_option)]
    pub team: Option<String>,
}

#[derive(Table)]
#[table(name = "badges")]
pub struct Badge {
    #[column(primary_key)]
    #[grant(select, to = "public")]
    pub id: i64,
    pub secret: String,
}
