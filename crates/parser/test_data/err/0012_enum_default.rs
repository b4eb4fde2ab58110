#[derive(PgEnum)]
pub enum Role {
    Admin,
    Member,
}

#[derive(Table)]
pub struct User {
    pub id: i64,
    #[column(default = "'membr'")]
    pub role: Role,
    #[column(default = "'owner'::role")]
    pub other_role: Option<Role>,
    #[column(default = "'Admin'")]
    pub third_role: Role,
}
