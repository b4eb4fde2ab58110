#[derive(Table)]
#[indx(columns(id))]
#[serde(rename_all = "camelCase")]
pub struct User {
    #[colum(primary_key)]
    pub id: i64,
    #[columns(unique)]
    pub email: String,
}

#[derive(PgEnum)]
#[pgenum(name = "role")]
pub enum Role {
    #[pg_enums(rename = "x")]
    Admin,
}
