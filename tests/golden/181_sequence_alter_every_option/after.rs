//! Every option of a sequence changes: type, start, increment, bounds,
//! cache and cycle (the current value stays within the new bounds).

/// Ticket numbers.
#[derive(Sequence)]
#[sequence(data_type = "bigint", start = 200, increment = 5, min = 10, max = 5000, cache = 10, cycle)]
pub struct Tickets;
