#[derive(Table)]
#[index(columns(id(desc, asc)))]
#[index(columns(id(descending)))]
#[index(columns(id = 1))]
#[index(columns(id(desc)), expr = "lower(name)")]
#[index(columns(id), nulls_not_distinct)]
pub struct User {
    pub id: i64,
    pub name: String,
}
