#[derive(Table)]
#[table(name = "people", renamed_from = "users")]
pub struct Person {
    pub id: i64,
    #[column(renamed_from = "nickname")]
    pub handle: String,
    #[column(name = "mail", renamed_from = "email")]
    pub email_address: String,
}

#[derive(Table)]
#[table(schema = "auth", renamed_from = "public.sessions")]
pub struct Session {
    pub id: i64,
}

#[derive(Table)]
#[table(schema = "auth", renamed_from = "old_tokens")]
pub struct Token {
    pub id: i64,
}

#[derive(PgEnum)]
#[pg_enum(renamed_from = "user_role")]
pub enum Role {
    Admin,
    #[pg_enum(renamed_from = "user")]
    Member,
    #[pg_enum(rename = "guest-user", renamed_from = "guest")]
    Guest,
}

#[derive(PgEnum)]
#[pg_enum(schema = "shop", renamed_from = "public.size")]
pub enum Size {
    Small,
}
