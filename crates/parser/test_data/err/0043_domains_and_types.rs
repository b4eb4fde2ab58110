//- schema/types.rs
#[derive(Domain)]
#[domain(nott_null, default = "")]
pub struct Typo(pub String);

#[derive(Domain)]
pub struct NotNewtype {
    pub value: String,
}

#[derive(Domain)]
pub struct Nullable(pub Option<i32>);

#[derive(Domain)]
#[check(name = "a", expr = "VALUE > 0")]
#[check(name = "a", expr = "VALUE < 9")]
#[check(name = "b")]
#[check(expr = "")]
pub struct Checks(pub i32);

#[derive(Domain)]
pub struct Unknown(pub Strin);

#[derive(Domain)]
pub struct Circular(pub Circular);

#[derive(CompositeType)]
pub struct Pair {
    pub a: Option<i32>,
    #[column(name = "a")]
    pub b: Option<i32>,
    #[column(default = "1")]
    pub c: Option<i32>,
}

#[derive(Domain)]
pub struct OverComposite(pub Pair);

#[derive(CompositeType)]
pub struct Tuple(i32, i32);

#[derive(CompositeType)]
#[composite(name = "pair")]
pub struct Again {
    pub x: Option<i32>,
}

#[derive(CompositeType)]
pub struct Nested {
    pub me: Option<Nested>,
}
