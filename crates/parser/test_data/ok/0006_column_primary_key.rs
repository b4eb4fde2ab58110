#[derive(Table)]
pub struct Org {
    #[column(primary_key)]
    pub id: uuid::Uuid,
    pub name: String,
}

#[derive(Table)]
pub struct Team {
    #[column(primary_key = true, unique = false)]
    pub slug: String,
}
