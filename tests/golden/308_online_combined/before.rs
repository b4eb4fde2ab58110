#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "members")]
#[index(columns(email), name = "members_email_old")]
pub struct Member {
    #[column(primary_key, identity)]
    pub id: i64,
    pub org_id: Option<i64>,
    pub email: String,
    #[column(sql_type = "varchar(50)")]
    pub nickname: Option<String>,
}
