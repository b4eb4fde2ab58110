#[derive(Extension)]
pub struct Hstore;

#[derive(Extension)]
pub struct Citext;

#[derive(Table)]
pub struct Notes {
    pub id: i64,
    #[column(sql_type = "hstore")]
    pub attrs: String,
}
