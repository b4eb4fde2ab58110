//- schema/views.rs
#[derive(View)]
#[view(sqll = "SELECT 1")]
pub struct Typo { pub x: i32 }

#[derive(View)]
#[view(sql = "SELECT 1 AS x", sql_file = "x.sql")]
pub struct Both { pub x: i32 }

#[derive(View)]
#[view(sql_file = "views/missing.sql")]
pub struct Missing { pub x: i32 }

#[derive(View)]
#[view(materialized, with_check_option = "cascaded", sql = "SELECT 1 AS x")]
pub struct MatCheck { pub x: i32 }

#[derive(View)]
#[view(sql = "SELECT 1 AS x", with_check_option = "locale")]
#[index(columns(x))]
pub struct PlainIndex { pub x: i32 }

#[derive(View)]
#[view(materialized, sql = "SELECT 1 AS x")]
#[index(columns(y))]
#[unique(columns(x))]
pub struct BadIndex {
    #[column(default = "1")]
    pub x: i32,
}

#[derive(View)]
pub struct NoQuery { pub x: i32 }

#[derive(Table)]
pub struct Clash { pub id: i32 }

#[derive(View)]
#[view(sql = "SELECT 1 AS id")]
#[view(name = "clash")]
pub struct Clash2 { pub id: i32 }
