use shale::{Domain, Table};

#[derive(Domain)]
#[domain(sql_type = "varchar(5)", default = "'-'")]
#[check(name = "zip_not_blank", expr = "VALUE <> ''")]
pub struct Zip(pub String);

#[derive(Domain)]
pub struct Counter(pub i32);

#[derive(Table)]
#[table(name = "places")]
pub struct Place {
    #[column(primary_key)]
    pub id: i64,
    pub zip: Zip,
    #[column(default = "'00000'")]
    pub other_zip: Option<Zip>,
    pub visits: Counter,
    pub history: Vec<Counter>,
}
