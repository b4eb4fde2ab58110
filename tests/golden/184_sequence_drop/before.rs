#[derive(Table)]
pub struct Carts {
    pub id: i64,
    #[column(default = "nextval('cart_numbers')")]
    pub number: i64,
}

#[derive(Sequence)]
pub struct CartNumbers;

#[derive(Table)]
pub struct Scratch {
    pub id: i64,
}

/// Goes with its table.
#[derive(Sequence)]
#[sequence(owned_by = "scratch.id")]
pub struct ScratchIds;

#[derive(Sequence)]
pub struct Unused;
