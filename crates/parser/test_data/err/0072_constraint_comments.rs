#[derive(Table)]
#[table(name = "a")]
#[unique(columns(x), comment = "")]
#[check(expr = "x > 0", comment = 3)]
#[index(columns(x), comment)]
#[foreign_key(columns(x), references = "a(x)", comments = "typo")]
pub struct A {
    #[column(primary_key)]
    pub x: i32,
}
