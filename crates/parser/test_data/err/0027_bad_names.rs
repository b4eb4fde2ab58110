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
#[check(name = "c")]
#[index(name = "i")]
#[index(columns(id), expr = "")]
#[index(columns(id), method = "")]
#[index(columns())]
#[check(expr = " ")]
pub struct Bits {
    pub id: i64,
}
