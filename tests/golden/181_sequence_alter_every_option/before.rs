#[derive(Sequence)]
#[sequence(data_type = "integer", start = 100, max = 1000)]
pub struct Tickets;
