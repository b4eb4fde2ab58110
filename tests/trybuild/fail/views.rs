// trybuild case for the parser corpus 0040_views.rs: every per-item view
// mistake (the missing `sql_file` and the name shared with a table need the
// schema directory and the other items, so `shale generate` reports them).
#[derive(View)]
#[view(sqll = "SELECT 1")]
pub struct Typo { pub x: i32 }

#[derive(View)]
#[view(sql = "SELECT 1 AS x", sql_file = "x.sql")]
pub struct Both { pub x: i32 }

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

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::View;

fn main() {}
