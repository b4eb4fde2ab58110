mod a {
    #[derive(PgEnum)]
    #[pg_enum(schema = "a")]
    pub enum Kind {
        X,
    }
}

mod b {
    #[derive(PgEnum)]
    #[pg_enum(schema = "b")]
    pub enum Kind {
        Y,
    }
}

#[derive(Table)]
pub struct Thing {
    pub id: i64,
    pub kind: Kind,
    #[column(sql_type = "b.kind")]
    pub settled: Kind,
}
