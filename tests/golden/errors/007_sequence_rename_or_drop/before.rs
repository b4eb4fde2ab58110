#[derive(Sequence)]
pub struct Numbers;
