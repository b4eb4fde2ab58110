#[derive(Table)]
pub struct User {
    pub id: i64,
    pub name: Strin,
    pub nick: Option<Sting>,
    pub counter: u32,
    pub weird: &'static str,
    pub pair: (i32, i32),
    pub tags: Vec<Strng>,
    pub nothing: Option,
    pub money: Money,
}
