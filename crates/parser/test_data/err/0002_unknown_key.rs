#[derive(Table)]
#[table(nmae = "users")]
#[index(column(email), uniqe)]
pub struct User {
    pub id: i64,
    #[column(refrences = "orgs.id")]
    pub org_id: i64,
    #[column(primary, sql_typ = "text")]
    pub email: String,
    #[column(frobnicate)]
    pub other: String,
}
