//! A new sequence, a new column and an existing column's new default that
//! draw from it: the sequence is created first.

#[derive(Sequence)]
#[sequence(start = 500)]
pub struct OrderNumbers;

#[derive(Table)]
pub struct Orders {
    #[column(default = "nextval('order_numbers'::regclass)")]
    pub id: i64,
    #[column(default = "nextval('order_numbers')")]
    pub number: i64,
}

#[derive(Table)]
pub struct Returns {
    #[column(primary_key, default = "nextval('order_numbers')")]
    pub id: i64,
}
