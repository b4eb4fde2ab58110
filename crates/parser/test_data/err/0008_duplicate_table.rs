//- schema/a.rs
#[derive(Table)]
pub struct User {
    pub id: i64,
}
//- schema/b.rs
#[derive(Table)]
#[table(name = "user")]
pub struct Person {
    pub id: i64,
}

#[derive(Table)]
#[table(name = "role")]
pub struct RoleTable {
    pub id: i64,
}

#[derive(PgEnum)]
pub enum Role {
    Admin,
}
