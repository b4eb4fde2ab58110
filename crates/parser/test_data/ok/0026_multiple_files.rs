//- schema/users.rs
#[derive(Table)]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub role: Role,
}
//- schema/posts.rs
#[derive(Table)]
pub struct Post {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "user.id", on_delete = "cascade")]
    pub author_id: i64,
}
//- schema/types/role.rs
#[derive(PgEnum)]
pub enum Role {
    Admin,
    Member,
}
