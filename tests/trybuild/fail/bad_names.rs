// trybuild case for the parser corpus 0027_bad_names.rs (the lowering rules; the attribute mistakes are in missing_keys.rs).
#[derive(Table)]
#[table(name = "")]
pub struct Empty {
    #[column(name = "")]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "this_table_name_is_definitely_much_longer_than_sixty_three_bytes_long")]
pub struct Long {
    pub id: i64,
}

#[derive(Table)]
#[table(renamed_from = "same")]
pub struct Same {
    #[column(renamed_from = "id")]
    pub id: i64,
    #[column(sql_type = "")]
    pub x: i64,
}

#[derive(Table)]
#[index(columns(id), expr = "")]
#[index(columns(id), method = "")]
#[check(expr = " ")]
pub struct Bits {
    pub id: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
