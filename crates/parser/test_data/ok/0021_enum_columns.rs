#[derive(PgEnum)]
#[pg_enum(name = "role")]
pub enum Role {
    Admin,
    Member,
    #[pg_enum(rename = "guest-user")]
    Guest,
}

#[derive(PgEnum)]
#[pg_enum(schema = "shop")]
pub enum Size {
    Small,
    Large,
}

#[derive(Table)]
pub struct Member {
    pub id: i64,
    #[column(default = "'member'")]
    pub role: Role,
    #[column(default = "'guest-user'::role")]
    pub fallback_role: crate::schema::Role,
    pub previous_role: Option<Role>,
    pub roles: Vec<Role>,
    pub size: Size,
    #[column(sql_type = "shop.size[]")]
    pub sizes: Vec<String>,
    #[column(sql_type = "role")]
    pub role_by_sql_type: String,
    #[column(default = "now()")]
    pub joined_at: chrono::DateTime<chrono::Utc>,
}
