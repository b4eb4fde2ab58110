#[derive(Sequence)]
#[sequence(start = 7)]
pub struct Numbers;

#[derive(Sequence)]
pub struct Counter;
