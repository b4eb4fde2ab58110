#[derive(Table)]
pub struct Broken {
    pub id: i64
    pub name: String,
}

#[derive(Table)]
pub struct Fine {
    pub id: i64,
    pub kind: Strin,
}

pub fn also broken() {}

#[derive(Table)]
pub struct AfterTheBreak {
    pub id: u32,
}
