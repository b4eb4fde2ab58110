use shale::{CompositeType, Table};

#[derive(CompositeType)]
pub struct Pair {
    pub a: Option<i32>,
    pub b: Option<i32>,
}

#[derive(CompositeType)]
pub struct Old {
    pub x: Option<String>,
}

#[derive(Table)]
#[table(name = "t")]
pub struct T {
    #[column(primary_key)]
    pub id: i64,
    pub p: Option<Pair>,
    pub o: Option<Old>,
}
